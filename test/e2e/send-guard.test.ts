import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuardMode, Pack } from '../../lib/model';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { type PageServer, servePages } from '../demo/serve-pages';
import { buildFixturePages, FIXTURE_PAGES_OUT } from '../fixtures/pages/build-fixture-pages';
import type { GuardUnderTest } from '../fixtures/pages/guard/guard-under-test';
import { CONFIGURE_EVENT, LOG_ATTRIBUTE } from '../fixtures/pages/guard/isolated-world';
import { launchChromium } from './launch-browser';

/**
 * lib/guard in real Chromium. Until the agent script wires it in, the guard is injected at document start
 * (test/fixtures/pages/guard/guard-under-test.ts), as the agent script will be, with the editor tracker and
 * the real linter over the bundled default pack. Each fixture page has its OWN send handler that records
 * what it sent in `window.sent`: a send is held only if that handler did not run.
 */

const DIRTY = 'К сожалению, ничем не могу помочь, это не наша вина.';
const CLEAN = 'Здравствуйте! Заказ уже в пути, завтра он будет у вас.';
const PLACEHOLDER = 'Ваш заказ [номер заказа] передан в доставку.';

interface Sent {
  text: string;
  via: string;
  /** Only the chat page records it. */
  trusted?: boolean;
  delayMs: number;
}
type Win = Window & { suflerGuard: GuardUnderTest; sent: Sent[]; pageKeydowns?: unknown[] };

