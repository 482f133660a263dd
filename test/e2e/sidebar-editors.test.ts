import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixturePages } from '../fixtures/pages/build-fixture-pages';
import { callBackground, launcher, openExtensionPage, sidebarFrame, useExtensionBrowser } from './extension-harness';
import { editorCases } from './sidebar-editor-cases';

/**
 * The whole path an agent takes, through the built extension, on pages running real editor libraries: focus
 * the reply box, open the sidebar from the badge, search, fill the template's fill-in, press Enter — then the
 * editor's MODEL holds exactly the rendered text at the caret, and one Ctrl+Z takes it out again.
 */

const TITLE = 'Проверка вставки во все редакторы';
const BODY = 'Заказ [номер заказа] уже у курьера.\nОн приедет завтра.';
const RENDERED = 'Заказ Д-77 уже у курьера.\nОн приедет завтра.';
/** No trailing space: contenteditable keeps one as a no-break space. */
const TYPED = 'Добрый день, Ольга.';

type Win = Window & { readModel: () => string };

const CASES = editorCases(RENDERED);

describe('inserting from the sidebar into real editors', () => {
  const env = useExtensionBrowser(buildFixturePages);

  beforeAll(async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    const saved = await callBackground(options, 'createTemplate', {
      title: TITLE,
      body: BODY,
      tags: [],
      category: 'Личные',
    });
    expect(saved.ok).toBe(true);
    await options.close();
  });

  it.each(CASES)('$page', async ({ page: name, box, expected = RENDERED, undoGroupMs = 0 }) => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/editors/${name}.html`);
    const model = () => page.evaluate(() => (window as unknown as Win).readModel());
    await box(page).click();
    await page.keyboard.type(TYPED);
    await expect.poll(model).toBe(TYPED);

    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    const search = sidebar.getByRole('searchbox', { name: /Поиск/ });
    await search.fill('проверка вставки');
    await expect
      .poll(() => sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first().textContent())
      .toMatch(TITLE);
    await page.waitForTimeout(undoGroupMs);
    await search.press('Enter');
    const field = sidebar.getByRole('textbox', { name: 'номер заказа' });
    await field.fill('Д-77');
    await field.press('Enter');

    await expect.poll(model).toBe(`${TYPED}${expected}`);
    // A person takes longer than the editor's grouping window before reaching for Ctrl+Z.
    await page.waitForTimeout(undoGroupMs);
    await page.keyboard.press('Control+z');
    await expect.poll(model).toBe(TYPED);
    await page.close();
  });
});
