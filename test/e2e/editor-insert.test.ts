import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSERT_STRATEGIES, type InsertStrategyId } from '../../lib/editor/insert-into-reply-box';
import { type PageServer, servePages } from '../demo/serve-pages';
import { buildFixturePages, FIXTURE_PAGES_OUT } from '../fixtures/pages/build-fixture-pages';
import type { EditorUnderTest } from '../fixtures/pages/editor-under-test';
import { FAMILIES } from './editor-families';
import { launchChromium } from './launch-browser';

/**
 * lib/editor in real Chromium, on fixture pages running the real editor libraries. lib/editor is injected as a
 * page global (test/fixtures/pages/editor-under-test.ts; plain Chromium, no extension, so every strategy and
 * failure path can be driven directly) and used the way the agent script uses it: the tracker follows the box the agent focused, the agent goes to a stand-in
 * sidebar (a `data-sufler-ui` shadow host with a search box), and the insert must land at the remembered caret —
 * checked through each editor's MODEL (`readModel()`), then undone with one real Ctrl+Z.
 */

const TEMPLATE = 'Анна, здравствуйте!\nВернём деньги в течение 10 дней.';
const TYPED = 'Добрый день! Ольга';
/** The caret goes before «Ольга»: ArrowLeft this many times. */
const TAIL = 'Ольга'.length;

type Win = Window & { suflerEditor: EditorUnderTest; readModel: () => string };

interface EditorCase {
  page: string;
  strategy: InsertStrategyId;
  box: (page: Page) => Locator;
  /** What the editor holds of TEMPLATE: an input cannot hold line breaks. */
  inserted?: string;
  /**
   * The editor's own history merges edits made within this many ms into one undo step (ProseMirror 500 ms
   * for adjacent edits, Quill 1 s for any): the agent must have spent longer in the sidebar for Ctrl+Z to
   * remove only the template. Native undo and Lexical (a paste is its own history entry) need no pause.
   */
  undoGroupMs?: number;
}

const byTestId = (page: Page) => page.getByTestId('reply-box');
/** TinyMCE-style: the reply box is the body of an iframe. */
const inFrame = (page: Page) => page.frameLocator('iframe').locator('body');

const CASES: EditorCase[] = [
  { page: 'textarea', strategy: 'text-control-exec-command', box: byTestId },
  { page: 'input', strategy: 'text-control-exec-command', box: byTestId, inserted: TEMPLATE.replace('\n', ' ') },
  { page: 'react-textarea', strategy: 'text-control-exec-command', box: byTestId },
  { page: 'contenteditable', strategy: 'contenteditable-exec-command', box: byTestId },
  { page: 'plaintext-only', strategy: 'contenteditable-exec-command', box: byTestId },
  { page: 'prosemirror', strategy: 'synthetic-paste', box: byTestId, undoGroupMs: 500 },
  { page: 'quill', strategy: 'synthetic-paste', box: byTestId, undoGroupMs: 1_000 },
  { page: 'lexical', strategy: 'synthetic-paste', box: byTestId },
  { page: 'slate', strategy: 'synthetic-paste', box: byTestId },
  { page: 'shadow-root', strategy: 'synthetic-paste', box: byTestId, undoGroupMs: 500 },
  { page: 'iframe', strategy: 'contenteditable-exec-command', box: inFrame },
  { page: 'tinymce', strategy: 'synthetic-paste', box: inFrame },
  { page: 'editorjs', strategy: 'block-editor-line-breaks', box: (page) => page.locator('.ce-paragraph').first() },
];