describe('send guard (lib/guard in real Chromium)', () => {
  let browser: Browser;
  let pages: PageServer;
  let pack: Pack;

  beforeAll(async () => {
    const [built] = await Promise.all([
      buildPackFromDir(resolve(import.meta.dirname, '../../templates')),
      buildFixturePages(),
    ]);
    if (!built.pack) throw new Error(`default pack: ${JSON.stringify(built.errors)}`);
    pack = built.pack;
    pages = await servePages();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  async function open(name: string, mode: GuardMode = 'confirm'): Promise<Page> {
    const page = await browser.newPage({ locale: 'ru-RU' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Before any page script, as the agent script (document_start).
    await page.addInitScript({ path: join(FIXTURE_PAGES_OUT, 'guard/guard-under-test.js') });
    await page.goto(`${pages.origin}/fixtures/pages/${name.includes('/') ? name : `guard/${name}`}.html`);
    await page.evaluate(
      ([mode, rules, compiled]) => (window as unknown as Win).suflerGuard.configure({ mode, rules, compiled }),
      [mode, pack.rules, pack.compiled] as const,
    );
    expect(errors).toEqual([]);
    return page;
  }

  const sent = (page: Page) => page.evaluate(() => (window as unknown as Win).sent);
  const guardLog = (page: Page) => page.evaluate(() => (window as unknown as Win).suflerGuard.log());
  const box = (page: Page) => page.getByTestId('reply-box');
  const dialog = (page: Page) => page.getByRole('alertdialog');
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

  /** The dialog as assistive tech and automation see it, read from the page. */
  const readDialog = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('[data-sufler-ui="guard-dialog"]');
      const root = host?.shadowRoot;
      const node = root?.querySelector('[role="alertdialog"]');
      if (!host || !root || !node) return null;
      const byIds = (ids: string | null) =>
        (ids ?? '')
          .split(' ')
          .map((id) => root.getElementById(id)?.textContent ?? '')
          .join(' ');
      return {
        ownUi: host.hasAttribute('data-sufler-ui'),
        open: (node as HTMLDialogElement).open,
        name: byIds(node.getAttribute('aria-labelledby')),
        description: byIds(node.getAttribute('aria-describedby')),
        buttons: [...root.querySelectorAll('button')].map((b) => b.textContent),
        focused: document.activeElement === host ? (root.activeElement?.textContent ?? null) : null,
      };
    });

  async function typeDraft(page: Page, text: string): Promise<void> {
    await box(page).click();
    await page.keyboard.insertText(text);
  }

  it('chat textarea: Enter on a draft with stop phrases is held; «Отправить всё равно» sends it exactly once', async () => {
    const page = await open('chat');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    expect(await readDialog(page)).toEqual({
      ownUi: true,
      open: true,
      name: 'В ответе остались стоп-фразы: 2 ошибки',
      description: expect.stringMatching(/^Исправьте ответ или отправьте его как есть\. .*«ничем не могу помочь» — /),
      buttons: ['Исправить', 'Отправить всё равно'],
      focused: 'Исправить',
    });
    expect((await readDialog(page))?.description).toContain('это не наша вина');
    // The same through Playwright's role and accessible-name computation.
    expect(await page.getByRole('alertdialog', { name: 'В ответе остались стоп-фразы: 2 ошибки' }).count()).toBe(1);
    // The draft is untouched: no line break from the held Enter.
    expect(await box(page).inputValue()).toBe(DIRTY);

    await button(page, 'Отправить всё равно').click();
    expect(await dialog(page).count()).toBe(0);
    await page.waitForTimeout(200);
    expect((await sent(page)).map(({ text, via }) => ({ text, via }))).toEqual([{ text: DIRTY, via: 'enter' }]);
    expect((await guardLog(page)).resent).toEqual([true]);
    // The page's own window capture listener never saw the held key, then saw the replay once, keyCode and all.
    expect(await page.evaluate(() => (window as unknown as Win).pageKeydowns)).toEqual([
      { isComposing: false, keyCode: 13 },
    ]);
    await page.close();
  });

  it('chat textarea: «Исправить» (and Escape) close the dialog, send nothing and return focus to the box', async () => {
    const page = await open('chat');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await button(page, 'Исправить').click();
    expect(await dialog(page).count()).toBe(0);
    expect(await box(page).evaluate((el) => el === document.activeElement)).toBe(true);

    // Again (nothing was approved): this time Escape. Tab stays inside the dialog meanwhile.
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await page.keyboard.press('Tab');
    expect((await readDialog(page))?.focused).toBe('Отправить всё равно');
    await page.keyboard.press('Tab');
    expect((await readDialog(page))?.focused).toBe('Исправить');
    await page.keyboard.press('Escape');
    expect(await dialog(page).count()).toBe(0);
    await page.waitForTimeout(100);
    expect(await sent(page)).toEqual([]);
    expect(await box(page).inputValue()).toBe(DIRTY);
    expect(await guardLog(page)).toMatchObject({ held: ['enter', 'enter'], fixed: 2, sentAnyway: 0 });
    await page.close();
  });

  it('chat textarea: a clean draft sends on Enter at once, in the same key event, no dialog', async () => {
    const page = await open('chat');
    await typeDraft(page, CLEAN);
    await page.keyboard.press('Enter');
    // The page's handler ran in the same dispatch as the trusted key event: read at once, no poll.
    const [first] = await sent(page);
    // The agent's own (trusted) key event reached the page: a replay after a held decision would be synthetic.
    expect(first).toMatchObject({ text: CLEAN, via: 'enter', trusted: true });
    // Within the dispatch: the first lint of a page builds the engine's typo index, so allow a cold start.
    expect(first.delayMs).toBeLessThan(250);
    expect(await dialog(page).count()).toBe(0);
    expect((await guardLog(page)).decided.map(({ verdict }) => verdict)).toEqual(['pass']);
    await page.close();
  });

  it('chat textarea: Shift+Enter types a new line and never asks the guard', async () => {
    const page = await open('chat');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.insertText('Вторая строка');
    expect(await box(page).inputValue()).toBe(`${DIRTY}\nВторая строка`);
    expect(await sent(page)).toEqual([]);
    expect(await dialog(page).count()).toBe(0);
    expect((await guardLog(page)).decided).toEqual([]);
    await page.close();
  });

  it('chat textarea: Enter that commits an IME composition passes to the page untouched', async () => {
    const page = await open('chat');
    await typeDraft(page, DIRTY);
    const cdp = await page.context().newCDPSession(page);
    // A real IME session as the browser's input method drives it: composition text, then Enter commits it.
    await cdp.send('Input.imeSetComposition', { text: 'помощь', selectionStart: 6, selectionEnd: 6 });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
      nativeVirtualKeyCode: 229,
    });
    await cdp.send('Input.insertText', { text: 'помощь' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    const keydowns = await page.evaluate(() => (window as unknown as Win).pageKeydowns);
    // The page saw the composing Enter (the guard did not swallow it) …
    expect(keydowns).toEqual([expect.objectContaining({ keyCode: 229 })]);
    expect(keydowns).toEqual([{ isComposing: true, keyCode: 229 }]);
    // … and the guard neither decided nor held anything.
    expect((await guardLog(page)).decided).toEqual([]);
    expect(await dialog(page).count()).toBe(0);
    expect(await box(page).inputValue()).toBe(`${DIRTY}помощь`);
    await page.close();
  });

  it('icon button with only aria-label="Send" that sends on mousedown: held, then sent once', async () => {
    const page = await open('chat');
    await typeDraft(page, DIRTY);
    await page.getByRole('button', { name: 'Send' }).click();
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    expect((await guardLog(page)).held).toEqual(['click']);
    await button(page, 'Отправить всё равно').click();
    await page.waitForTimeout(200);
    expect((await sent(page)).map(({ text, via }) => ({ text, via }))).toEqual([{ text: DIRTY, via: 'icon' }]);
    await page.close();
  });

  it('helpdesk: Ctrl+Enter, the «Отправить ответ» button and a form submit are each held, then sent once', async () => {
    const page = await open('helpdesk');
    const cases: [action: () => Promise<void>, trigger: string, via: string][] = [
      [() => page.keyboard.press('Control+Enter'), 'mod-enter', 'form'],
      [() => button(page, 'Отправить ответ').click(), 'click', 'send'],
      // Says neither send nor reply, so only the form's submit event shows it is one.
      [() => button(page, 'Обновить').click(), 'submit', 'update'],
    ];
    for (const [index, [action, trigger, via]] of cases.entries()) {
      const draft = `${DIRTY} (${index + 1})`;
      await typeDraft(page, draft);
      await action();
      await dialog(page).waitFor();
      expect((await sent(page)).length).toBe(index);
      expect((await guardLog(page)).held.at(-1)).toBe(trigger);
      await button(page, 'Отправить всё равно').click();
      await expect.poll(async () => (await sent(page)).length).toBe(index + 1);
      expect((await sent(page)).at(-1)).toMatchObject({ text: draft, via });
    }
    await page.waitForTimeout(200);
    expect((await sent(page)).length).toBe(3);
    await page.close();
  });

  it('helpdesk: an unfilled placeholder holds the send and is listed', async () => {
    const page = await open('helpdesk');
    await typeDraft(page, PLACEHOLDER);
    await page.keyboard.press('Control+Enter');
    await dialog(page).waitFor();
    const shown = await readDialog(page);
    expect(shown?.name).toBe('В ответе осталось 1 незаполненное поле');
    expect(shown?.description).toContain('«[номер заказа]» — незаполненное поле');
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  it('bare multi-line textarea: where Enter is a new line (learnt from a clean Enter), it stays a new line', async () => {
    const page = await open('notes');
    await typeDraft(page, 'Здравствуйте!');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(DIRTY);
    await page.waitForTimeout(50);
    await page.keyboard.press('Enter');
    expect(await box(page).inputValue()).toBe(`Здравствуйте!\n${DIRTY}\n`);
    expect(await dialog(page).count()).toBe(0);
    expect((await guardLog(page)).decided.map(({ verdict }) => verdict)).toEqual(['pass']);
    // Ctrl+Enter is still the send, and still held.
    await page.keyboard.press('Control+Enter');
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  it('bare multi-line textarea: a first Enter on a dirty draft is held (meaning unknown); send anyway types the new line', async () => {
    const page = await open('notes');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await button(page, 'Отправить всё равно').click();
    // The page did not take the Enter, so the browser's own default is done: a line break, no send.
    expect(await box(page).inputValue()).toBe(`${DIRTY}\n`);
    expect(await sent(page)).toEqual([]);
    // Learnt: Enter is a new line in this box, no more dialogs for it.
    await page.keyboard.insertText('Ещё строка');
    await page.keyboard.press('Enter');
    expect(await box(page).inputValue()).toBe(`${DIRTY}\nЕщё строка\n`);
    expect((await guardLog(page)).held).toEqual(['enter']);
    await page.close();
  });

  for (const mode of ['confirm', 'strict'] as const) {
    it(`helpdesk ticket form (${mode}): Enter on a dirty draft is a new line, never held; Ctrl+Enter is held`, async () => {
      const page = await open('helpdesk', mode);
      await typeDraft(page, DIRTY);
      await page.keyboard.press('Enter');
      await page.keyboard.insertText('Вторая строка');
      await page.keyboard.press('Enter');
      expect(await box(page).inputValue()).toBe(`${DIRTY}\nВторая строка\n`);
      expect(await dialog(page).count()).toBe(0);
      expect((await guardLog(page)).held).toEqual([]);
      await page.keyboard.press('Control+Enter');
      await dialog(page).waitFor();
      expect(await sent(page)).toEqual([]);
      expect((await guardLog(page)).held).toEqual(['mod-enter']);
      await page.close();
    });
  }

  it('strict, a box that says nothing about Enter: the held Enter offers «Новая строка», which types it and sends nothing', async () => {
    const page = await open('notes', 'strict');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect((await readDialog(page))?.buttons).toEqual(['Исправить', 'Новая строка']);
    await page.keyboard.press('Tab');
    expect((await readDialog(page))?.focused).toBe('Новая строка');
    await page.keyboard.press('Enter');
    expect(await dialog(page).count()).toBe(0);
    await page.keyboard.insertText('Вторая строка');
    expect(await box(page).inputValue()).toBe(`${DIRTY}\nВторая строка`);
    // Known from then on: the next Enter is a new line at once; Ctrl+Enter stays held.
    await page.keyboard.press('Enter');
    expect(await dialog(page).count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    expect((await guardLog(page)).held).toEqual(['enter', 'mod-enter']);
    await page.close();
  });

  it('single-line input in a form: Enter (native implicit submission) is held; send anyway submits once', async () => {
    const page = await open('input');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    await button(page, 'Отправить всё равно').click();
    await page.waitForTimeout(200);
    expect((await sent(page)).map(({ text, via }) => ({ text, via }))).toEqual([
      { text: DIRTY, via: 'default-button' },
    ]);
    await page.close();
  });

  it('contenteditable (ProseMirror): Enter and the «Ответить» button are held; send anyway sends the model once', async () => {
    const page = await open('prosemirror');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    await button(page, 'Исправить').click();
    await page.getByRole('button', { name: 'Ответить' }).click();
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    expect((await guardLog(page)).held).toEqual(['enter', 'click']);
    await button(page, 'Отправить всё равно').click();
    await page.waitForTimeout(200);
    expect((await sent(page)).map(({ text, via }) => ({ text, via }))).toEqual([{ text: DIRTY, via: 'button' }]);
    // The editor's model kept the draft as it was: the held Enter split no paragraph.
    expect(await page.evaluate(() => window.readModel?.())).toBe(DIRTY);
    await page.close();
  });

  it('rich editor where Enter is a new paragraph (ProseMirror, no page handler): held once, then a paragraph', async () => {
    const page = await open('editors/prosemirror');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await button(page, 'Отправить всё равно').click();
    // The replayed Enter reached the editor's own keymap: a new paragraph, caret in it.
    await page.keyboard.insertText('Вторая строка');
    expect(await page.evaluate(() => window.readModel?.())).toBe(`${DIRTY}\nВторая строка`);
    await page.keyboard.press('Enter');
    expect(await dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => window.readModel?.())).toBe(`${DIRTY}\nВторая строка\n`);
    expect((await guardLog(page)).held).toEqual(['enter']);
    await page.close();
  });

  it('same-origin iframe editor: the top frame guards Ctrl+Enter inside it and the button next to it', async () => {
    const page = await open('iframe');
    await page.frameLocator('iframe').locator('body').click();
    await page.keyboard.insertText(DIRTY);
    await page.keyboard.press('Control+Enter');
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // An icon button named only by its title.
    await page.getByTitle('Отправить (Ctrl+Enter)').click();
    await dialog(page).waitFor();
    expect((await guardLog(page)).held).toEqual(['mod-enter', 'click']);
    await button(page, 'Отправить всё равно').click();
    await page.waitForTimeout(200);
    expect((await sent(page)).map(({ text, via }) => ({ text, via }))).toEqual([{ text: DIRTY, via: 'button' }]);
    await page.close();
  });

  it('Zammad (known selector): the «Обновить» div and the Shift+Enter shortcut that clicks it are held', async () => {
    const page = await open('zammad');
    await typeDraft(page, DIRTY);
    await page.getByText('Обновить', { exact: true }).click();
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    await button(page, 'Исправить').click();
    // Zammad's own submit shortcut: the page handles it and clicks the control from script.
    await page.keyboard.press('Shift+Enter');
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    expect((await guardLog(page)).held).toEqual(['click', 'click']);
    await button(page, 'Отправить всё равно').click();
    await page.waitForTimeout(200);
    expect((await sent(page)).map(({ text }) => text)).toEqual([DIRTY]);
    await page.close();
  });

  it('strict mode: no «Отправить всё равно», the dialog says sending is blocked', async () => {
    const page = await open('chat', 'strict');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    const shown = await readDialog(page);
    // The chat says nothing about its Enter: the way to a line break, but never a send.
    expect(shown?.buttons).toEqual(['Исправить', 'Новая строка']);
    expect(shown?.description).toMatch(/^Отправка заблокирована, пока в ответе есть ошибки/);
    expect(await button(page, 'Отправить всё равно').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  it('strict dialog: errors apart from warnings, counts that add up, each phrase once, fits a 900 px window', async () => {
    const page = await open('chat', 'strict');
    await page.setViewportSize({ width: 1280, height: 900 });
    const draft =
      'Уважаемый клиент, ваше обращение очень важно для нас. Ничем не могу помочь, это не наша вина, ' +
      'от меня ничего не зависит. Я не знаю. Такие вопросы мы не рассматриваем. Вы должны перезвонить позже.';
    await typeDraft(page, draft);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    const layout = await page.evaluate(() => {
      const root = document.querySelector('[data-sufler-ui="guard-dialog"]')!.shadowRoot!;
      const node = root.querySelector('dialog')!;
      const rect = node.getBoundingClientRect();
      const phrases = (...containers: string[]) =>
        [...root.querySelectorAll(containers.map((c) => `${c} li .phrase`).join(', '))].map((p) => p.textContent);
      return {
        title: root.querySelector('h2')?.textContent,
        errorsHeading: root.querySelector('.section')?.textContent,
        errors: phrases('.list > ul.errors', '.list > details.more'),
        warningsSummary: root.querySelector('details.warnings summary')?.textContent,
        warningsOpen: root.querySelector<HTMLDetailsElement>('details.warnings')?.open,
        warnings: phrases('details.warnings'),
        text: node.textContent ?? '',
        top: rect.top,
        bottom: rect.bottom,
        scrolls: node.scrollHeight > node.clientHeight,
      };
    });
    expect(layout.title).toBe('В ответе остались стоп-фразы: 5 ошибок');
    expect(layout.errorsHeading).toBe('Ошибки: 5');
    expect(layout.errors).toHaveLength(5);
    expect(layout.errors.every((phrase) => /^«.+»$/.test(phrase ?? ''))).toBe(true);
    expect(layout.warningsSummary).toMatch(/^Замечания: \d+$/);
    expect(layout.warnings.length).toBe(Number(layout.warningsSummary?.split(': ')[1]));
    expect(layout.warningsOpen).toBe(false);
    expect(layout.text).not.toMatch(/и ещё/);
    // Each phrase is quoted once: the rule's own example phrase is not repeated after it.
    for (const phrase of [...layout.errors, ...layout.warnings]) {
      expect(layout.text.split(phrase ?? '').length - 1).toBe(1);
    }
    expect(layout.top).toBeGreaterThanOrEqual(0);
    expect(layout.bottom).toBeLessThanOrEqual(900);
    expect(layout.scrolls).toBe(false);
    await page.close();
  });

  it('warn mode: the send goes through at once and a status notice near the box says why, then goes', async () => {
    const page = await open('chat', 'warn');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    expect((await sent(page)).map(({ text }) => text)).toEqual([DIRTY]);
    expect(await dialog(page).count()).toBe(0);
    const notice = page.getByRole('status');
    await expect
      .poll(() => notice.textContent())
      .toBe('Отправлено с замечаниями. В ответе остались стоп-фразы: 2 ошибки.');
    const [noticeBox, replyBox] = await Promise.all([notice.boundingBox(), box(page).boundingBox()]);
    // Just above the reply box.
    const gap = (replyBox?.y ?? 0) - ((noticeBox?.y ?? 0) + (noticeBox?.height ?? 0));
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(60);
    await expect.poll(() => notice.count(), { timeout: 8_000 }).toBe(0);
    await page.close();
  });

  /**
   * The agent script runs in Chromium's isolated world, not the page's: its JS objects (an event's own
   * properties, globals) are invisible to the page, only the DOM is shared. The same guard, injected there
   * through CDP the way a content script is (before any page script), must hold and resend just the same.
   */
  async function openIsolated(name: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'ru-RU' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: await readFile(join(FIXTURE_PAGES_OUT, 'guard/guard-under-test.js'), 'utf8'),
      worldName: 'sufler-agent',
    });
    await page.goto(`${pages.origin}/fixtures/pages/guard/${name}.html`);
    expect(await page.evaluate(() => 'suflerGuard' in window)).toBe(false);
    await page.evaluate(([type, detail]) => document.dispatchEvent(new CustomEvent(type, { detail })), [
      CONFIGURE_EVENT,
      JSON.stringify({ mode: 'confirm', rules: pack.rules, compiled: pack.compiled }),
    ] as const);
    return page;
  }
  const isolatedLog = async (page: Page) =>
    JSON.parse((await page.locator('html').getAttribute(LOG_ATTRIBUTE)) ?? '{}') as ReturnType<GuardUnderTest['log']>;

  it('from an isolated world (as the content script): Enter held, the replay reaches the page with keyCode 13', async () => {
    const page = await openIsolated('chat');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await sent(page)).toEqual([]);
    await button(page, 'Отправить всё равно').click();
    await page.waitForTimeout(200);
    expect((await sent(page)).map(({ text }) => text)).toEqual([DIRTY]);
    expect(await page.evaluate(() => (window as unknown as Win).pageKeydowns)).toEqual([
      { isComposing: false, keyCode: 13 },
    ]);
    await page.close();
  });

  it('from an isolated world: the helpdesk button, form submit and Ctrl+Enter are held and resent once', async () => {
    const page = await openIsolated('helpdesk');
    const actions = [
      () => button(page, 'Отправить ответ').click(),
      () => button(page, 'Обновить').click(),
      () => page.keyboard.press('Control+Enter'),
    ];
    for (const [index, action] of actions.entries()) {
      await typeDraft(page, `${DIRTY} ${index}`);
      await action();
      await dialog(page).waitFor();
      expect((await sent(page)).length).toBe(index);
      await button(page, 'Отправить всё равно').click();
      await expect.poll(async () => (await sent(page)).length).toBe(index + 1);
    }
    await expect.poll(async () => (await isolatedLog(page)).held).toEqual(['click', 'submit', 'mod-enter']);
    await page.close();
  });

  it('a page with `* { all: unset !important }`: the dialog still shows, sized and clickable', async () => {
    const page = await open('hostile');
    await typeDraft(page, DIRTY);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    const rect = await dialog(page).boundingBox();
    expect(rect?.width).toBeGreaterThan(250);
    expect(rect?.height).toBeGreaterThan(100);
    const send = button(page, 'Отправить всё равно');
    expect(await send.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    await send.click();
    await page.waitForTimeout(100);
    expect((await sent(page)).map(({ text }) => text)).toEqual([DIRTY]);
    await page.close();
  });
});
