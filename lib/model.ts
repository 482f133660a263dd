/**
 * The vocabulary of Суфлёр. Every context (background, content scripts, sidebar, options, CLI) speaks
 * in these types; the pack schema (lib/packs/pack-schema.ts) validates data into them at the boundary.
 */

export type Severity = 'error' | 'warning' | 'info';

/** The closed set of rule kinds (like Vale's): each kind reads `patterns` its own way. */
export const RULE_KINDS = ['phrase', 'clause', 'missing', 'caps', 'repeated-punctuation', 'long-sentence'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
/**
 * Whole-draft checks (new-hire hints): they look at the draft as a whole, not for a phrase, and never
 * compete with phrase findings for a span (lib/lint/draft-hints.ts).
 */
export const HINT_KINDS = ['missing', 'caps', 'repeated-punctuation', 'long-sentence'] as const;
export type HintKind = (typeof HINT_KINDS)[number];
export const isHintKind = (kind: RuleKind | undefined): kind is HintKind =>
  (HINT_KINDS as readonly string[]).includes(kind ?? 'phrase');
/** Where a `missing` rule looks for its patterns, and where its finding (and the inserted text) goes. */
export const MISSING_AT = ['start', 'end', 'anywhere'] as const;
export type MissingAt = (typeof MISSING_AT)[number];
export const FIX_SCOPES = ['phrase', 'clause'] as const;
export type FixScope = (typeof FIX_SCOPES)[number];

/** A reply template as authored in a pack. `id` is stable forever once published. */
export interface Template {
  id: string;
  title: string;
  /** Plain text with placeholders such as `[Имя]` or `[уточнил|уточнила]`; never HTML. */
  body: string;
  tags: string[];
  category: string;
  /** Short code an agent may type to find it (e.g. `возврат7`). */
  shortcut?: string;
  /**
   * Other words agents use for what this template is about («накосячили» for an apology): found like tags,
   * never shown. See templates/README.md.
   */
  synonyms?: string[];
  /** Where a fact comes from (law article, policy page); shown to the agent, never inserted. */
  note?: string;
}

/**
 * A lint rule as authored. The pattern language and the compiled form are defined by lib/lint/;
 * a pack carries the source fields so that it stays human-readable and self-contained.
 */
export interface Rule {
  id: string;
  /**
   * How `patterns` are read (lib/lint/README.md): `phrase` (the default) — an ordered sequence with gaps;
   * `clause` — words anywhere in one clause, in any order, with negation and grammemes.
   */
  kind?: RuleKind;
  /** `kind: clause` only: the words must appear in the order written (default: any order). */
  ordered?: boolean;
  /**
   * `kind: missing` only: `start` — a pattern must match in the first sentence, the finding marks the first
   * word and a suggestion is put before it; `end` — in the last two sentences, marks the last word, put after
   * it; `anywhere` (the default) — anywhere in the draft, marked and put like `end`.
   */
  at?: MissingAt;
  /** `kind: missing`: the draft needs at least this many words before the rule speaks (default 8). */
  minWords?: number;
  /** `kind: long-sentence`: a sentence with more words than this is marked (default 40). */
  maxWords?: number;
  /** Ids of templates of the same pack that say it better; the card offers to insert them. */
  seeAlso?: string[];
  severity: Severity;
  /** Why this phrasing hurts, in one or two sentences a new hire understands. */
  message: string;
  /** Patterns in the rule language (see lib/lint/README or templates/README.md). */
  patterns: string[];
  /** Patterns that, when they match around a finding, cancel it (negative context). */
  exceptions?: string[];
  /** Better phrasings; the first is the one-click replacement (slots: lib/lint/render-suggestion.ts). */
  suggestions: string[];
  /**
   * What a suggestion replaces: `phrase` (the default) — the marked words; `clause` — the whole clause
   * they stand in (for phrasings that only read right as a clause of their own).
   */
  fix?: FixScope;
  examples: { bad: string[]; good: string[] };
}

export type GuardMode = 'off' | 'warn' | 'confirm' | 'strict';

/** What a team lead sets for every agent subscribed to the pack. */
export interface Policy {
  guardMode?: GuardMode;
  /** When true, agents cannot choose a weaker guard mode than `guardMode`. */
  locked?: boolean;
  newHireMode?: boolean;
  syncIntervalMinutes?: number;
  severityOverrides?: Record<string, Severity>;
  /** Hide the bundled default templates: the team's pack replaces them (agents may not undo it when locked). */
  hideBundled?: boolean;
}

export const PACK_FORMAT = 'sufler-pack';
export const PACK_FORMAT_VERSION = 1;

/** The unit a team lead publishes and every agent's extension syncs. */
export interface Pack {
  format: typeof PACK_FORMAT;
  formatVersion: typeof PACK_FORMAT_VERSION;
  id: string;
  name: string;
  version: string;
  description: string;
  locale: string;
  templates: Template[];
  rules: Rule[];
  policy: Policy;
  /**
   * Groups of words or phrases that mean the same to search across the whole library (e.g. «деньги»,
   * «бабки», «средства»); a query with one finds templates with any. See templates/README.md.
   */
  synonyms?: string[][];
  /**
   * A deliberate rollback: this (older) version replaces exactly the version named here. Without it an
   * older signed pack is refused (lib/packs/pack-version.ts).
   */
  rollbackFrom?: string;
  /**
   * Build output of `sufler pack build`: data the runtime needs but must not compute itself
   * (e.g. the word-form lexicon of the rules). Absent in hand-written packs.
   */
  compiled?: Record<string, unknown>;
  /** Sites the team taught: which pages, and where each field sits there (lib/packs/pack-sites.ts). */
  sites?: PackSite[];
}

/** Where one field's value sits: an element's text or attribute (or, without selector, the URL), cut by a pattern. */
export interface SiteFieldLocator {
  selector?: string;
  attribute?: string;
  /** A regular expression (flags `iu`): its first group, or the whole match, is the value. */
  pattern?: string;
}

/** One taught site: a match pattern (`https://desk.example.ru/*`) and its fields. */
export interface PackSite {
  id: string;
  match: string;
  fields: Partial<Record<SiteFieldId, SiteFieldLocator>>;
}

/** A site the agent taught by pointing (stored in the background), exported as a pack's `sites` entry. */
export interface LearnedSite extends PackSite {
  updatedAt: number;
}

/** Locators for one page, keyed by field. */
export type SiteLocators = Partial<Record<SiteFieldId, SiteFieldLocator>>;

/** One problem found in input data: where (a JSON path or `file:line`) and what, in the user's language. */
export interface DataError {
  path: string;
  message: string;
}

/** A lint finding, with UTF-16 offsets into the original (not normalized) text. */
export interface Finding {
  ruleId: string;
  start: number;
  end: number;
  severity: Severity;
  message: string;
  /** Ready to insert: placeholders filled from the draft or the agent's settings. */
  suggestions: string[];
  /**
   * Per suggestion, the range it replaces when that is not [start, end) — e.g. «Вас обслуживает оператор
   * Иван» is marked without the name but replaced with it. Absent: every suggestion replaces [start, end).
   */
  replaces?: ({ start: number; end: number } | null)[];
  /** Templates (ids in the rule's pack) the card offers to insert instead (`Rule.seeAlso`). */
  seeAlso?: string[];
  /** A whole-draft hint (`HINT_KINDS`): it never hides, and is never hidden by, a phrase finding. */
  hint?: boolean;
}

/** The pack id under which the agent's own templates live. */
export const PERSONAL_PACK_ID = 'personal';

/**
 * What a placeholder in a template body is for. Known kinds fill themselves from the context (the page's
 * customer name, the agent's settings, today's date); `custom` ones are asked for at insert time.
 */
export type PlaceholderKind =
  | 'customer-name'
  | 'agent-name'
  | 'date'
  | 'order-number'
  | 'ticket-id'
  | 'customer-email'
  | 'custom';

/** A `[…]` fill-in of a template body, as listed for the insert-time form (unique names, in order). */
export interface Placeholder {
  /** The name as written in the body, e.g. `номер заказа`. */
  name: string;
  kind: PlaceholderKind;
  /** True when the context can fill it (customer name, agent name, date); false means ask the agent. */
  known: boolean;
}

export type AgentGender = 'male' | 'female';

/** The agent's own settings (stored by the background; a team pack's locked policy can override the guard). */
export interface Settings {
  agentName: string;
  /** Unset: gendered forms render neutrally («уточнил(а)»). */
  agentGender?: AgentGender;
  /** Unset: the team's policy decides (the bundled default is `confirm`). */
  guardMode?: GuardMode;
  /** Unset: the team's policy decides. */
  newHireMode?: boolean;
  /** The bundled default templates: unset follows the team's policy (`hideBundled`), which may lock it. */
  bundledTemplates?: 'show' | 'hide';
  /** Unset: follow the system (prefers-color-scheme). */
  theme?: 'light' | 'dark';
  /** Настройки → Язык интерфейса. Unset: the browser's UI language (lib/i18n). */
  language?: 'ru' | 'en';
  /** The inline picker's trigger per site (origin); a site not listed uses «/» (lib/agent/inline-trigger.ts). */
  inlineTriggers?: Record<string, InlineTrigger>;
}

/** What opens the inline picker in the reply box: «/» (also «.» on ЙЦУКЕН), «;;», or nothing. */
export type InlineTrigger = '/' | ';;' | 'off';

export const DEFAULT_SETTINGS: Settings = { agentName: '' };

/** The docked sidebar's width in CSS pixels, remembered per site. */
export const SIDEBAR_WIDTH = { default: 380, min: 300, max: 720 } as const;

/** How an insert into the page's reply box ended; a failure reason is Russian, shown to the agent as is. */
/** A finding in a template body, for the template editor (the phrase as written, the rule's message). */
export interface TemplateBodyFinding {
  phrase: string;
  message: string;
  severity: Severity;
  suggestions: string[];
}

/** `skippedGreeting`: the draft already greeted, so the template went in without its greeting (skip-greeting.ts). */
export type InsertOutcome = { ok: true; strategy: string; skippedGreeting?: boolean } | { ok: false; reason: string };

// ─── Stored rows ────────────────────────────────────────────────────────────────────────────────────
// The shapes of the background's tables (lib/db/database.ts owns the tables themselves). They are part of
// the vocabulary because they cross the protocol: the sidebar and options show stored templates and
// subscriptions as they are.

/** A template as stored: pack templates and the agent's own ("personal" pack) share one table. */
export interface StoredTemplate extends Template {
  /** `${packId}/${id}`: template ids are unique within a pack only. */
  key: string;
  packId: string;
  updatedAt: number;
  /** Only on a personal copy of a pack template the agent customised (see customised-template-service.ts). */
  origin?: TemplateOrigin;
}

/** The editable content of a template: what a diff compares. */
export type TemplateContent = Pick<Template, 'title' | 'body' | 'tags' | 'category' | 'shortcut' | 'note' | 'synonyms'>;

/**
 * Links a customised copy to the pack template it came from. While it exists the pack's own row is not
 * installed (one template, one row); each sync compares the pack's version with `base`.
 */
export interface TemplateOrigin {
  packId: string;
  templateId: string;
  /** The upstream content the agent started from, or last reviewed: the base of «what changed upstream». */
  base: TemplateContent;
  /** Set when the pack's version differs from `base`: «в пакете есть новая версия»; diff it with `base`/own body. */
  upstream?: TemplateContent & { packVersion: string; seenAt: number };
  /** The pack no longer has this template (or the subscription was removed); the copy stays the agent's. */
  removedUpstream?: boolean;
}

export interface StoredRule extends Rule {
  key: string;
  packId: string;
}

export type PackSource = 'bundled' | 'subscription';

/** A pack's header as stored; its templates and rules live in their own tables. */
export interface StoredPack extends Omit<Pack, 'templates' | 'rules'> {
  source: PackSource;
  installedAt: number;
  updatedAt: number;
  /** The subscription that installed it (source `subscription`). */
  subscriptionId?: string;
}

export type SubscriptionKind = 'json' | 'csv';

/** The reason of the last failed sync, kept until a sync succeeds. */
export interface SyncError {
  kind: string;
  message: string;
  errors?: DataError[];
  httpStatus?: number;
  at: number;
}

/** A team pack the agent follows by URL (see lib/db/subscription-service.ts). */
export interface StoredSubscription {
  id: string;
  url: string;
  kind: SubscriptionKind;
  /** Precedence: 0 first. Decides whose policy wins (lib/packs/effective-policy.ts). */
  order: number;
  /** Display name: the pack's name after a sync, the agent's label (or the URL's file name) before. */
  name: string;
  /** The agent gave the name: a sheet's file name from its server does not replace it. */
  namedByUser?: boolean;
  /** Known after the first good sync of a JSON pack; fixed at creation for CSV (a CSV has no header). */
  packId?: string;
  /** sha256 pin (lower-case hex) of the exact bytes; when set, anything else is rejected. */
  sha256?: string;
  /** `ed25519:<base64>`: the lead's public key; when set, `<url>.sig` must verify. */
  publicKey?: string;
  etag?: string;
  lastModified?: string;
  /**
   * The version last installed under the current `publicKey`: a signed pack older than it is refused
   * (rollback protection); cleared when the key changes.
   */
  signedVersion?: string;
  /** sha256 of the last applied bytes: identical content is not re-applied even without validators. */
  contentSha256?: string;
  intervalMinutes: number;
  createdAt: number;
  lastCheckAt?: number;
  /** Last check that left the pack current (applied or 304): «последняя успешная синхронизация». */
  lastSuccessAt?: number;
  /** Last time new content was applied. */
  lastChangeAt?: number;
  lastError?: SyncError;
  /** What the last applied version changed, by name (lib/packs/pack-change.ts). */
  lastChange?: PackChange;
  /** Consecutive failures: drives the retry backoff. */
  failureCount: number;
  /** When the next automatic sync is due (interval after success, backoff after failure). */
  nextSyncAt: number;
}

/**
 * What one sync changed in a team pack, by name (template titles, rule phrases, policy settings); built by
 * lib/packs/pack-change.ts, stored with the subscription.
 */
/** A count and the first few names: a 10,000-template first sync must not store 10,000 titles. */
export interface NamedList {
  count: number;
  names: string[];
}

export interface PackChange {
  at: number;
  packName: string;
  /** Absent on the first install. */
  fromVersion?: string;
  toVersion: string;
  templates: { added: NamedList; changed: NamedList; removed: NamedList; renamed: { from: string; to: string }[] };
  rules: { added: NamedList; changed: NamedList; removed: NamedList };
  policy: { field: keyof Policy; from?: Policy[keyof Policy]; to?: Policy[keyof Policy] }[];
  /** The sidebar showed it once («что изменилось» on the first open after the change). */
  seen?: boolean;
}

/** How often a rule's finding was shown, fixed, ignored or sent anyway on one day. No draft text. */
export interface LintStat {
  /** `${day}|${ruleId}` */
  key: string;
  /** Local date, `YYYY-MM-DD`. */
  day: string;
  ruleId: string;
  shown: number;
  fixed: number;
  ignored: number;
  sentAnyway: number;
}

// ─── What crosses the protocol ──────────────────────────────────────────────────────────────────────
// Arguments and results of lib/messaging/protocol.ts. They live here, not beside the services or the
// protocol, so that services never import the protocol and components never import lib/db.

/** What the popup and options show about the library; also the e2e tests' view of the seeded data. */
export interface LibraryStatus {
  /** Whether the bundled templates are hidden by the team's policy or the agent's setting. */
  bundled: BundledVisibility;
  dataVersion: number;
  packs: Pick<StoredPack, 'id' | 'name' | 'version' | 'source' | 'updatedAt'>[];
  templateCount: number;
  ruleCount: number;
}

/** Whether the bundled default templates are shown, and who decided it (options explains a lock). */
export interface BundledVisibility {
  hidden: boolean;
  /** A team pack asks to hide them. */
  byTeam: boolean;
  /** …and its policy is locked: the agent cannot show them again. */
  locked: boolean;
}

/** What search needs of each installed pack beyond its templates: its lexicon and its synonym groups. */
export interface SearchLexiconSource {
  packId: string;
  compiled?: { search?: unknown };
  synonyms?: string[][];
}

/** Rules of every installed pack, with each pack's build output. */
export interface LintRuleSet {
  dataVersion: number;
  packs: { packId: string; rules: StoredRule[]; compiled?: Record<string, unknown> }[];
}

/** What the agent script in a page works with: compiled rules and the guard as policy and settings decide. */
export interface AgentConfig {
  dataVersion: number;
  /** Compiled rules of every installed pack (see `encodeCompiledRules` in lib/lint/lint-draft.ts). */
  rules: string;
  guardMode: GuardMode;
  /** New-hire mode: info-level hints too, and the strict guard. */
  newHireMode: boolean;
  /**
   * Errors cannot be skipped («Пропустить» is not offered, the coach refuses it): a locked strict team policy,
   * or new-hire mode. Otherwise a skip is allowed and counted.
   */
  errorsLocked?: boolean;
  /** For suggestions that name the agent or agree with their gender (lib/lint/render-suggestion.ts). */
  agentName?: string;
  agentGender?: AgentGender;
  /** The inline trigger in force on the sender's site (Настройки → Быстрая вставка). */
  inlineTrigger?: InlineTrigger;
  /**
   * The titles of the templates rules name in `seeAlso`, by template id: the card offers to insert them. The
   * text comes rendered from the background on the agent's click (`renderSeeAlso`): agents hold no templates.
   */
  seeAlso?: Record<string, { title: string }>;
  /** Настройки → Оформление for the agent's own UI in the page; unset follows the system. */
  theme?: 'light' | 'dark';
  /** Настройки → Язык интерфейса for the agent's own UI in the page; unset follows the browser. */
  language?: 'ru' | 'en';
}

/** A template rendered for an inline insert: the only template text an agent ever receives (issue 12.8). */
export interface InlineText {
  text: string;
  /** Placeholders left as `[name]` in `text`: the agent selects them in turn (Tab to the next). */
  missing: string[];
}

/** What the agent tells its picker frame (through the background): the query as typed, or a key. */
export interface PickerInput {
  /** The text after the trigger; null closes the picker. */
  query: string | null;
  key?: 'ArrowDown' | 'ArrowUp' | 'Enter' | 'Tab';
}

/** The picker frame's answer: how many options it shows, the list's height, and the chosen template. */
export interface PickerFrameAnswer {
  count: number;
  height: number;
  chosen?: string;
  /** False while the frame is not there yet or still loading its library: the agent asks again shortly. */
  ready: boolean;
}

/** What the agent gets back: the picker's state and, after Enter or Tab, the rendered template to insert. */
export interface PickerAnswer {
  count: number;
  height: number;
  insert?: InlineText;
  ready: boolean;
}

export type LintEventKind = 'shown' | 'fixed' | 'ignored' | 'sentAnyway';

/** How often and how recently the agent used one template. */
export interface TemplateUsage {
  count: number;
  lastUsedAt: number;
}

/** Usage per template key, for ranking (the background answers a record; the search also takes a Map). */
export type UsageStats = Record<string, TemplateUsage>;

/** What the inline picker needs of a template to search and show it (lib/picker/picker-frame.ts). */
export type PickerTemplate = Pick<
  StoredTemplate,
  'key' | 'id' | 'title' | 'body' | 'tags' | 'category' | 'shortcut' | 'synonyms'
>;

/**
 * One page of the library in key order (`listTemplatePage`): a 10k library sent in one message is one parse of
 * several megabytes, ≈ 100 ms in which a frame can do nothing else (issue 19). `next` is the key to ask after,
 * null on the last page; `version` is the library's data version, which changes with every write, so a reader
 * sees whether the pages it put together come from one library.
 */
export interface TemplatePage<T> {
  templates: T[];
  next: string | null;
  version: number;
}

/** The sidebar's remembered state on one site (origin). */
export interface SiteState {
  open: boolean;
  width: number;
}

/**
 * A held send in a cross-origin frame (a chat widget a few dozen pixels high): its dialog or notice is drawn
 * in the top page, which has room; the top answers with what the agent chose.
 */
export interface GuardInTopRequest {
  kind: 'dialog' | 'notice';
  text: string;
  findings: Finding[];
  strict: boolean;
  /** A held plain Enter whose meaning is not known: the dialog offers «Новая строка». */
  newLine?: boolean;
}

/** `closed`: the dialog went away without a choice (a newer one replaced it), or it was only a notice. */
export type GuardChoice = 'fix' | 'send-anyway' | 'new-line' | 'closed';

/**
 * A finding card of a cross-origin frame, drawn in the top page (the frame may be too small for it): the phrase's
 * box in the frame's own viewport, moved by the top onto the frame's box. `frameOrigin` is set by the background
 * from the sender, never by the frame.
 */
export interface FindingCardInTopRequest {
  finding: Finding;
  phrase: string;
  anchor: { left: number; top: number; width: number; height: number };
  /** The card takes the focus (opened from the keyboard); `canSkip: false` under a locked strict policy. */
  options?: { focus?: boolean; canSkip?: boolean };
  frameOrigin?: string;
}

/**
 * What the agent did in a card drawn in the top page: a suggestion, «Пропустить», Escape back to the text
 * (`close`), Ctrl+. to the next finding (`next`); `closed`: it went away without a choice.
 */
export type FindingCardChoice =
  | { kind: 'apply'; index: number }
  | { kind: 'ignore' }
  | { kind: 'close' }
  | { kind: 'next'; backward: boolean }
  | { kind: 'closed' };

/** A finding of the agent's current draft, with the words it covers (the sidebar's «Замечания»). */
export interface DraftFinding extends Finding {
  phrase: string;
  /** An error under a locked strict policy (or new-hire mode): no «Пропустить», it must be fixed. */
  locked?: boolean;
}

/** What the page tells the sidebar: facts a site adapter read, and a key for the current conversation. */
export interface PageContext {
  /** The tab the sidebar is docked in: broadcasts about drafts name their tab. */
  tabId?: number;
  origin: string;
  /**
   * The conversation's URL, hash included (hash-routed apps keep the chat there): placeholder values are
   * remembered per conversation, and one customer's order number must not be offered in another's chat.
   */
  conversationKey: string;
  customerName?: string;
  /** Facts read off the page on demand (a site profile or what the agent taught), by field. */
  fields?: PageFields;
}

/**
 * What a page can tell about the conversation. `customerName` is the full name as shown, `firstName` what
 * templates greet with; `ticketId` the number the customer sees; `orderNumber` as the shop writes it.
 */
export type SiteFieldId = 'customerName' | 'firstName' | 'ticketId' | 'orderNumber' | 'customerEmail';
export const SITE_FIELD_IDS: readonly SiteFieldId[] = [
  'customerName',
  'firstName',
  'ticketId',
  'orderNumber',
  'customerEmail',
];
export type PageFields = Partial<Record<SiteFieldId, string>>;

/** Every field optional, and `null` to unset it. */
export type Nullable<T> = { [K in keyof T]?: T[K] | null };
/** A change to the settings; `null` returns a setting to its default (the team's policy). */
export type SettingsPatch = Nullable<Settings>;

/** What the library editor sends: a template without its id (the id is derived once and never changes). */
export type TemplateDraft = Partial<Omit<Template, 'id'>>;

export type SaveResult = { ok: true; template: StoredTemplate } | { ok: false; errors: DataError[] };

export type LibraryFormat = 'json' | 'csv';

export interface LibraryExport {
  fileName: string;
  mimeType: string;
  text: string;
  count: number;
}

export interface ImportConflict {
  incoming: Template;
  existing: { key: string; title: string; packId: string };
  reason: 'same-title' | 'same-shortcut';
}

export type ImportPreview =
  | {
      ok: true;
      dataVersion: number;
      added: Template[];
      updated: { before: Template; after: Template }[];
      unchanged: number;
      conflicts: ImportConflict[];
      /** Rules in an imported pack are not imported. */
      ignoredRules: number;
    }
  | { ok: false; errors: DataError[] };

export type ConflictChoice = 'skip' | 'import';

export type ImportResult =
  | { status: 'applied'; added: number; updated: number; skipped: number; dataVersion: number }
  | { status: 'stale'; message: string }
  | { status: 'failed'; errors: DataError[] };

export interface SubscriptionInput {
  url: string;
  kind: SubscriptionKind;
  /** Label before the first sync (a CSV pack keeps it: a sheet has no pack name). */
  name?: string;
  sha256?: string;
  publicKey?: string;
}

export type SubscriptionPatch = Partial<Pick<SubscriptionInput, 'name'>> & {
  /** `null` removes the pin / key. */
  sha256?: string | null;
  publicKey?: string | null;
};

/** A subscription with what options and the popup show next to it. */
export interface SubscriptionStatus extends StoredSubscription {
  pack?: { id: string; name: string; version: string; templateCount: number; updatedAt: number };
}

export type FetchPackFailureKind =
  | 'invalid-url'
  | 'insecure-url'
  | 'offline'
  | 'dns'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'not-found'
  | 'forbidden'
  | 'http-error'
  | 'server-error'
  | 'cross-origin-redirect'
  | 'content-type'
  | 'too-large'
  | 'encoding'
  | 'malformed'
  | 'schema'
  | 'check'
  | 'hash-mismatch'
  | 'signature-missing'
  | 'signature-invalid';

/** Why a pack could not be fetched or accepted (lib/packs/fetch-pack.ts), as options and the popup show it. */
export interface FetchPackFailure {
  kind: FetchPackFailureKind;
  /** One Russian sentence for the options page and popup. */
  message: string;
  /** Every problem found, for malformed / schema / check failures (path + Russian message). */
  errors?: DataError[];
  httpStatus?: number;
}
