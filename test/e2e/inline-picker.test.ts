import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixturePages } from '../fixtures/pages/build-fixture-pages';
import { callBackground, inClosedRoot, openExtensionPage, ownUi, useExtensionBrowser } from './extension-harness';
import { editorCases } from './sidebar-editor-cases';

/**
 * Inline insert through the built extension on pages running real editor libraries (issue 13): «/» + a
 * query in the reply box opens Суфлёр's picker at the caret, Enter puts the template in place of «/query» in
 * the editor's MODEL, one Ctrl+Z brings «/query» back; shortcuts expand on a space, also typed on the Russian
 * layout or in the wrong one; a site where the trigger is off gets nothing.
 *
 * The list lives in an extension-origin frame inside a closed shadow root (the page reads neither); the test
 * reads it as assistive technology does, by role: a `listbox` named «Суфлёр…», `option`s, the active one
 * `aria-selected`. The host element's visibility says whether it is shown.
 */

const TITLE = 'Быстрая вставка из списка';
const BODY = 'Ваш заказ уже у курьера.\nОн приедет завтра.';
const SHORTCUT = 'курьер7';
const FILL_TITLE = 'Заполнить поля прямо в тексте';
const FILL_BODY = 'Заказ [номер заказа] уже у курьера, трек [трек-номер].';
/** No trailing space: contenteditable keeps one as a no-break space. */
const TYPED = 'Добрый день, Ольга.';
const QUERY = '/быстрая встав';

type Win = Window & { readModel: () => string; sent?: unknown[] };

const CASES = editorCases(BODY);

interface PickerView {
  options: { name: string; selected: boolean }[];
}

const pickerFrame = (page: Page): Frame | undefined =>
  page.frames().find((frame) => frame.url().endsWith('/picker.html'));

/** Суфлёр's list as a user sees it: null while its host is hidden, else its options by role. */
async function readPicker(page: Page): Promise<PickerView | null> {
  const host = page.locator(ownUi('picker'));
  if ((await host.count()) === 0 || !(await host.isVisible())) return null;
  const frame = pickerFrame(page);
  if (!frame) return null;
  const options = frame.getByRole('listbox', { name: /Суфлёр/ }).getByRole('option');
  const view: PickerView['options'] = [];
  for (const option of await options.all()) {
    view.push({
      name: (await option.textContent()) ?? '',
      selected: (await option.getAttribute('aria-selected')) === 'true',
    });
  }
  return { options: view };
}

/**
 * The first trigger on a fresh page may meet a picker frame still loading (it is prepared when the box is
 * focused, and the test types at once); a shared 2-core machine makes that slower still.
 */
const FIRST = { timeout: 5_000 };

const plain = (text: string) => text.replace(/\u00A0/g, ' ');

