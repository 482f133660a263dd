import type { createAgentConfigService } from '../db/agent-config-service';
import type { createLibraryService } from '../db/library-service';
import type { createLintStatsService } from '../db/lint-stats-service';
import type { createPersonalLibraryService } from '../db/personal-library-service';
import type { createSettingsService, SettingsPatch } from '../db/settings-service';
import type { createPageRouter } from './page-router';
import type { BackgroundHandlers } from './register-background';

interface Services {
  library: ReturnType<typeof createLibraryService>;
  settings: ReturnType<typeof createSettingsService>;
  router: ReturnType<typeof createPageRouter>;
  personal: ReturnType<typeof createPersonalLibraryService>;
  stats: ReturnType<typeof createLintStatsService>;
  agentConfig: ReturnType<typeof createAgentConfigService>;
  /** Tells every open surface that the library changed (their queries refetch). */
  notifyChanged(): void;
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
  personal,
  stats,
  agentConfig,
  notifyChanged,
}: Services): BackgroundHandlers {
  const write = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => announcing(notifyChanged, fn);
  return {
    getStatus: () => library.getStatus(),
    listTemplates: () => library.listTemplates(),
    getAgentConfig: () => agentConfig.getAgentConfig(),
    getUsageStats: () => library.getUsageStats(),
    recordUsage: (data) => library.recordUsage(data),
    getSettings: () => settings.getSettings(),
    saveSettings: write((patch: SettingsPatch) => settings.saveSettings(patch)),
    getSiteState: (data) => settings.getSiteState(data),
    saveSiteState: (data) => settings.saveSiteState(data),
    openSidebar: (_, sender) => router.openSidebar(undefined, sender),
    closeSidebar: (_, sender) => router.closeSidebar(undefined, sender),
    replyBoxFocused: (_, sender) => router.replyBoxFocused(undefined, sender),
    getPageContext: (_, sender) => router.getPageContext(undefined, sender),
    recordLintEvent: (data) => stats.recordLintEvent(data),
    getLintStats: (data) => stats.getLintStats(data),
    getFillValues: (data) => router.getFillValues(data),
    saveFillValues: (data) => router.saveFillValues(data),
    async insertIntoPage(data, sender) {
      const outcome = await router.insertIntoPage(data, sender);
      // Usage feeds ranking and statistics: only inserts that landed count.
      if (outcome.ok) await library.recordUsage({ templateKey: data.templateKey, site: data.site });
      return outcome;
    },
    createTemplate: write((draft) => personal.createTemplate(draft)),
    updateTemplate: write((data) => personal.updateTemplate(data)),
    copyToPersonal: write((data) => personal.copyToPersonal(data)),
    deleteTemplates: write((data) => personal.deleteTemplates(data)),
    restoreTemplates: write((data) => personal.restoreTemplates(data)),
    bulkTag: write((data) => personal.bulkTag(data)),
  };
}
