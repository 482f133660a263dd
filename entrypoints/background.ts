import defaultPack, { contentHash } from 'virtual:sufler-default-pack';
import { SuflerDatabase } from '@/lib/db/database';
import { installBundledPack } from '@/lib/db/install-pack';
import { createSyncScheduler } from '@/lib/db/sync-scheduler';
import { setLocale } from '@/lib/i18n';
import { createBackgroundHandlers, createBackgroundServices } from '@/lib/messaging/background-handlers';
import { broadcastChange } from '@/lib/messaging/broadcast-change';
import { createPageRouter } from '@/lib/messaging/page-router';
import { registerBackgroundHandlers } from '@/lib/messaging/register-background';
import { createSiteAccess } from '@/lib/messaging/site-access';
import { draftFromSelection } from '@/lib/templates/draft-from-selection';
import { createSelectionMenu, SAVE_SELECTION_MENU } from '@/lib/templates/selection-menu';

export default defineBackground(() => {
  const notifyAll = () =>
    broadcastChange(async () =>
      (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
    );
  const db = new SuflerDatabase();
  const selectionMenu = createSelectionMenu(browser.contextMenus);
  const services = createBackgroundServices(db, {
    router: createPageRouter({
      queryActiveTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
      session: browser.storage.session,
      injectScript: ({ tabId, frameId }, file) =>
        browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] }),
    }),
    siteAccess: createSiteAccess({
      activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
      scripting: browser.scripting,
      removeOrigins: (origins) => browser.permissions.remove({ origins }),
      agentScript: 'content-scripts/agent.js',
      builtinMatches: browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []),
    }),
    fetch: (input, init) => fetch(input, init),
    isOnline: () => navigator.onLine,
    now: Date.now,
    notifyChanged: () => {
      void notifyAll();
      void scheduler.reschedule();
    },
    onSettings: (settings) => {
      setLocale(settings.language);
      void selectionMenu.retitle();
    },
  });
  // Handlers wait for the bundled pack and for the UI language their answers are written in.
  const ready = Promise.all([
    installBundledPack(db, defaultPack, contentHash, Date.now()),
    services.settings.getSettings(),
  ]);
  const scheduler = createSyncScheduler({
    alarms: browser.alarms,
    subscriptions: services.subscriptions,
    now: Date.now,
    onSynced: () => void notifyAll(),
  });
  registerBackgroundHandlers(createBackgroundHandlers(services), browser.runtime.id, ready, (sender, frame) =>
    frame === 'picker' ? services.router.isClaimedPicker(sender) : services.router.isClaimedSidebar(sender),
  );

  browser.alarms.onAlarm.addListener((alarm) => void scheduler.onAlarm(alarm));
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') void services.router.toggleSidebarInActiveTab();
  });
  browser.runtime.onInstalled.addListener(() => {
    selectionMenu.create();
    void scheduler.reschedule();
  });
  browser.contextMenus.onClicked.addListener(async (info) => {
    if (info.menuItemId !== SAVE_SELECTION_MENU || !info.selectionText) return;
    const saved = await services.personal.createTemplate(draftFromSelection(info.selectionText));
    if (!saved.ok) return;
    const url = browser.runtime.getURL(`/options.html#edit=${encodeURIComponent(saved.template.key)}`);
    await browser.tabs.create({ url });
  });
});