describe('inline insert in the reply box', () => {
  const env = useExtensionBrowser(buildFixturePages);

  beforeAll(async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    for (const draft of [
      { title: TITLE, body: BODY, tags: [], category: 'Личные', shortcut: SHORTCUT },
      { title: FILL_TITLE, body: FILL_BODY, tags: [], category: 'Личные' },
    ]) {
      expect((await callBackground(options, 'createTemplate', draft)).ok).toBe(true);
    }
    await options.close();
  });

  async function open(name: string, folder = 'editors') {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/${folder}/${name}.html`);
    const model = async () => plain(await page.evaluate(() => (window as unknown as Win).readModel()));
    const picker = () => readPicker(page);
    return { page, model, picker };
  }

  it.each(CASES)('$page: «/» + query → Enter inserts in place; Ctrl+Z brings the query back', async (editor) => {
    const { box, expected = BODY, undoGroupMs = 0 } = editor;
    const { page, model, picker } = await open(editor.page);
    await box(page).click();
    await page.keyboard.type(`${TYPED} ${QUERY}`);
    await expect.poll(model).toBe(`${TYPED} ${QUERY}`);
    await expect
      .poll(async () => (await picker())?.options[0], FIRST)
      .toEqual({ name: expect.stringContaining(TITLE), selected: true });

    // A person reads the list for longer than the editor's grouping window before choosing.
    await page.waitForTimeout(undoGroupMs);
    await page.keyboard.press('Enter');
    await expect.poll(model).toBe(`${TYPED} ${expected}`);
    expect(await picker()).toBeNull();

    await page.waitForTimeout(undoGroupMs);
    await page.keyboard.press('Control+z');
    await expect.poll(model).toBe(`${TYPED} ${QUERY}`);
    await page.close();
  });

  it('on a chat where Enter sends, Enter in the picker inserts and sends nothing', async () => {
    const { page, picker } = await open('chat', 'guard');
    await page.getByTestId('reply-box').click();
    await page.keyboard.type(QUERY);
    await expect.poll(async () => (await picker())?.options.length ?? 0, FIRST).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('reply-box').inputValue()).toBe(BODY);
    expect(await page.evaluate(() => (window as unknown as Win).sent)).toEqual([]);
    // Closed again, Enter is the page's: the reply goes out.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).sent?.length)).toBe(1);
    await page.close();
  });

  it('Escape closes the picker and leaves the text as typed; ↓ moves the active option', async () => {
    const { page, model, picker } = await open('textarea');
    await page.getByTestId('reply-box').click();
    await page.keyboard.type('/заказ');
    await expect.poll(async () => (await picker())?.options.length ?? 0, FIRST).toBeGreaterThan(1);
    // The list for the whole query, its first option active, before the agent's ↓ (a list still following the
    // typing is a new list).
    await expect
      .poll(async () => (await picker())?.options.map((option) => option.selected).slice(0, 2), FIRST)
      .toEqual([true, false]);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(async () => (await picker())?.options.map((option) => option.selected).slice(0, 2))
      .toEqual([false, true]);
    await page.keyboard.press('Escape');
    await expect.poll(picker).toBeNull();
    expect(await model()).toBe('/заказ');
    // Enter now is the box's own: a new line.
    await page.keyboard.press('Enter');
    expect(await model()).toBe('/заказ\n');
    await page.close();
  });

  it('a space after a query that matches nothing closes the picker', async () => {
    const { page, model, picker } = await open('textarea');
    await page.getByTestId('reply-box').click();
    await page.keyboard.type('/щшгзщшгз');
    await page.waitForTimeout(300);
    await page.keyboard.type(' и дальше');
    await page.waitForTimeout(300);
    expect(await picker()).toBeNull();
    await page.keyboard.press('Enter');
    expect(await model()).toBe('/щшгзщшгз и дальше\n');
    await page.close();
  });

  const editorCase = (name: string) => CASES.find((editor) => editor.page === name)!;

  it.each([
    ['textarea', 'as typed', `/${SHORTCUT}`],
    ['textarea', 'on the Russian layout («.» is the «/» key)', `.${SHORTCUT}`],
    ['textarea', 'in the wrong layout', '/rehmth7'],
    ['prosemirror', 'on the Russian layout', `.${SHORTCUT}`],
    ['lexical', 'as typed', `/${SHORTCUT}`],
    ['slate', 'on the Russian layout', `.${SHORTCUT}`],
    ['quill', 'in the wrong layout', '/rehmth7'],
    ['tinymce', 'on the Russian layout', `.${SHORTCUT}`],
  ])('%s: a shortcut %s followed by a space expands at once', async (name, _how, typed) => {
    const { page, model } = await open(name);
    await editorCase(name).box(page).click();
    await page.keyboard.type(`Ответ: ${typed}`);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await model()).trimEnd(), FIRST).toBe(`Ответ: ${BODY}`);
    await page.close();
  });

  it.each(['textarea', 'prosemirror', 'lexical', 'slate', 'tinymce'])(
    '%s: placeholders left open are selected in turn, Tab to the next',
    async (name) => {
      const { page, model, picker } = await open(name);
      await editorCase(name).box(page).click();
      await page.keyboard.type('/заполнить поля');
      await expect.poll(async () => (await picker())?.options[0]?.name, FIRST).toContain(FILL_TITLE);
      await page.keyboard.press('Enter');
      await expect.poll(model).toBe(FILL_BODY);
      await page.waitForTimeout(200);
      await page.keyboard.type('Д-77');
      await page.keyboard.press('Tab');
      await page.waitForTimeout(200);
      await page.keyboard.type('RU123');
      await expect.poll(model).toBe('Заказ Д-77 уже у курьера, трек RU123.');
      await page.close();
    },
  );

  it('a second Ctrl+Z after an inline insert takes the typed query out too', async () => {
    const { page, model, picker } = await open('textarea');
    await page.getByTestId('reply-box').click();
    await page.keyboard.type(TYPED);
    await page.waitForTimeout(1_100);
    await page.keyboard.type(` ${QUERY}`);
    await expect.poll(async () => (await picker())?.options.length ?? 0, FIRST).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(model).toBe(`${TYPED} ${BODY}`);
    await page.keyboard.press('Control+z');
    await expect.poll(model).toBe(`${TYPED} ${QUERY}`);
    await page.keyboard.press('Control+z');
    await expect.poll(model).not.toContain(QUERY);
    await page.close();
  });

  it('a site where the trigger is switched off in Настройки gets no picker and no expansion', async () => {
    const options = await openExtensionPage(env.browser, 'options.html#tab=settings');
    const settings = options.getByRole('group', { name: /Быстрая вставка/ });
    await settings.getByRole('textbox', { name: /Сайт/ }).fill(env.pages.origin);
    await settings.getByRole('combobox', { name: /Триггер для сайта/ }).selectOption('off');
    await settings.getByRole('button', { name: /Добавить/ }).click();
    await expect
      .poll(async () => (await callBackground(options, 'getSettings')).inlineTriggers)
      .toEqual({ [env.pages.origin]: 'off' });
    try {
      const { page, model, picker } = await open('textarea');
      await page.getByTestId('reply-box').click();
      await page.keyboard.type(`/${SHORTCUT}`);
      await page.waitForTimeout(500);
      expect(await picker()).toBeNull();
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      expect(await model()).toBe(`/${SHORTCUT} \n`);
      await page.close();
    } finally {
      await settings.getByRole('button', { name: /Убрать/ }).click();
      await expect.poll(async () => (await callBackground(options, 'getSettings')).inlineTriggers).toBeUndefined();
      await options.close();
    }
  });

  it('a page that frames the picker page itself, even at its real address, gets a dead frame', async () => {
    const { page, picker } = await open('textarea');
    await page.getByTestId('reply-box').click();
    await page.keyboard.type('/заказ');
    await expect.poll(async () => (await picker())?.options.length ?? 0, FIRST).toBeGreaterThan(0);
    // The attacker at its best: it knows the per-session address (read here from the closed root, as a
    // debugger would) and frames it itself, with a guessed token for a name.
    const address = await inClosedRoot<string>(
      page,
      ownUi('picker'),
      'function () { return this.querySelector("iframe").src; }',
    );
    await page.keyboard.press('Escape');
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.name = 'a-guessed-token';
      frame.src = src;
      document.body.append(frame);
    }, address);
    await expect.poll(() => page.frames().some((frame) => frame.name() === 'a-guessed-token'), FIRST).toBe(true);
    const framed = page.frames().find((frame) => frame.name() === 'a-guessed-token')!;
    await framed
      .getByRole('alert')
      .filter({ hasText: /Суфлёр/ })
      .waitFor();
    expect(await framed.getByRole('option').count()).toBe(0);
    // Its own request for the library is refused by the background.
    const refused = await framed.evaluate(
      () =>
        new Promise<string>((resolve) =>
          chrome.runtime.sendMessage({ id: 1, type: 'getPickerLibrary', timestamp: 1 }, (response) =>
            resolve(response?.err?.message ?? 'answered'),
          ),
        ),
    );
    expect(refused).toMatch(/not opened by Суфлёр/);
    await page.close();
  });
});
