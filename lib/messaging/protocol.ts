import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SubscriptionService, SyncOutcome } from '../db/subscription-service';
import type {
  AgentConfig,
  ConflictChoice,
  DraftFinding,
  ImportPreview,
  ImportResult,
  InsertOutcome,
  LibraryExport,
  LibraryFormat,
  LibraryStatus,
  LintEventKind,
  LintStat,
  PageContext,
  PickerTemplate,
  SaveResult,
  Settings,
  SettingsPatch,
  SiteState,
  StoredTemplate,
  SubscriptionInput,
  SubscriptionPatch,
  SubscriptionStatus,
  TemplateDraft,
  UsageStats,
} from '../model';
import type { EffectivePolicy } from '../packs/effective-policy';
import type { SiteAccess } from './site-access';

/**
 * Messages handled by the background service worker. Every cross-context request goes through this map:
 * the key is the message, the function type its argument and result. A unit test checks that the
 * background registers a handler for every key.
 */
export interface BackgroundProtocol {
  getStatus(): LibraryStatus;
  listTemplates(): StoredTemplate[];
  /** The sidebar's first screen: a few recent and frequent templates, before the whole library arrives. */
  listRecentTemplates(data: { limit: number }): StoredTemplate[];
  /** The agent script's working set: compiled rules, guard mode, new-hire mode. */
  getAgentConfig(): AgentConfig;
  /** From an agent, on the first inline trigger: the library as the picker searches it, and usage for ranking. */
  getPickerLibrary(): { templates: PickerTemplate[]; usage: UsageStats };
  getUsageStats(): UsageStats;
  recordUsage(data: { templateKey: string; site: string }): void;
  getSettings(): Settings;
  saveSettings(data: SettingsPatch): Settings;
  getSiteState(data: { origin: string }): SiteState;
  saveSiteState(data: { origin: string } & Partial<SiteState>): SiteState;
  /** From the popup (active tab) or the agent's launcher (its own tab): show the sidebar. */
  openSidebar(): void;
  /** From the popup: does Суфлёр run on the active tab's site, and the switch for sites it does not know. */
  getSiteAccess(): SiteAccess;
  enableSite(data: { origin: string }): SiteAccess;
  disableSite(data: { origin: string }): SiteAccess;
  /** From an agent: inject the on-demand UI (card, guard dialog, sidebar host) into its frame. */
  loadAgentUi(): void;
  /** From the sidebar frame: hide it and give focus back to the reply box. */
  closeSidebar(): void;
  /** From an agent frame: the agent focused a reply box here, so inserts go to this frame. */
  replyBoxFocused(): void;
  /** From the sidebar frame: insert text at the saved caret of the reply box the agent last focused. */
  insertIntoPage(data: { text: string; templateKey: string; site: string }): InsertOutcome;
  /** From the sidebar frame: the page's context (customer name, conversation). */
  getPageContext(): PageContext;
  /** From the agent: the current draft's findings changed (kept per tab for the session, never stored). */
  reportFindings(data: { findings: DraftFinding[] }): void;
  /** From the sidebar: the findings of its tab's draft, and the same actions as the card in the page. */
  getFindings(): DraftFinding[];
  applyFinding(data: { finding: DraftFinding; index: number }): void;
  ignoreFinding(data: { finding: DraftFinding }): void;
  /** Local statistics per rule per day; no draft text is ever sent or stored. */
  recordLintEvent(data: { ruleId: string; kind: LintEventKind }): void;
  getLintStats(data: { days: number }): LintStat[];
  /** Fill-in values typed in one conversation (its URL), kept for the browser session only. */
  getFillValues(data: { conversation: string }): Record<string, string>;
  saveFillValues(data: { conversation: string; values: Record<string, string> }): void;
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
  exportLibrary(data: { format: LibraryFormat }): LibraryExport;
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
}

export type SubscribeResult = Awaited<ReturnType<SubscriptionService['subscribe']>>;

/** Broadcast by the background to every extension page (options, popup, sidebar frames) after a change. */
export interface PageBroadcastProtocol {
  dataChanged(): void;
  /** A tab's draft findings changed: its sidebar's «Замечания» follow. */
  findingsChanged(data: { tabId: number; findings: DraftFinding[] }): void;
}

/** Messages the background sends to the agent script in a tab's frames. */
export interface TabProtocol {
  /** Answers with the page URL: proves the agent script is alive in that frame. */
  agentPing(): { url: string };
  /** Top frame: show or hide the sidebar (toggle when `open` is not given). */
  toggleSidebar(data: { open?: boolean }): { open: boolean };
  /** Top frame: hide the sidebar and focus the reply box again. */
  hideSidebar(): void;
  /** The frame that owns the reply box: insert at its saved caret and verify it landed. */
  insertText(data: { text: string }): InsertOutcome;
  /** Top frame: what site adapters can read off the page. */
  readPageContext(): PageContext;
  /** Rules, policy or settings changed: recompile the draft linter. */
  rulesChanged(): void;
  /** The frame that owns the reply box: act on a finding as the card in the page would. */
  applyFindingInBox(data: { finding: DraftFinding; index: number }): void;
  ignoreFindingInBox(data: { finding: DraftFinding }): void;
}

export type Protocol = BackgroundProtocol & TabProtocol & PageBroadcastProtocol;

export const BACKGROUND_MESSAGES = [
  'getStatus',
  'listTemplates',
  'listRecentTemplates',
  'getAgentConfig',
  'getPickerLibrary',
  'getUsageStats',
  'recordUsage',
  'getSettings',
  'saveSettings',
  'getSiteState',
  'saveSiteState',
  'openSidebar',
  'getSiteAccess',
  'enableSite',
  'disableSite',
  'loadAgentUi',
  'closeSidebar',
  'replyBoxFocused',
  'insertIntoPage',
  'getPageContext',
  'reportFindings',
  'getFindings',
  'applyFinding',
  'ignoreFinding',
  'recordLintEvent',
  'getLintStats',
  'getFillValues',
  'saveFillValues',
  'createTemplate',
  'updateTemplate',
  'copyToPersonal',
  'deleteTemplates',
  'restoreTemplates',
  'bulkTag',
  'customiseTemplate',
  'acceptUpstream',
  'keepMine',
  'exportLibrary',
  'previewImport',
  'applyImport',
  'listSubscriptions',
  'subscribe',
  'updateSubscription',
  'removeSubscription',
  'reorderSubscriptions',
  'syncSubscription',
  'syncAllSubscriptions',
  'getEffectivePolicy',
] as const satisfies readonly (keyof BackgroundProtocol)[];

export const messenger = defineExtensionMessaging<Protocol>({ logger: undefined });
export const { sendMessage, onMessage } = messenger;
