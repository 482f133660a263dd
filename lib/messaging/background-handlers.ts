import { triggerForSite } from '../agent/inline-trigger';
import { createAgentConfigService } from '../db/agent-config-service';
import { createCustomisedTemplateService } from '../db/customised-template-service';
import type { SuflerDatabase } from '../db/database';
import { createLibraryService } from '../db/library-service';
import { createLibraryTransferService } from '../db/library-transfer-service';
import { createLintStatsService } from '../db/lint-stats-service';
import { createPersonalLibraryService } from '../db/personal-library-service';
import { createSettingsService } from '../db/settings-service';
import { createSiteFieldsService } from '../db/site-fields-service';
import { createSubscriptionService, type SubscriptionServiceDeps } from '../db/subscription-service';
import type { PackSite, Settings, SettingsPatch, SiteFieldId, SiteFieldLocator } from '../model';
import { ruleNames } from '../packs/rule-names';
import { createInlineTexts } from './inline-texts';
import type { createPageRouter } from './page-router';
import type { BackgroundHandlers, MessageSender } from './register-background';
import type { createSiteAccess } from './site-access';

/** What the background needs from the outside world; everything else is built from the database. */
export interface BackgroundEdges {
  router: ReturnType<typeof createPageRouter>;
  siteAccess: ReturnType<typeof createSiteAccess>;
  fetch: SubscriptionServiceDeps['fetch'];
  isOnline?: () => boolean;
  now(): number;
  /** Tells every open surface and agent that data changed (queries refetch, rules recompile). */
  notifyChanged(): void;
  /** Each time the settings are read or saved: the background's own texts follow Настройки → Язык интерфейса. */
  onSettings?(settings: Settings): void;
}

/** Every background service over one database: the background entry point and the tests build the same. */
export function createBackgroundServices(db: SuflerDatabase, edges: BackgroundEdges) {
  const settings = createSettingsService(db, edges.onSettings);
  const library = createLibraryService(db, edges.now, () => settings.getSettings());
  const subscriptions = createSubscriptionService(db, { fetch: edges.fetch, isOnline: edges.isOnline });
  return {
    ...edges,
    db,
    library,
    settings,
    subscriptions,
    personal: createPersonalLibraryService(db, edges.now),
    stats: createLintStatsService(db, edges.now),
    customised: createCustomisedTemplateService(db),
    transfer: createLibraryTransferService(db),
    siteFields: createSiteFieldsService(db, edges.now),
    agentConfig: createAgentConfigService({
      library,
      settings,
      getEffectivePolicy: () => subscriptions.getEffectivePolicy(),
    }),
  };
}

export type BackgroundServices = ReturnType<typeof createBackgroundServices>;

/** The origin of the page an agent runs in: its tab's top document (an agent's site state is per site). */
function topOriginOf(sender: MessageSender): string {
  const url = sender.tab?.url ?? sender.url;
  if (!url) throw new Error('Сообщение пришло не со страницы');
  return new URL(url).origin;
}

/** Runs a write and then announces it, so no surface keeps showing stale data. */
const announcing =
  <A extends unknown[], R>(notify: () => void, write: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    const result = await write(...args);
    notify();
    return result;
  };

