import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFixturePages } from '../fixtures/pages/build-fixture-pages';
import {
  inClosedRoot,
  launcher,
  launcherLabel,
  openDemo,
  ownUi,
  sidebarFrame,
  useExtensionBrowser,
} from './extension-harness';

const PHRASE = 'ничем не могу помочь';
const DRAFT = `Анна, к сожалению, ${PHRASE}. Хорошего дня!`;

type Box = { left: number; top: number; right: number; bottom: number };

type Span = { text: string; className: string; box: Box };

/** Runs `fn` in the underline overlay's closed root, as a debugger would; nothing while there is no overlay. */
async function inUnderlines<T>(page: Page, fn: string): Promise<T[]> {
  if ((await page.locator(ownUi('underlines')).count()) === 0) return [];
  return inClosedRoot<T[]>(page, ownUi('underlines'), fn);
}

/** The underline boxes the mirror overlay draws over a textarea. */
async function overlaySpans(page: Page): Promise<Span[]> {
  return inUnderlines<Span>(
    page,
    `function () {
      return [...this.querySelectorAll('span')].map((span) => {
        const { left, top, right, bottom } = span.getBoundingClientRect();
        return { text: span.textContent, className: span.className, box: { left, top, right, bottom } };
      });
    }`,
  );
}

/** `clip`: the box the overlay clips its waves to (the editor's client area). */
type Wave = { severity: string; box: Box; clip: Box };

/** The wavy underlines the overlay draws over a rich editor's text (SVG rectangles filled with a wave pattern). */
async function overlayWaves(page: Page): Promise<Wave[]> {
  return inUnderlines<Wave>(
    page,
    `function () {
      const boxOf = (element) => {
        const { left, top, right, bottom } = element.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      const clip = boxOf(this.querySelector('.clip'));
      return [...this.querySelectorAll('rect')].map((rect) => ({
        severity: /w-(\\w+)/.exec(rect.getAttribute('fill'))[1],
        box: boxOf(rect),
        clip,
      }));
    }`,
  );
}

/** Where PHRASE is in a rich editor's text (the first text node that holds it). */
function phraseBox(page: Page, editor: string): Promise<Box> {
  return page.evaluate(
    ([editor, phrase]) => {
      const walker = document.createTreeWalker(document.querySelector(editor)!, NodeFilter.SHOW_TEXT);
      let text = walker.nextNode() as Text;
      while (!text.data.includes(phrase)) text = walker.nextNode() as Text;
      const own = document.createRange();
      own.setStart(text, text.data.indexOf(phrase));
      own.setEnd(text, text.data.indexOf(phrase) + phrase.length);
      const { left, top, right, bottom } = own.getBoundingClientRect();
      return { left, top, right, bottom };
    },
    [editor, PHRASE] as const,
  );
}

/** Where the phrase really is in a single-line textarea, measured with the textarea's own font on a canvas. */
async function phraseBoxInTextarea(page: Page, selector: string, phrase: string): Promise<Box> {
  return page.evaluate(
    ([selector, phrase]) => {
      const box = document.querySelector(selector) as HTMLTextAreaElement;
      const style = getComputedStyle(box);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const before = box.value.slice(0, box.value.indexOf(phrase));
      const rect = box.getBoundingClientRect();
      const left = rect.left + Number.parseFloat(style.borderLeftWidth) + Number.parseFloat(style.paddingLeft);
      const top = rect.top + Number.parseFloat(style.borderTopWidth) + Number.parseFloat(style.paddingTop);
      const x = left + context.measureText(before).width;
      return {
        left: x,
        top,
        right: x + context.measureText(phrase).width,
        bottom: top + Number.parseFloat(style.lineHeight),
      };
    },
    [selector, phrase] as const,
  );
}

function expectNear(actual: Box, expected: Box, tolerance = 3) {
  for (const side of ['left', 'right', 'top', 'bottom'] as const) {
    expect(
      Math.abs(actual[side] - expected[side]),
      `${side}: ${actual[side]} vs ${expected[side]}`,
    ).toBeLessThanOrEqual(tolerance);
  }
}

