import { defineExtensionMessaging, type GetDataType, type GetReturnType } from '@webext-core/messaging';
import type { SubscriptionService, SyncOutcome } from '../db/subscription-service';
import type {
  AgentConfig,
  ConflictChoice,
  DraftFinding,
  FindingCardChoice,
  FindingCardInTopRequest,
  GuardChoice,
  GuardInTopRequest,
  ImportPreview,
  ImportResult,
  InlineText,
  InsertOutcome,
  LearnedSite,
  LibraryExport,
  LibraryFormat,
  LibraryStatus,
  LintEventKind,
  LintStat,
  PackChange,
  PackSite,
  PageContext,
  PickerAnswer,
  PickerFrameAnswer,
  PickerInput,
  PickerTemplate,
  SaveResult,
  SearchLexiconSource,
  Settings,
  SettingsPatch,
  SiteFieldId,
  SiteFieldLocator,
  SiteLocators,
  SiteState,
  StoredTemplate,
  SubscriptionInput,
  SubscriptionPatch,
  SubscriptionStatus,
  TemplateBodyFinding,
  TemplateDraft,
  TemplatePage,
  UsageStats,
} from '../model';
import type { EffectivePolicy } from '../packs/effective-policy';
import type { SiteAccess } from './site-access';

/**
 * Messages handled by the background service worker, split by who may send them (a unit test lists the
 * split). The background tells callers apart by the sender Chrome reports (register-background.ts):
 *
 * - an **agent**: the content script in a helpdesk page. The page is hostile, and a compromised renderer
 *   could send anything its agent can, so an agent gets only what the agent needs: its own tab's data, the
 *   compiled rules, the insert relays.
 * - the **sidebar**: our extension page framed into that tab. It must first claim its frame with the token
 *   its agent put in the frame's name (`claimSidebar`); a sidebar frame that did not is refused everything.
 * - the **picker**: our inline picker's list (lib/picker/), framed at the reply box's caret. Like the sidebar it
 *   claims its frame with a token first; then it may read the library to search it, and nothing else. The
 *   agent never gets the library: it forwards the query and keys to its picker frame and receives only the
 *   one template the agent chose, rendered.
 * - **extension pages** (options, popup; the claimed sidebar too): the library, settings, subscriptions,
 *   import and restore, statistics.
 */
export interface AgentProtocol {
  /** From the site picker in the agent's tab: where one field sits on that tab's site (origin from the sender). */
  saveLearnedField(data: { field: SiteFieldId; locator: SiteFieldLocator }): LearnedSite;
  /** From an agent in a cross-origin frame: show its guard dialog or notice in the top page. */
  showGuardInTop(data: GuardInTopRequest): GuardChoice;
  /** From an agent in a cross-origin frame: draw its finding card in the top page; answers the agent's choice. */
  showFindingCardInTop(data: FindingCardInTopRequest): FindingCardChoice;
  hideFindingCardInTop(): void;
  /** The agent script's working set: compiled rules, guard mode, new-hire mode. */
  getAgentConfig(): AgentConfig;
  /** The sidebar's remembered state on the sender's own site (its top frame's origin). */
  getSiteState(): SiteState;
  saveSiteState(data: Partial<SiteState>): SiteState;
  /** The launcher badge: show the sidebar in the agent's own tab. */
  openSidebar(): void;
  /** Inject the on-demand UI (card, guard dialog, sidebar host) into the agent's frame. */
  loadAgentUi(): void;
  /** Top frame: the sidebar frame about to be created carries `token` in its name; only it may claim the tab. */
  expectSidebar(data: { token: string }): void;
  /** The agent focused a reply box here by a user action, so inserts go to this frame (same origin as the top). */
  replyBoxFocused(): void;
  /** The current draft's findings changed (kept per tab for the session, never stored). */
  reportFindings(data: { findings: DraftFinding[] }): void;
  /** Local statistics per rule per day; no draft text is ever sent or stored. */
  recordLintEvent(data: { ruleId: string; kind: LintEventKind }): void;
  /** The picker frame about to be created in the sender's frame carries `token` in its name. */
  expectPicker(data: { token: string }): void;
  /** The query or a key typed at the inline trigger, for the sender's picker frame; after Enter/Tab, the choice rendered. */
  pickerInput(data: PickerInput): PickerAnswer;
  /** A shortcut typed after the trigger: its template rendered, only when exactly that shortcut exists (either layout). */
  expandShortcut(data: { shortcut: string }): InlineText | null;
  /** The template a finding's card offers (a rule's `seeAlso`), rendered like an inline insert. */
  renderSeeAlso(data: { id: string }): InlineText | null;
  /** The last inline text given to this tab landed: count its use (ranking). */
  inlineInserted(): void;
}

