import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, servePages } from '../demo/serve-pages';
import { buildFixturePages } from '../fixtures/pages/build-fixture-pages';
import { FAMILIES, inFrame, TEMPLATE } from './editor-families';
import { callBackground, openExtensionPage, ownUi, sidebarFrame, useExtensionBrowser } from './extension-harness';

/**
 * Every editor family the agents meet, through the built extension, with the same five checks: the template
 * from the sidebar lands in the editor's MODEL; one Ctrl+Z removes it (read back through the model); the
 * guard holds the page's own send key on a banned phrase; «Отправить всё равно» sends exactly once; a clean
 * draft goes straight through. Each fixture page runs the real editor from npm and exposes its model
 * (`readModel()`) and what its send handler sent (`sentMessages`). One browser and one tab for all of them.
 */

const TITLE = 'Проверка всех редакторов';
/**
 * No trailing space: contenteditable keeps one as a no-break space. No greeting either: after a greeting the
 * sidebar inserts the template without its own (skip-greeting.ts), and this suite checks the whole template.
 */
const TYPED = 'Заказ нашёлся.';
const BANNED = ' Ничем не могу помочь.';
const CLEAN = 'Замену отправим завтра.';

type Win = Window & { readModel: () => string | Promise<string>; sentMessages?: string[] };