/** Maps every background message to the service that answers it. */
export function createBackgroundHandlers({
  library,
  settings,
  router,
  siteAccess,
  personal,
  stats,
  agentConfig,
  customised,
  transfer,
  subscriptions,
  siteFields,
  now,
  notifyChanged,
}: BackgroundServices): BackgroundHandlers {
  const write = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => announcing(notifyChanged, fn);
  // Read on demand: the profiles' fields first; when the agent or a pack taught this site, once more with them.
  const pageContext = async (sender: MessageSender) => {
    const context = await router.getPageContext(undefined, sender);
    const locators = await siteFields.locatorsFor(context.conversationKey);
    return Object.keys(locators).length > 0 ? router.getPageContext({ locators }, sender) : context;
  };
  const inline = createInlineTexts({
    listTemplates: () => library.listTemplates(),
    dataVersion: async () =>
      `${(await library.getStatus()).dataVersion}|${(await settings.getSettings()).bundledTemplates ?? ''}`,
    getSettings: () => settings.getSettings(),
    pageContext,
    fillValues: (conversation) => router.getFillValues({ conversation }),
    relayToPicker: (input, sender) => router.relayToPicker(input, sender),
    recordUsage: (data) => library.recordUsage(data),
    seeAlsoKey: (id) => agentConfig.seeAlsoKey(id),
    now,
  });
  return {
    agent: {
      // The inline trigger is the sender's site's own (Настройки), never another site's.
      getAgentConfig: async (_, sender) => ({
        ...(await agentConfig.getAgentConfig()),
        inlineTrigger: triggerForSite((await settings.getSettings()).inlineTriggers, topOriginOf(sender)),
      }),
      // An agent reads and writes the state of its own site only: the origin is the sender's, never its word.
      getSiteState: (_, sender) => settings.getSiteState({ origin: topOriginOf(sender) }),
      saveSiteState: (data, sender) => settings.saveSiteState({ ...data, origin: topOriginOf(sender) }),
      openSidebar: (_, sender) => router.openSidebar(undefined, sender),
      loadAgentUi: (_, sender) => router.loadAgentUi(undefined, sender),
      expectSidebar: (data, sender) => router.expectSidebar(data, sender),
      replyBoxFocused: (_, sender) => router.replyBoxFocused(undefined, sender),
      showGuardInTop: (data, sender) => router.showGuardInTop(data, sender),
      showFindingCardInTop: (data, sender) => router.showFindingCardInTop(data, sender),
      hideFindingCardInTop: (_, sender) => router.hideFindingCardInTop(undefined, sender),
      reportFindings: (data, sender) => router.reportFindings(data, sender),
      recordLintEvent: (data) => stats.recordLintEvent(data),
      expectPicker: (data, sender) => router.expectPicker(data, sender),
      pickerInput: (data, sender) => inline.pickerInput(data, sender),
      expandShortcut: (data, sender) => inline.expandShortcut(data, sender),
      renderSeeAlso: (data, sender) => inline.renderSeeAlso(data, sender),
      inlineInserted: (_, sender) => inline.inlineInserted(sender),
      saveLearnedField: write(
        async (data: { field: SiteFieldId; locator: SiteFieldLocator }, sender: MessageSender) => {
          // The origin is the sender tab's, never one the message names: a page can only teach itself.
          return siteFields.saveLearnedField(topOriginOf(sender), data.field, data.locator);
        },
      ),
    },
    sidebar: {
      claimSidebar: (data, sender) => router.claimSidebar(data, sender),
      closeSidebar: (_, sender) => router.closeSidebar(undefined, sender),
      getPageContext: (_, sender) => pageContext(sender),
      getFindings: (_, sender) => router.getFindings(undefined, sender),
      applyFinding: (data, sender) => router.applyFinding(data, sender),
      ignoreFinding: (data, sender) => router.ignoreFinding(data, sender),
      insertSeeAlso: (data, sender) => router.insertSeeAlso(data, sender),
      getFillValues: (data) => router.getFillValues(data),
      saveFillValues: (data) => router.saveFillValues(data),
      async insertIntoPage(data, sender) {
        const outcome = await router.insertIntoPage(data, sender);
        // Usage feeds ranking and statistics: only inserts that landed count.
        if (outcome.ok) await library.recordUsage({ templateKey: data.templateKey, site: data.site });
        return outcome;
      },
    },
    picker: {
      claimPicker: (data, sender) => router.claimPicker(data, sender),
      // Only what the picker searches and shows: no pack metadata, notes or history.
      getPickerLibrary: async () => {
        const [usage, lexicons] = await Promise.all([library.getUsageStats(), library.getSearchLexicons()]);
        return { usage, lexicons, ...(({ language, theme }) => ({ language, theme }))(await settings.getSettings()) };
      },
      getPickerTemplatePage: async (data) => {
        const page = await library.listTemplatePage(data);
        return {
          ...page,
          templates: page.templates.map(({ key, id, title, body, tags, category, shortcut, synonyms }) => ({
            key,
            id,
            title,
            body,
            tags,
            category,
            shortcut,
            synonyms,
          })),
        };
      },
    },
    extensionPage: {
      getStatus: () => library.getStatus(),
      listTemplates: () => library.listTemplates(),
      listTemplatePage: (data) => library.listTemplatePage(data),
      listRecentTemplates: (data) => library.listRecentTemplates(data),
      getSearchLexicons: () => library.getSearchLexicons(),
      getUsageStats: () => library.getUsageStats(),
      recordUsage: (data) => library.recordUsage(data),
      getSettings: () => settings.getSettings(),
      saveSettings: write((patch: SettingsPatch) => settings.saveSettings(patch)),
      openSidebarInActiveTab: () => router.openSidebarInActiveTab(),
      getSiteAccess: () => siteAccess.getSiteAccess(),
      enableSite: (data) => siteAccess.enableSite(data),
      disableSite: (data) => siteAccess.disableSite(data),
      getLintStats: (data) => stats.getLintStats(data),
      createTemplate: write((draft) => personal.createTemplate(draft)),
      updateTemplate: write((data) => personal.updateTemplate(data)),
      copyToPersonal: write((data) => personal.copyToPersonal(data)),
      deleteTemplates: write((data) => personal.deleteTemplates(data)),
      restoreTemplates: write((data) => personal.restoreTemplates(data)),
      bulkTag: write((data) => personal.bulkTag(data)),
      customiseTemplate: write((data) => customised.customiseTemplate({ key: data.key, changes: {} }, now())),
      acceptUpstream: write((data) => customised.acceptUpstream(data, now())),
      keepMine: write((data) => customised.keepMine(data)),
      exportLibrary: (data) => transfer.exportLibrary(data, now()),
      previewImport: (data) => transfer.previewImport(data),
      applyImport: write((data) => transfer.applyImport(data, now())),
      listSubscriptions: () => subscriptions.listSubscriptions(),
      // Every sync changes what options and the popup show (status, last success), even on a 304.
      subscribe: write((input) => subscriptions.subscribe(input, now())),
      updateSubscription: write(({ id, ...patch }) => subscriptions.updateSubscription({ id, ...patch }, now())),
      removeSubscription: write((data) => subscriptions.removeSubscription(data)),
      reorderSubscriptions: write((data) => subscriptions.reorderSubscriptions(data)),
      syncSubscription: write((data) => subscriptions.syncSubscription(data.id, now())),
      syncAllSubscriptions: write(() => subscriptions.syncAll(now())),
      getEffectivePolicy: () => subscriptions.getEffectivePolicy(),
      takePackChanges: () => subscriptions.takeUnseenPackChanges(),
      getRuleNames: async () => ruleNames((await library.getLintRules()).packs),
      checkTemplateBody: (data) => agentConfig.checkTemplateBody(data),
      teachSite: (_, sender) => router.startSitePicker(undefined, sender),
      listLearnedSites: () => siteFields.listLearnedSites(),
      saveLearnedSite: write((site: PackSite) => siteFields.saveLearnedSite(site)),
      deleteLearnedSite: write((data: { id: string }) => siteFields.deleteLearnedSite(data.id)),
    },
  };
}