export interface PickerProtocol {
  /** The picker frame's first message: binds it as the picker of the agent frame that issued `token`. */
  claimPicker(data: { token: string }): { ok: boolean };
  /** What the picker searches besides the templates: usage and the packs' search lexicons (and its settings). */
  getPickerLibrary(): { usage: UsageStats; lexicons: SearchLexiconSource[] };
  /** The visible library a page at a time (see `TemplatePage`), only what the picker shows: no pack metadata. */
  getPickerTemplatePage(data: { after?: string; limit: number }): TemplatePage<PickerTemplate>;
}

export interface SidebarProtocol {
  /** The frame's first message: binds this frame as its tab's sidebar when `token` is the one its agent set. */
  claimSidebar(data: { token: string }): { ok: boolean };
  /** Hide the sidebar and give focus back to the reply box. */
  closeSidebar(): void;
  /** Insert text at the saved caret of the reply box the agent last focused. */
  insertIntoPage(data: { text: string; templateKey: string; site: string }): InsertOutcome;
  /** The page's context (customer name, conversation). */
  getPageContext(): PageContext;
  /** The findings of its tab's draft, and the same actions as the card in the page. */
  getFindings(): DraftFinding[];
  applyFinding(data: { finding: DraftFinding; index: number }): void;
  ignoreFinding(data: { finding: DraftFinding }): void;
  /**
   * The card's «Вставить шаблон» for a finding's `seeAlso` template: the agent inserts it as the card would, the
   * text rendered by the background (`renderSeeAlso`) on this click — agents hold no template text.
   */
  insertSeeAlso(data: { finding: DraftFinding; id: string }): void;
  /** Fill-in values typed in one conversation (its URL), kept for the browser session only. */
  getFillValues(data: { conversation: string }): Record<string, string>;
  saveFillValues(data: { conversation: string; values: Record<string, string> }): void;
}

