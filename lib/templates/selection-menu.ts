import { defineMessages } from '../i18n';

const t = defineMessages({
  ru: { title: 'Сохранить как шаблон' },
  en: { title: 'Save as template' },
});

export const SAVE_SELECTION_MENU = 'save-selection-as-template';

/** The part of `browser.contextMenus` the menu needs (passed in, so the background stays the only edge). */
export interface MenuApi {
  create(properties: { id: string; title: string; contexts: ['selection'] }): unknown;
  update(id: string, properties: { title: string }): Promise<unknown>;
}

/**
 * The page context menu's «Сохранить как шаблон» in the UI language. The browser keeps the item (and its
 * title) across service-worker restarts, so the title is created once on install and updated whenever the
 * language may have changed: the settings service reports every read and save, and `retitle` calls the
 * browser only when the title it would show differs from the last one it set.
 */
export function createSelectionMenu(menus: MenuApi) {
  let shown: string | undefined;
  return {
    create(): void {
      shown = t.title;
      menus.create({ id: SAVE_SELECTION_MENU, title: shown, contexts: ['selection'] });
    },
    async retitle(): Promise<void> {
      const title = t.title;
      if (title === shown) return;
      try {
        await menus.update(SAVE_SELECTION_MENU, { title });
        shown = title;
      } catch {
        // Not created yet (the settings were read before onInstalled ran): `create` uses the current title.
      }
    },
  };
}
