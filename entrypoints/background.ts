import defaultPack, { contentHash } from 'virtual:sufler-default-pack';
import { SuflerDatabase } from '@/lib/db/database';
import { installBundledPack } from '@/lib/db/install-pack';
import { createLibraryService } from '@/lib/db/library-service';
import { createPersonalLibraryService } from '@/lib/db/personal-library-service';
import { createSettingsService } from '@/lib/db/settings-service';
import { createBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { createPageRouter } from '@/lib/messaging/page-router';
import { sendMessage } from '@/lib/messaging/protocol';
import { registerBackgroundHandlers } from '@/lib/messaging/register-background';
import { draftFromSelection } from '@/lib/templates/draft-from-selection';

const SAVE_SELECTION_MENU = 'save-selection-as-template';

export default defineBackground(() => {
  const db = new SuflerDatabase();
  const ready = installBundledPack(db, defaultPack, contentHash, Date.now());
  const router = createPageRouter({
    queryActiveTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    session: browser.storage.session,
  });
  const personal = createPersonalLibraryService(db);
  const handlers = createBackgroundHandlers({
    library: createLibraryService(db),
    settings: createSettingsService(db),
    personal,
    router,
    // Rejects when no extension page is open to hear it, which is fine.
    notifyChanged: () => void sendMessage('dataChanged').catch(() => undefined),
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
    if (saved.ok) await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#edit=${encodeURIComponent(saved.template.key)}`) });
  });
});