export interface ExtensionPageProtocol {
  getStatus(): LibraryStatus;
  listTemplates(): StoredTemplate[];
  /** The same a page at a time (see `TemplatePage`): what the sidebar loads, so no one message is huge. */
  listTemplatePage(data: { after?: string; limit: number }): TemplatePage<StoredTemplate>;
  /** The sidebar's first screen: a few recent and frequent templates, before the whole library arrives. */
  listRecentTemplates(data: { limit: number }): StoredTemplate[];
  /** The sidebar's search lexicon: each pack's `compiled.search` and `synonyms` (small; no dictionary). */
  getSearchLexicons(): SearchLexiconSource[];
  getUsageStats(): UsageStats;
  recordUsage(data: { templateKey: string; site: string }): void;
  getSettings(): Settings;
  saveSettings(data: SettingsPatch): Settings;
  /** The popup: show the sidebar in the active tab. */
  openSidebarInActiveTab(): void;
  /** The popup: does Суфлёр run on the active tab's site, and the switch for sites it does not know. */
  getSiteAccess(): SiteAccess;
  enableSite(data: { origin: string }): SiteAccess;
  disableSite(data: { origin: string }): SiteAccess;
  getLintStats(data: { days: number }): LintStat[];
  /** The agent's own templates (the personal pack); team pack templates are read-only. */
  createTemplate(data: TemplateDraft): SaveResult;
  updateTemplate(data: { key: string; draft: TemplateDraft }): SaveResult;
  copyToPersonal(data: { key: string }): StoredTemplate;
  /** Returns what was deleted, for «Отменить». */
  deleteTemplates(data: { keys: string[] }): StoredTemplate[];
  restoreTemplates(data: { templates: StoredTemplate[] }): void;
  bulkTag(data: { keys: string[]; add: string[]; remove: string[] }): number;
  /** A pack template the agent edits becomes their linked copy, marked when the pack has a newer version. */
  customiseTemplate(data: { key: string }): { ok: true; key: string } | { ok: false; message: string };
  acceptUpstream(data: { key: string }): { ok: boolean };
  keepMine(data: { key: string }): { ok: boolean };
  /** The agent's own library out and in (JSON pack or CSV), all-or-nothing with a preview. */
  /** `team`: the library as a pack a lead can publish (its own id, name and a version), JSON only. */
  exportLibrary(data: { format: LibraryFormat; team?: { name: string } }): LibraryExport;
  previewImport(data: { text: string; format: LibraryFormat }): ImportPreview;
  applyImport(data: {
    text: string;
    format: LibraryFormat;
    expectedDataVersion: number;
    conflicts: ConflictChoice;
  }): ImportResult;
  /** Team packs by URL. */
  listSubscriptions(): SubscriptionStatus[];
  subscribe(data: SubscriptionInput): SubscribeResult;
  updateSubscription(data: SubscriptionPatch & { id: string }): { ok: boolean; message?: string };
  removeSubscription(data: { id: string }): { ok: boolean };
  reorderSubscriptions(data: { ids: string[] }): void;
  syncSubscription(data: { id: string }): SyncOutcome;
  syncAllSubscriptions(): SyncOutcome[];
  getEffectivePolicy(): EffectivePolicy;
  /** From the sidebar on opening: what syncs changed since it last showed them (then marked as shown). */
  takePackChanges(): PackChange[];
  /** From options' statistics: each rule id → the phrase it catches («ничем не могу помочь»). */
  getRuleNames(): Record<string, string>;
  /** The template editor: a body against the library's rules, before it is saved. */
  checkTemplateBody(data: { body: string }): TemplateBodyFinding[];
  /** From the sidebar (its tab) or the popup (the active tab): start «Научить Суфлёр этому сайту» there. */
  teachSite(): void;
  /** Options: the taught sites, shown and editable. */
  listLearnedSites(): LearnedSite[];
  saveLearnedSite(data: PackSite): { ok: true } | { ok: false; errors: { path: string; message: string }[] };
  deleteLearnedSite(data: { id: string }): void;
}

/** Who sent a message to the background (see register-background.ts for how the sender is read). */
export type Caller = 'agent' | 'sidebar' | 'picker' | 'extensionPage';

/** Every background message, grouped by the protocol that defines it. */
export interface BackgroundProtocols {
  agent: AgentProtocol;
  sidebar: SidebarProtocol;
  picker: PickerProtocol;
  extensionPage: ExtensionPageProtocol;
}

/** Which groups each caller may use: the claimed sidebar is an extension page too. */
export const CALLER_GROUPS = {
  agent: ['agent'],
  sidebar: ['sidebar', 'extensionPage'],
  picker: ['picker'],
  extensionPage: ['extensionPage'],
} as const satisfies Record<Caller, readonly (keyof BackgroundProtocols)[]>;

export type BackgroundProtocol = AgentProtocol & SidebarProtocol & PickerProtocol & ExtensionPageProtocol;

export type SubscribeResult = Awaited<ReturnType<SubscriptionService['subscribe']>>;

/** Broadcast by the background to every extension page (options, popup, sidebar frames) after a change. */
export interface PageBroadcastProtocol {
  dataChanged(): void;
  /** A tab's draft findings changed: its sidebar's «Замечания» follow. */
  findingsChanged(data: { tabId: number; findings: DraftFinding[] }): void;
}

/** Answered by the agent script in every frame it runs in, followed frames included. */
export interface AgentPingProtocol {
  /** Answers with the page URL: proves the agent script is alive in that frame. */
  agentPing(): { url: string };
}

/** Messages the background sends to the agent that follows a reply box in one frame of a tab. */
export interface FrameProtocol {
  /** The frame that owns the reply box: insert at its saved caret and verify it landed. */
  insertText(data: { text: string }): InsertOutcome;
  /** Rules, policy or settings changed: recompile the draft linter. */
  rulesChanged(): void;
  /** The frame that owns the reply box: act on a finding as the card in the page would. */
  applyFindingInBox(data: { finding: DraftFinding; index: number }): void;
  ignoreFindingInBox(data: { finding: DraftFinding }): void;
  insertSeeAlsoInBox(data: { finding: DraftFinding; id: string }): void;
}