describe('five checks on every editor family (insert, undo, guard, send anyway, clean send)', () => {
  const env = useExtensionBrowser(buildFixturePages);
  /** The chat widget's own origin: a second server, so its frame is cross-origin to the page. */
  let widgets: PageServer;
  let tab: Page;

  beforeAll(async () => {
    widgets = await servePages();
    const options = await openExtensionPage(env.browser, 'options.html');
    const saved = await callBackground(options, 'createTemplate', {
      title: TITLE,
      body: TEMPLATE,
      tags: [],
      category: 'Личные',
    });
    expect(saved.ok).toBe(true);
    await options.close();
    tab = await env.browser.context.newPage();
  });
  afterAll(async () => {
    await widgets?.close();
  });

  it.each(FAMILIES)('$page', async (family) => {
    const { page: name, box, sendKey, undoGroupMs = 0, inserted = TEMPLATE } = family;
    const page = tab;
    const errors: string[] = [];
    const onError = (error: Error) => errors.push(error.message);
    page.on('pageerror', onError);
    await page.goto(family.url?.(env.pages, widgets) ?? `${env.pages.origin}/fixtures/pages/editors/${name}.html`);
    // Looked up on each use: a frame that navigates across origins is a new Frame object.
    const editor = () => family.editorFrame?.(page) ?? page.mainFrame();
    const model = () => editor().evaluate(() => (window as unknown as Win).readModel());
    // A React editor (Slate) updates its model before it renders it. A person acts on what is painted; input in
    // that same frame lands on block elements the editor is about to replace (Slate then throws on the click
    // and leaves an orphan line in the box). So after each model check the test waits for the next paint.
    const painted = () =>
      editor().evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expect
      .poll(() =>
        model().then(
          (text) => typeof text,
          () => 'not yet',
        ),
      )
      .toBe('string');
    const sent = () => editor().evaluate(() => (window as unknown as Win).sentMessages?.length ?? 0);

    // 1. The insert lands in the model, at the caret.
    await box(page).click();
    await page.keyboard.type(TYPED);
    await expect.poll(model).toBe(TYPED);
    const badge = family.editorFrame ? editor() : page;
    await badge.locator(ownUi('launcher')).click();
    const sidebar = await sidebarFrame(page);
    const search = sidebar.getByRole('searchbox', { name: /Поиск/ });
    await search.fill('проверка всех редакторов');
    await expect
      .poll(() => sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first().textContent())
      .toMatch(TITLE);
    await page.waitForTimeout(undoGroupMs);
    await search.press('Enter');
    if (family.insertsRefused) {
      await page.waitForTimeout(500);
      expect(await model()).toBe(TYPED);
    } else {
      await expect.poll(model).toBe(`${TYPED}${inserted}`);
      await painted();

      // 2. One Ctrl+Z takes exactly the template out again (a person takes longer than the grouping window).
      await page.waitForTimeout(undoGroupMs);
      await page.keyboard.press('Control+z');
      await expect.poll(model).toBe(TYPED);
      await painted();
    }
    // The agent closes the sidebar with Escape, which gives the focus back to the box, in whatever frame
    // (TinyMCE's and CKEditor's iframes, the cross-origin widget): the agent types on without a click.
    // (It also uncovers fixed chat widgets, and the next page would reopen it.)
    await search.press('Escape');
    await expect.poll(() => sidebar.isDetached() || page.locator(ownUi('sidebar')).isHidden()).toBe(true);
    // Focus into a cross-origin frame crosses processes: it arrives a moment after the sidebar is hidden.
    await expect.poll(() => editor().evaluate(() => document.hasFocus())).toBe(true);

    // 3. The guard holds the page's send key on a banned phrase, with its dialog in the top page, readable.
    await page.keyboard.type(BANNED);
    // Where the caret stands after the editor's undo is the editor's business: only the phrase matters here.
    await expect.poll(model).toContain(BANNED.trim());
    await page.waitForTimeout(150); // the coach has linted the draft
    await page.keyboard.press(sendKey);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const title = await dialog.getByRole('heading').boundingBox();
    const viewport = page.viewportSize()!;
    expect(title).not.toBeNull();
    expect(title!.x).toBeGreaterThanOrEqual(0);
    expect(title!.y).toBeGreaterThanOrEqual(0);
    expect(title!.x + title!.width).toBeLessThanOrEqual(viewport.width);
    expect(title!.y + title!.height).toBeLessThanOrEqual(viewport.height);
    expect(await sent()).toBe(0);

    // 4. «Отправить всё равно» sends it once.
    await dialog.getByRole('button', { name: 'Отправить всё равно' }).click();
    await expect.poll(sent).toBe(1);
    await page.waitForTimeout(300);
    expect(await sent()).toBe(1);

    // 5. A clean draft goes straight through, no dialog.
    await expect.poll(model).toBe('');
    await painted();
    await box(page).click();
    await page.keyboard.type(CLEAN);
    await expect.poll(model).toBe(CLEAN);
    await page.waitForTimeout(150);
    await page.keyboard.press(sendKey);
    await expect.poll(sent).toBe(2);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    page.off('pageerror', onError);
    expect(errors).toEqual([]);
  });

  it('widget: the finding card of a cross-origin frame is drawn in the top page, and its suggestion fixes the draft', async () => {
    const page = tab;
    const widget = FAMILIES.find((family) => family.page === 'widget')!;
    await page.goto(widget.url!(env.pages, widgets));
    const frame = () => widget.editorFrame!(page);
    await expect.poll(() => frame()?.evaluate(() => typeof (window as unknown as Win).readModel)).toBe('function');
    const model = () => frame().evaluate(() => (window as unknown as Win).readModel());
    await widget.box(page).click();
    await page.keyboard.type(`${TYPED}${BANNED}`);
    await expect.poll(model).toBe(`${TYPED}${BANNED}`);
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    // «Исправить» puts the caret on the finding and opens its card: in the top page, readable, not in the frame.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Исправить' }).click();
    const card = page.getByRole('dialog', { name: /Замечание Суфлёра/ });
    await card.waitFor();
    const box = (await card.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    const frameBox = (await page.locator('iframe.widget').boundingBox())!;
    expect(box.height).toBeGreaterThan(frameBox.height / 2);
    expect(await frame().locator(ownUi('card')).count()).toBe(0);
    const suggestion = card.getByRole('button').first();
    const replacement = (await suggestion.textContent())!;
    await suggestion.click();
    await expect.poll(model).toContain(replacement.replace(/[.!]$/, ''));
    expect(await model()).not.toContain(BANNED.trim());
    await expect.poll(() => card.isHidden()).toBe(true);
  });

  /**
   * CKEditor 4 rewrites its iframe document on `setData` (a helpdesk reloading the draft) and builds a new
   * iframe on a mode switch: the guard and the tracker must follow the new document, or the banned draft goes.
   */
  it.each([
    ['setData', 'reloadDraft'],
    ['a switch to the source view and back', 'toggleSource'],
  ])('ckeditor4: the guard still holds after %s', async (_, rebuild) => {
    const page = tab;
    await page.goto(`${env.pages.origin}/fixtures/pages/editors/ckeditor4.html`);
    await page.waitForFunction(() => typeof (window as unknown as Win).readModel === 'function');
    const model = () => page.evaluate(() => (window as unknown as Win).readModel());
    const sent = () => page.evaluate(() => (window as unknown as Win).sentMessages?.length ?? 0);
    await inFrame(page).click();
    await page.keyboard.type(TYPED);
    await expect.poll(model).toBe(TYPED);
    await page.evaluate(
      ([rebuild, html]) => (window as unknown as Record<string, (html: string) => Promise<void>>)[rebuild](html),
      [rebuild, `<p>${TYPED}</p>`],
    );
    await inFrame(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(BANNED);
    await expect.poll(model).toContain(BANNED.trim());
    await page.waitForTimeout(150);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('alertdialog').waitFor();
    expect(await sent()).toBe(0);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Исправить' }).click();
    expect(await sent()).toBe(0);
  });
});