describe('inserting into reply boxes (lib/editor on real editors)', () => {
  let browser: Browser;
  let pages: PageServer;

  beforeAll(async () => {
    await buildFixturePages();
    pages = await servePages();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  async function openFixture(name: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'ru-RU' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pages.origin}/fixtures/pages/editors/${name}.html`);
    await page.waitForFunction(() => typeof (window as unknown as Win).readModel === 'function');
    await page.addScriptTag({ path: join(FIXTURE_PAGES_OUT, 'editor-under-test.js') });
    expect(errors).toEqual([]);
    return page;
  }

  const readModel = (page: Page) => page.evaluate(() => (window as unknown as Win).readModel());

  /**
   * What the sidebar does to focus: the agent clicks into its search box (our UI, in a `data-sufler-ui` shadow
   * host) and types a query, then picks a template after `pauseMs`.
   */
  async function goToSidebar(page: Page, pauseMs = 0): Promise<void> {
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.setAttribute('data-sufler-ui', '');
      host.style.cssText = 'position: fixed; top: 0; right: 0; width: 320px;';
      host.attachShadow({ mode: 'open' }).innerHTML = '<input type="search" aria-label="Поиск шаблонов">';
      document.body.append(host);
    });
    await page.getByRole('searchbox', { name: 'Поиск шаблонов' }).click();
    await page.keyboard.type('возврат');
    if (pauseMs) await page.waitForTimeout(pauseMs);
  }

  const insert = (page: Page, text: string, strategies?: InsertStrategyId[]) =>
    page.evaluate(
      ([text, strategies]) => (window as unknown as Win).suflerEditor.insertTemplate(text, { strategies }),
      [text, strategies] as const,
    );

  for (const c of CASES) {
    it(`${c.page}: lands at the remembered caret, keeps the lines, one Ctrl+Z removes it (${c.strategy})`, async () => {
      const page = await openFixture(c.page);
      await c.box(page).click();
      await page.keyboard.type(TYPED);
      for (let i = 0; i < TAIL; i++) await page.keyboard.press('ArrowLeft');
      await expect.poll(() => readModel(page)).toBe(TYPED);

      await goToSidebar(page, c.undoGroupMs && c.undoGroupMs + 100);
      expect(await insert(page, TEMPLATE)).toEqual({ ok: true, strategy: c.strategy });
      const head = TYPED.slice(0, -TAIL);
      expect(await readModel(page)).toBe(`${head}${c.inserted ?? TEMPLATE}Ольга`);

      await page.keyboard.press('Control+z');
      await expect.poll(() => readModel(page)).toBe(TYPED);
      await page.close();
    });
  }

  for (const c of CASES.filter((c) => ['prosemirror', 'quill', 'lexical', 'tinymce'].includes(c.page))) {
    it(`${c.page}: replaces the selected words`, async () => {
      const page = await openFixture(c.page);
      await c.box(page).click();
      await page.keyboard.type(TYPED);
      for (let i = 0; i < TAIL; i++) await page.keyboard.press('Shift+ArrowLeft');

      await goToSidebar(page, c.undoGroupMs && c.undoGroupMs + 100);
      expect(await insert(page, TEMPLATE)).toEqual({ ok: true, strategy: c.strategy });
      expect(await readModel(page)).toBe(`${TYPED.slice(0, -TAIL)}${TEMPLATE}`);
      await page.keyboard.press('Control+z');
      await expect.poll(() => readModel(page)).toBe(TYPED);
      await page.close();
    });
  }

  /** A template the way team leads write them: paragraphs separated by blank lines. */
  const PARAGRAPHS = 'Анна, здравствуйте!\n\nВернём деньги в течение 10 дней.\n\nС уважением, Ольга';
  const BLANK_LINE_CASES: [page: string, expected: string][] = [
    ['textarea', PARAGRAPHS],
    ['contenteditable', PARAGRAPHS],
    ['quill', PARAGRAPHS],
    ['lexical', PARAGRAPHS],
    ['slate', PARAGRAPHS],
    // ProseMirror's plain-text paste splits on RUNS of line breaks: paragraphs stay, blank lines between them
    // go (they are paragraph margins there). Same as the agent pasting the template by hand.
    ['prosemirror', PARAGRAPHS.replaceAll('\n\n', '\n')],
    // TinyMCE's plain-text paste: blank-line-separated blocks become paragraphs, single breaks `<br>`.
    ['tinymce', PARAGRAPHS.replaceAll('\n\n', '\n')],
  ];
  for (const [name, expected] of BLANK_LINE_CASES) {
    it(`${name}: a template with blank lines, inserted into the empty editor`, async () => {
      const page = await openFixture(name);
      await CASES.find((c) => c.page === name)!
        .box(page)
        .click();
      await goToSidebar(page);
      expect(await insert(page, PARAGRAPHS)).toMatchObject({ ok: true });
      expect(await readModel(page)).toBe(expected);
      await page.close();
    });
  }

  it("ProseMirror also takes the native typing command, the chain's next step, blank lines included", async () => {
    const page = await openFixture('prosemirror');
    await byTestId(page).click();
    await page.keyboard.type(TYPED);
    for (let i = 0; i < TAIL; i++) await page.keyboard.press('ArrowLeft');
    await goToSidebar(page, 600);
    expect(await insert(page, PARAGRAPHS, ['contenteditable-exec-command'])).toEqual({
      ok: true,
      strategy: 'contenteditable-exec-command',
    });
    expect(await readModel(page)).toBe(`${TYPED.slice(0, -TAIL)}${PARAGRAPHS}Ольга`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => readModel(page)).toBe(TYPED);
    await page.close();
  });

  it('Lexical garbles the native typing command; the attempt is undone and the draft is left intact', async () => {
    const page = await openFixture('lexical');
    await byTestId(page).click();
    await page.keyboard.type(TYPED);
    for (let i = 0; i < TAIL; i++) await page.keyboard.press('ArrowLeft');
    // Past the fixture's 300 ms history merge window: within it Lexical's undo of the bad attempt would take
    // the agent's typing along, and the result is `partial` (the box is changed, the agent is told to look).
    await goToSidebar(page, 400);
    expect(await insert(page, TEMPLATE, ['contenteditable-exec-command', 'range-insert'])).toEqual({
      ok: false,
      reason: 'rejected',
    });
    expect(await readModel(page)).toBe(TYPED);
    // And the real chain still lands afterwards, at the same caret.
    expect(await insert(page, TEMPLATE)).toEqual({ ok: true, strategy: 'synthetic-paste' });
    expect(await readModel(page)).toBe(`${TYPED.slice(0, -TAIL)}${TEMPLATE}Ольга`);
    await page.close();
  });

  it('React-controlled textarea: the value-setter fallback updates the React state (no native undo there)', async () => {
    const page = await openFixture('react-textarea');
    await byTestId(page).click();
    await page.keyboard.type(TYPED);
    for (let i = 0; i < TAIL; i++) await page.keyboard.press('ArrowLeft');
    await goToSidebar(page);
    expect(await insert(page, TEMPLATE, ['text-control-value-setter'])).toEqual({
      ok: true,
      strategy: 'text-control-value-setter',
    });
    expect(await readModel(page)).toBe(`${TYPED.slice(0, -TAIL)}${TEMPLATE}Ольга`);
    // React re-rendering with the state must keep it: type one more character at the caret.
    await page.keyboard.type('!');
    expect(await readModel(page)).toBe(`${TYPED.slice(0, -TAIL)}${TEMPLATE}!Ольга`);
    await page.close();
  });

  it('plain contenteditable: an unhandled synthetic paste changes nothing; the Range fallback inserts lines', async () => {
    const page = await openFixture('contenteditable');
    await byTestId(page).click();
    await page.keyboard.type(TYPED);
    for (let i = 0; i < TAIL; i++) await page.keyboard.press('ArrowLeft');
    await goToSidebar(page);
    expect(await insert(page, TEMPLATE, ['synthetic-paste'])).toEqual({ ok: false, reason: 'rejected' });
    expect(await readModel(page)).toBe(TYPED);
    expect(await insert(page, TEMPLATE, ['range-insert'])).toEqual({ ok: true, strategy: 'range-insert' });
    expect(await readModel(page)).toBe(`${TYPED.slice(0, -TAIL)}${TEMPLATE}Ольга`);
    await page.close();
  });

  it('a field whose maxlength cannot hold the template is left alone, not truncated', async () => {
    const page = await openFixture('textarea');
    await byTestId(page).click();
    await page.keyboard.type(TYPED);
    await byTestId(page).evaluate((box: HTMLTextAreaElement, max) => {
      box.maxLength = max;
    }, TYPED.length + 10);
    await goToSidebar(page);
    expect(await insert(page, TEMPLATE)).toEqual({ ok: false, reason: 'too-long' });
    expect(await readModel(page)).toBe(TYPED);
    await page.close();
  });

  it('editorjs: a template with markup characters lands as text, once, in the focused block', async () => {
    const page = await openFixture('editorjs');
    await page.locator('.ce-paragraph').first().click();
    await page.keyboard.type(TYPED);
    await expect.poll(() => readModel(page)).toBe(TYPED);
    await goToSidebar(page);
    const markup = ' <b>Анна</b> & <img src=x onerror=alert(1)>\nВторая строка';
    expect(await insert(page, markup)).toEqual({ ok: true, strategy: 'block-editor-line-breaks' });
    expect(await readModel(page)).toBe(`${TYPED}${markup}`);
    expect(await page.locator('.ce-paragraph').count()).toBe(1);
    expect(await page.locator('.ce-paragraph img, .ce-paragraph b').count()).toBe(0);
    await page.close();
  });

  it('an editor that rejects every input: ok false, and the editor is left exactly as it was', async () => {
    const page = await openFixture('rejecting');
    const box = byTestId(page);
    await box.click();
    const before = { model: await readModel(page), html: await box.innerHTML() };
    await goToSidebar(page);
    expect(await insert(page, TEMPLATE)).toEqual({ ok: false, reason: 'rejected' });
    expect(await readModel(page)).toBe(before.model);
    expect(await box.innerHTML()).toBe(before.html);
    await page.close();
  });

  it('about:blank iframe: the parent frame follows it, the frame itself does not track (no double insert)', async () => {
    const page = await openFixture('iframe');
    const inner = page.frames().find((frame) => frame !== page.mainFrame())!;
    await inner.addScriptTag({ path: join(FIXTURE_PAGES_OUT, 'editor-under-test.js') });
    await page.frameLocator('iframe').locator('body').click();
    const trackedTag = () => (window as unknown as Win).suflerEditor.trackedTag();
    // The caret is saved on the frame's `selectionchange`, which fires after the click returns.
    await expect.poll(() => page.evaluate(trackedTag)).toBe('body+selection');
    expect(await inner.evaluate(trackedTag)).toBeNull();
    await page.close();
  });

  for (const name of ['contenteditable', 'prosemirror']) {
    it(`${name}: returning from the sidebar puts the caret back where the agent left it`, async () => {
      const page = await openFixture(name);
      await byTestId(page).click();
      await page.keyboard.type(TYPED);
      for (let i = 0; i < TAIL; i++) await page.keyboard.press('ArrowLeft');
      await goToSidebar(page);
      await page.evaluate(() => (window as unknown as Win).suflerEditor.returnToBox());
      await page.keyboard.type('Анна, ');
      await expect.poll(() => readModel(page)).toBe(`${TYPED.slice(0, -TAIL)}Анна, Ольга`);
      await page.close();
    });
  }

  it('every strategy names fixture pages that exist and that this file or the editor-family suite drives', () => {
    const driven = new Set([
      ...CASES.map((c) => c.page),
      ...BLANK_LINE_CASES.map(([name]) => name),
      ...FAMILIES.map((family) => family.page),
    ]);
    for (const strategy of INSERT_STRATEGIES) {
      expect(strategy.fixtures.length, strategy.id).toBeGreaterThan(0);
      for (const fixture of strategy.fixtures) {
        expect(existsSync(join(import.meta.dirname, '../fixtures/pages/editors', fixture)), fixture).toBe(true);
        expect(driven, fixture).toContain(fixture.replace(/\.html$/, ''));
      }
    }
  });

  it('without a focused reply box there is nothing to insert into, and our own UI never counts as one', async () => {
    const page = await openFixture('textarea');
    const tracked = () => page.evaluate(() => (window as unknown as Win).suflerEditor.trackedTag());
    await goToSidebar(page);
    expect(await tracked()).toBeNull();
    expect(await insert(page, TEMPLATE)).toEqual({ ok: false, reason: 'no-reply-box' });
    expect(await readModel(page)).toBe('');

    await byTestId(page).click();
    expect(await tracked()).toBe('textarea+selection');
    // Aborting the signal ends tracking: nothing is followed or returned any more.
    await page.evaluate(() => (window as unknown as Win).suflerEditor.stop());
    expect(await tracked()).toBeNull();
    await page.close();
  });
});