/** Messages the background sends to the agent script in a tab's top frame (the sidebar's host). */
export interface TopFrameProtocol {
  /** Show or hide the sidebar (toggle when `open` is not given). */
  toggleSidebar(data: { open?: boolean }): { open: boolean };
  /** Hide the sidebar and focus the reply box again. */
  hideSidebar(): void;
  /** Top frame: draw a subframe's guard dialog or notice here, anchored to the focused frame. */
  showGuardDialog(data: GuardInTopRequest): GuardChoice;
  /** Top frame: draw a cross-origin frame's finding card here, over that frame's box. */
  showFindingCard(data: FindingCardInTopRequest): FindingCardChoice;
  hideFindingCard(): void;
  /** What the site profiles (and `locators`, taught or from a pack) read off the page. */
  readPageContext(data?: { locators?: SiteLocators }): PageContext;
  /** Open the picker overlay (on demand, like the card) to teach this site's fields. */
  startSitePicker(): void;
}

/** Messages the background sends to a claimed picker frame (extension origin), relaying its agent's typing. */
export interface PickerFrameProtocol {
  pickerUpdate(data: PickerInput): PickerFrameAnswer;
}

export type TabProtocol = AgentPingProtocol & FrameProtocol & TopFrameProtocol & PickerFrameProtocol;

/** A handler for every message of protocol `P`: a missing or extra key is a compile error. */
export type Handlers<P, Extra extends unknown[] = []> = {
  [K in keyof P]: (data: GetDataType<P[K]>, ...extra: Extra) => Promise<GetReturnType<P[K]>> | GetReturnType<P[K]>;
};

/** The data argument of a message, absent for messages without data. */
export type DataArgs<F> = GetDataType<F> extends undefined ? [] : [data: GetDataType<F>];

// One messenger per direction, so that a surface can only send what its direction allows: components and
// agents talk to the background, the background talks to tabs and broadcasts to extension pages.
const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>({ logger: undefined });
const tabMessenger = defineExtensionMessaging<TabProtocol>({ logger: undefined });
const pageMessenger = defineExtensionMessaging<PageBroadcastProtocol>({ logger: undefined });

/** From an agent or an extension page to the background. */
export function sendToBackground<K extends keyof BackgroundProtocol>(
  type: K,
  ...data: DataArgs<BackgroundProtocol[K]>
): Promise<GetReturnType<BackgroundProtocol[K]>> {
  return backgroundMessenger.sendMessage(type, ...(data as [never]));
}
export const onBackgroundMessage = backgroundMessenger.onMessage;

/** From the background to the agent in one frame of a tab (or every frame, given a tab id only). */
export function sendToTab<K extends keyof TabProtocol>(
  target: number | { tabId: number; frameId: number },
  type: K,
  ...data: DataArgs<TabProtocol[K]>
): Promise<GetReturnType<TabProtocol[K]>> {
  return tabMessenger.sendMessage(type, data[0] as never, target);
}

/** The agent's side of the tab protocol: every frame's handlers, or the top frame's, all at once. */
export function onTabMessages<P extends AgentPingProtocol | FrameProtocol | TopFrameProtocol | PickerFrameProtocol>(
  handlers: Handlers<P>,
): () => void {
  const stops = Object.entries(handlers).map(([type, handler]) =>
    tabMessenger.onMessage(type as keyof TabProtocol, ({ data }) => (handler as (data: unknown) => never)(data)),
  );
  return () => {
    for (const stop of stops) stop();
  };
}

/** From the background to every open extension page. */
export function broadcastToPages<K extends keyof PageBroadcastProtocol>(
  type: K,
  ...data: DataArgs<PageBroadcastProtocol[K]>
): Promise<GetReturnType<PageBroadcastProtocol[K]>> {
  return pageMessenger.sendMessage(type, ...(data as [never]));
}
export const onPageBroadcast = pageMessenger.onMessage;

/** The argument of background message `K`: components take it from here instead of retyping it. */
export type BackgroundData<K extends keyof BackgroundProtocol> = GetDataType<BackgroundProtocol[K]>;