describe('the live phrasing coach', () => {
  const env = useExtensionBrowser(buildFixturePages);

  it('underlines exactly the banned phrase in a textarea and counts it on the badge', async () => {
    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.click();
    await page.keyboard.type(DRAFT);
    await expect
      .poll(() => overlaySpans(page))
      .toEqual([expect.objectContaining({ text: PHRASE, className: 'error' })]);
    const [span] = await overlaySpans(page);
    expectNear(span.box, await phraseBoxInTextarea(page, '#reply', PHRASE));
    expect(await launcherLabel(page)).toMatch(/ошибки: 1/);

    // The underline follows the text when the draft changes in front of it.
    await reply.press('Home');
    await page.keyboard.type('Добрый день! ');
    await expect.poll(async () => (await overlaySpans(page))[0]?.box.left).toBeGreaterThan(span.box.left + 20);
    await page.close();
  });

  it('checks the last word once the typing pauses, and keeps the underlines while the next word is typed', async () => {
    const page = await openDemo(env.browser, env.pages);
    await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    // No space or full stop after «помочь»: the word being typed is checked when the agent stops.
    await page.keyboard.type(`Анна, ${PHRASE}`, { delay: 20 });
    await expect
      .poll(() => overlaySpans(page))
      .toEqual([expect.objectContaining({ text: PHRASE, className: 'error' })]);
    // Each letter of the next words moves the underline with the text; it never goes away meanwhile.
    for (const key of ', но передам вопрос') {
      await page.keyboard.type(key);
      expect((await overlaySpans(page)).map((span) => span.text)).toEqual([PHRASE]);
    }
    await page.close();
  });

  it('moves the underlines below a line typed at its end as soon as the line wraps, in a scrolled textarea', async () => {
    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.click();
    const lines = Array.from({ length: 20 }, (_, i) => `Строка ${i + 1}: заказ в пути.`);
    await page.keyboard.insertText(`Анна, добрый день\n${lines.join('\n')}\n${PHRASE}.`);
    await expect.poll(() => overlaySpans(page)).toEqual([expect.objectContaining({ text: PHRASE })]);
    expect(await reply.evaluate((box) => box.scrollHeight > box.clientHeight)).toBe(true);
    // The end of the first line: no underline on it or after the caret in it; the phrase is 21 lines below.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    const top = async () => (await overlaySpans(page))[0].box.top;
    const before = await top();
    const lineHeight = await reply.evaluate((box) => Number.parseFloat(getComputedStyle(box).lineHeight));
    // One long word, letter by letter (no lint): the line wraps once it no longer fits.
    const wraps = () => reply.evaluate((box) => box.scrollHeight);
    const height = await wraps();
    let typed = 0;
    while ((await wraps()) === height && typed < 400) {
      await page.keyboard.type('оооооооооо');
      typed += 10;
    }
    expect(typed).toBeLessThan(400);
    await expect.poll(top).toBeCloseTo(before + lineHeight, 0);
    await page.close();
  });

  it('opens a card on hover, and its first suggestion replaces exactly the phrase, undoable with Ctrl+Z', async () => {
    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.click();
    await page.keyboard.type(DRAFT);
    await expect.poll(async () => (await overlaySpans(page)).length).toBe(1);
    const [span] = await overlaySpans(page);
    await page.mouse.move((span.box.left + span.box.right) / 2, span.box.bottom - 4, { steps: 3 });

    const card = page.getByRole('dialog', { name: `Замечание Суфлёра: «${PHRASE}»` });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/закрывает разговор/);
    const suggestion = card.getByRole('button').first();
    const replacement = (await suggestion.textContent())!;
    await suggestion.click();

    await expect
      .poll(() => reply.inputValue())
      .toBe(`Анна, к сожалению, ${replacement[0].toLowerCase()}${replacement.slice(1)}. Хорошего дня!`);
    await expect.poll(async () => (await overlaySpans(page)).length).toBe(0);
    expect(await launcherLabel(page)).not.toMatch(/ошибки/);
    await reply.press('Control+z');
    await expect.poll(() => reply.inputValue()).toBe(DRAFT);
    await page.close();
  });

  it('«Пропустить» ignores the finding once', async () => {
    const page = await openDemo(env.browser, env.pages);
    await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    await page.keyboard.type(DRAFT);
    await expect.poll(async () => (await overlaySpans(page)).length).toBe(1);
    const [span] = await overlaySpans(page);
    await page.mouse.click((span.box.left + span.box.right) / 2, span.box.bottom - 4);
    await page
      .getByRole('dialog', { name: /Замечание Суфлёра/ })
      .getByRole('button', { name: 'Пропустить' })
      .click();
    await expect.poll(async () => (await overlaySpans(page)).length).toBe(0);
    await page.close();
  });

  it('underlines DOM text in a rich editor from an overlay of its own, without touching the editor DOM', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/editors/prosemirror.html`);
    const editor = page.locator('.ProseMirror');
    await editor.click();
    await page.keyboard.type(DRAFT);
    const where = (page: Page) => phraseBox(page, '.ProseMirror');
    await expect.poll(async () => (await overlayWaves(page)).length).toBe(1);
    const expectUnder = async () => {
      const [wave] = await overlayWaves(page);
      const phrase = await where(page);
      expect(wave.severity).toBe('error');
      expect(Math.abs(wave.box.left - phrase.left)).toBeLessThan(0.5);
      expect(Math.abs(wave.box.right - phrase.right)).toBeLessThan(0.5);
      // Just below the glyphs, as a wavy text-decoration sits.
      expect(wave.box.top).toBeGreaterThan(phrase.bottom - 5);
      expect(wave.box.bottom).toBeLessThan(phrase.bottom + 3);
    };
    await expectUnder();
    // Typing before the phrase moves it: the underline follows in the same frame.
    await page.keyboard.press('Home');
    await page.keyboard.type('Добрый день! ');
    await expect.poll(async () => (await overlayWaves(page))[0]?.box.left).toBeCloseTo((await where(page)).left, 0);
    await expectUnder();
    expect(
      await page.evaluate(() => document.querySelectorAll('.ProseMirror [data-sufler-ui], .ProseMirror span').length),
    ).toBe(0);
    // Nothing registered where the page reads it (the CSS Custom Highlight API's registry).
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { readModel(): string }).readModel())).toBe(
      `Добрый день! ${DRAFT}`,
    );
    await page.close();
  });

  it('underlines a phrase across inline markup from its first letter to its last, one wave per run of text', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/editors/contenteditable.html`);
    const box = page.getByTestId('reply-box');
    await box.click();
    // As an agent pastes from a doc: bold in the middle of the phrase.
    await box.evaluate((element) => {
      element.innerHTML = 'Анна, к сожалению, ничем <b>не могу</b> помочь. Хорошего дня!';
      element.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await expect.poll(async () => (await overlayWaves(page)).length).toBe(3);
    const [first, , last] = await overlayWaves(page);
    const phrase = await page.evaluate(() => {
      const element = document.querySelector('.reply')!;
      const range = document.createRange();
      const [start, , end] = [element.firstChild as Text, element.querySelector('b'), element.lastChild as Text];
      range.setStart(start, start.data.indexOf('ничем'));
      range.setEnd(end, end.data.indexOf('помочь') + 'помочь'.length);
      const { left, right, bottom } = range.getBoundingClientRect();
      return { left, right, bottom };
    });
    expect(Math.abs(first.box.left - phrase.left)).toBeLessThan(0.5);
    expect(Math.abs(last.box.right - phrase.right)).toBeLessThan(0.5);
    for (const wave of await overlayWaves(page)) expect(wave.box.bottom - wave.box.top).toBeLessThan(5);
    await page.close();
  });

  it("keeps a rich editor's underline on its phrase as the editor scrolls, and clips it to the editor", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/editors/contenteditable.html`);
    // A composer of fixed height that scrolls, as most helpdesks have.
    await page.addStyleTag({ content: '.reply { min-height: 0 !important; height: 5em; overflow: auto; }' });
    const box = page.getByTestId('reply-box');
    await box.click();
    await page.keyboard.type(DRAFT);
    for (let line = 0; line < 8; line++) {
      await page.keyboard.press('Shift+Enter'); // Enter sends here
      await page.keyboard.type(`Строка ${line + 1}: заказ в пути.`);
    }
    const phrase = () => phraseBox(page, '.reply');
    /** The wave just below the phrase's glyphs, wherever the phrase is now. */
    const onPhrase = async () => {
      const [wave] = await overlayWaves(page);
      const at = await phrase();
      return Math.abs(wave.box.left - at.left) < 0.5 && Math.abs(wave.box.bottom - 1 - at.bottom) < 1.5;
    };
    // The caret is at the end: the first line, and its phrase, are scrolled out of the editor.
    await expect.poll(async () => (await overlayWaves(page)).length).toBe(1);
    await expect.poll(onPhrase).toBe(true);
    const [hidden] = await overlayWaves(page);
    expect(hidden.box.bottom).toBeLessThan(hidden.clip.top);
    await box.evaluate((element) => element.scrollTo(0, 0));
    await expect.poll(onPhrase).toBe(true);
    const [shown] = await overlayWaves(page);
    expect(shown.box.top).toBeGreaterThan(shown.clip.top);
    await page.close();
  });

  it('lists the findings in the sidebar tab «Замечания», whose suggestion fixes the draft in the page', async () => {
    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.click();
    await page.keyboard.type(DRAFT);
    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    await sidebar.getByRole('tab', { name: /Замечания \(1\)/ }).click();
    const item = sidebar.getByRole('list', { name: 'Замечания к черновику' }).getByRole('listitem');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toMatch(`«${PHRASE}»`);
    await item.getByRole('button').first().click();
    await expect.poll(() => reply.inputValue()).not.toContain(PHRASE);
    await expect.poll(() => item.count()).toBe(0);
    await page.close();
  });
});
