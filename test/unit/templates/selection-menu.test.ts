import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { createSelectionMenu, type MenuApi, SAVE_SELECTION_MENU } from '@/lib/templates/selection-menu';

/** contextMenus as Chrome behaves: `update` of an item not created yet rejects. */
function fakeMenus() {
  const titles = new Map<string, string>();
  const calls: string[] = [];
  const api: MenuApi = {
    create: ({ id, title }) => {
      calls.push(`create ${title}`);
      titles.set(id, title);
    },
    update: async (id, { title }) => {
      calls.push(`update ${title}`);
      if (!titles.has(id)) throw new Error(`Cannot find menu item with id ${id}`);
      titles.set(id, title);
    },
  };
  return { api, titles, calls };
}

afterEach(() => setLocale(undefined));

describe('the «Сохранить как шаблон» context menu follows the UI language', () => {
  it('is created in Russian and retitled in English when the setting changes, once per change', async () => {
    const menus = fakeMenus();
    const menu = createSelectionMenu(menus.api);
    menu.create();
    expect(menus.titles.get(SAVE_SELECTION_MENU)).toBe('Сохранить как шаблон');
    await menu.retitle(); // a settings read that changed nothing
    setLocale('en');
    await menu.retitle();
    await menu.retitle();
    expect(menus.titles.get(SAVE_SELECTION_MENU)).toBe('Save as template');
    setLocale('ru');
    await menu.retitle();
    expect(menus.calls).toEqual([
      'create Сохранить как шаблон',
      'update Save as template',
      'update Сохранить как шаблон',
    ]);
  });

  it('after a service-worker restart the first settings read sets the title; one read before install does no harm', async () => {
    const restarted = fakeMenus();
    restarted.titles.set(SAVE_SELECTION_MENU, 'Сохранить как шаблон'); // kept by the browser
    setLocale('en');
    await createSelectionMenu(restarted.api).retitle();
    expect(restarted.titles.get(SAVE_SELECTION_MENU)).toBe('Save as template');

    const installing = fakeMenus();
    const menu = createSelectionMenu(installing.api);
    await menu.retitle(); // settings read before onInstalled: nothing to update yet
    menu.create();
    await menu.retitle();
    expect(installing.titles.get(SAVE_SELECTION_MENU)).toBe('Save as template');
    expect(installing.calls).toEqual(['update Save as template', 'create Save as template']);
  });
});
