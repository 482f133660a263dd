import defaultPack, { contentHash } from 'virtual:sufler-default-pack';
import { createAgentConfigService } from '@/lib/db/agent-config-service';
import { SuflerDatabase } from '@/lib/db/database';
import { installBundledPack } from '@/lib/db/install-pack';
import { createLibraryService } from '@/lib/db/library-service';
import { createLintStatsService } from '@/lib/db/lint-stats-service';
import { createPersonalLibraryService } from '@/lib/db/personal-library-service';
import { createSettingsService } from '@/lib/db/settings-service';
import { createSubscriptionService } from '@/lib/db/subscription-service';
import { createBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { createPageRouter } from '@/lib/messaging/page-router';
import { sendMessage } from '@/lib/messaging/protocol';
import { registerBackgroundHandlers } from '@/lib/messaging/register-background';
import { draftFromSelection } from '@/lib/templates/draft-from-selection';

const SAVE_SELECTION_MENU = 'save-selection-as-template';

/** Every open surface refetches; every agent recompiles its rules. Nobody listening is fine. */
async function notifyAll() {
  void sendMessage('dataChanged').catch(() => undefined);
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) void sendMessage('rulesChanged', undefined, tab.id).catch(() => undefined);
  }
}

export default defineBackground(() => {
  const db = new SuflerDatabase();
  const ready = installBundledPack(db, defaultPack, contentHash, Date.now());
  const router = createPageRouter({
    queryActiveTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    session: browser.storage.session,
  });
  const personal = createPersonalLibraryService(db);
  const library = createLibraryService(db);
  const settings = createSettingsService(db);
  const subscriptions = createSubscriptionService(db, { fetch: (input, init) => fetch(input, init) });
  const handlers = createBackgroundHandlers({
    library,
    settings,
    personal,
    agentConfig: createAgentConfigService({
      library,
      settings,
      getEffectivePolicy: () => subscriptions.getEffectivePolicy(),
    }),
    stats: createLintStatsService(db),
    router,
    notifyChanged: () => void notifyAll(),
  });
  registerBackgroundHandlers(handlers, browser.runtime.id, ready);
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') void router.toggleSidebarInActiveTab();
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SAVE_SELECTION_MENU, title: 'Сохранить как шаблон', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener(async (info) => {
    if (info.menuItemId !== SAVE_SELECTION_MENU || !info.selectionText) return;
    const saved = await personal.createTemplate(draftFromSelection(info.selectionText));
    if (saved.ok)
      await browser.tabs.create({
        url: browser.runtime.getURL(`/options.html#edit=${encodeURIComponent(saved.template.key)}`),
      });
  });
});
