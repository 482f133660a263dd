/**
 * The vocabulary of Суфлёр. Every context (background, content scripts, sidebar, options, CLI) speaks
 * in these types; the pack schema (lib/packs/pack-schema.ts) validates data into them at the boundary.
 */

export type Severity = 'error' | 'warning' | 'info';

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
  /** Where a fact comes from (law article, policy page); shown to the agent, never inserted. */
  note?: string;
}

/**
 * A lint rule as authored. The pattern language and the compiled form are defined by lib/lint/;
 * a pack carries the source fields so that it stays human-readable and self-contained.
 */
export interface Rule {
  id: string;
  severity: Severity;
  /** Why this phrasing hurts, in one or two sentences a new hire understands. */
  message: string;
  /** Patterns in the rule language (see lib/lint/README or templates/README.md). */
  patterns: string[];
  /** Patterns that, when they match around a finding, cancel it (negative context). */
  exceptions?: string[];
  /** Better phrasings; the first is the one-click replacement. */
  suggestions: string[];
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
   * A deliberate rollback: this (older) version replaces exactly the version named here. Without it an
   * older signed pack is refused (lib/packs/pack-version.ts).
   */
  rollbackFrom?: string;
  /**
   * Build output of `sufler pack build`: data the runtime needs but must not compute itself
   * (e.g. the word-form lexicon of the rules). Absent in hand-written packs.
   */
  compiled?: Record<string, unknown>;
}

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
  suggestions: string[];
}

/** The pack id under which the agent's own templates live. */
export const PERSONAL_PACK_ID = 'personal';

/**
 * What a placeholder in a template body is for. Known kinds fill themselves from the context (the page's
 * customer name, the agent's settings, today's date); `custom` ones are asked for at insert time.
 */
export type PlaceholderKind = 'customer-name' | 'agent-name' | 'date' | 'custom';

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
}

export const DEFAULT_SETTINGS: Settings = { agentName: '' };

/** The docked sidebar's width in CSS pixels, remembered per site. */
export const SIDEBAR_WIDTH = { default: 380, min: 300, max: 720 } as const;

/** How an insert into the page's reply box ended; a failure reason is Russian, shown to the agent as is. */
export type InsertOutcome = { ok: true; strategy: string } | { ok: false; reason: string };
