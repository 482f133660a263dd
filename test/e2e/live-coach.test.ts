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

/** The underline boxes the mirror overlay draws over a textarea (in its closed root: read as a debugger would). */
async function overlaySpans(page: Page): Promise<Span[]> {
  if ((await page.locator(ownUi('underlines')).count()) === 0) return [];
  return inClosedRoot<Span[]>(
    page,
    ownUi('underlines'),
    `function () {
      return [...this.querySelectorAll('span')].map((span) => {
        const { left, top, right, bottom } = span.getBoundingClientRect();
        return { text: span.textContent, className: span.className, box: { left, top, right, bottom } };
      });
    }`,
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

  it('underlines DOM text in a rich editor with the Highlight API, without touching the editor DOM', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/editors/prosemirror.html`);
    const editor = page.locator('.ProseMirror');
    await editor.click();
    await page.keyboard.type(DRAFT);
    const highlighted = () =>
      page.evaluate(() => {
        // Names are made up per page load (they must not tell the page anything): read every highlight.
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        return [...registry.values()].flatMap((highlight) => [...highlight].map((range) => range.toString()));
      });
    await expect.poll(highlighted).toEqual([PHRASE]);

    const [drawn, expected] = await page.evaluate((phrase) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...registry.values()].flatMap((highlight) => [...highlight])[0];
      const text = document.querySelector('.ProseMirror p')!.firstChild as Text;
      const own = document.createRange();
      own.setStart(text, text.data.indexOf(phrase));
      own.setEnd(text, text.data.indexOf(phrase) + phrase.length);
      const box = (r: Range) => {
        const { left, top, right, bottom } = r.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      return [box(range), box(own)];
    }, PHRASE);
    expectNear(drawn, expected, 0.5);
    expect(
      await page.evaluate(() => document.querySelectorAll('.ProseMirror [data-sufler-ui], .ProseMirror span').length),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { readModel(): string }).readModel())).toBe(DRAFT);
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
