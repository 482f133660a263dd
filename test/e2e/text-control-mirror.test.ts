import { join } from 'node:path';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftLinter } from '../../lib/lint/lint-draft';
import type { Finding } from '../../lib/model';
import { loadCoachCorpus } from '../data/coach-corpus';
import { buildFixturePages, FIXTURE_PAGES_OUT } from '../fixtures/pages/build-fixture-pages';
import { agentRuleSets } from '../unit/lint/agent-rule-sets';
import { launchChromium } from './launch-browser';

/**
 * Issue 19: while letters are typed inside a word, the textarea mirror may keep its text behind the control's
 * when no underline can move (text-control-mirror.ts, `staysInPlace`), so that the browser lays out and
 * repaints nothing for most keystrokes. Checked against the mirror itself following every keystroke: real
 * drafts (the coach corpus, several joined into paragraphs) linted by the bundled pack as the coach lints them,
 * typed into key by key at word ends and inside words in textareas of different fonts, widths and alignments;
 * after each keystroke every underline must be exactly where a mirror built afresh on the same text draws it.
 */

interface Style {
  name: string;
  css: string;
  /** Whether the mirror may stay behind at all in this textarea (it must not for centred or indented text). */
  mayStayBehind: boolean;
  /** Words of a right-to-left script in every line (the mirror then follows every keystroke). */
  rightToLeft?: boolean;
}

const STYLES: Style[] = [
  {
    name: 'sans 15px, narrow',
    css: 'font: 15px/1.5 sans-serif; width: 360px; height: 420px; padding: 8px;',
    mayStayBehind: true,
  },
  { name: 'UA monospace, wide', css: 'width: 560px; height: 400px;', mayStayBehind: true },
  {
    name: 'serif 16px, letter-spacing, scrolled',
    css: 'font: 16px/1.4 serif; letter-spacing: 0.6px; width: 300px; height: 160px; padding: 4px 12px;',
    mayStayBehind: true,
  },
  {
    name: 'centred',
    css: 'font: 15px sans-serif; text-align: center; width: 400px; height: 400px;',
    mayStayBehind: false,
  },
  {
    name: 'first-line indent',
    css: 'font: 15px serif; text-indent: 24px; width: 380px; height: 400px;',
    mayStayBehind: false,
  },
  {
    name: 'Arabic words in every line',
    css: 'font: 15px sans-serif; width: 380px; height: 400px;',
    mayStayBehind: false,
    rightToLeft: true,
  },
];

/**
 * A run of keys at one place: letters (some wide, some narrow) or Backspaces, at the end of a paragraph (where
 * its last row fills up and wraps, or empties and goes), at a word's end or inside a word.
 */
const run = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  where: fc.constantFrom('paragraph end', 'paragraph end', 'word end', 'inside a word'),
  keys: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.array(fc.constantFrom('о', 'ш', 'Ж', 'ю', 'W', 'i', 'м', 'ы', '7'), {
        minLength: 1,
        maxLength: 40,
      }),
    },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 12 }).map((n) => Array.from({ length: n }, () => 'Backspace')) },
  ),
});

type Edit = { start: number; end: number; text: string };
type Drawn = { text: string; className: string; left: number; top: number; right: number; bottom: number }[];

interface Win {
  mirrorUnderTest: {
    createTextControlMirror(
      control: HTMLTextAreaElement,
      signal: AbortSignal,
    ): { paint(findings: Finding[], typingInWord?: boolean): void; destroy(): void };
    roots: ShadowRoot[];
  };
  mirror: { paint(findings: Finding[], typingInWord?: boolean): void };
}

describe('the textarea mirror while letters are typed inside a word', () => {
  let browser: Browser;
  beforeAll(async () => {
    await buildFixturePages();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const corpus = loadCoachCorpus().map((draft) => draft.text.trim().replace(/\n+/g, ' '));

  /** The edit, the draft after it, and where the caret goes. */
  function keystroke(value: string, caret: number, key: string): { edit: Edit; value: string; caret: number } | null {
    if (key === 'Backspace') {
      if (caret === 0) return null;
      const edit = { start: caret - 1, end: caret, text: '' };
      return { edit, value: value.slice(0, caret - 1) + value.slice(caret), caret: caret - 1 };
    }
    return {
      edit: { start: caret, end: caret, text: key },
      value: value.slice(0, caret) + key + value.slice(caret),
      caret: caret + 1,
    };
  }

  /** Applies the edit to the textarea and paints in the next animation frame, as the coach does. */
  async function type(page: Page, edit: Edit, findings: Finding[], typingInWord: boolean) {
    await page.evaluate(
      ({ edit, findings, typingInWord }) =>
        new Promise<void>((done) => {
          const box = document.querySelector('textarea')!;
          box.setRangeText(edit.text, edit.start, edit.end, 'end');
          requestAnimationFrame(() => {
            (window as unknown as Win).mirror.paint(findings, typingInWord);
            requestAnimationFrame(() => done());
          });
        }),
      { edit, findings, typingInWord },
    );
  }

  /** The underlines the mirror under test draws, those a new mirror draws on the same text, and whether the first was behind. */
  function compare(page: Page, findings: Finding[]) {
    return page.evaluate(
      (findings) =>
        new Promise<{ drawn: Drawn; fresh: Drawn; behind: boolean }>((done) => {
          const { createTextControlMirror, roots } = (window as unknown as Win).mirrorUnderTest;
          const box = document.querySelector('textarea')!;
          // The underlines, and the rows of each line: where an underline would be drawn in it.
          const drawnBy = (root: ShadowRoot): Drawn =>
            [...root.querySelectorAll('span'), ...root.querySelector('.mirror')!.children].map((element) => {
              const { left, top, right, bottom } = element.getBoundingClientRect();
              const text = element.localName === 'span' ? (element.textContent ?? '') : 'line';
              return { text, className: element.className, left, top, right, bottom };
            });
          const shown = [...roots[0].querySelector('.mirror')!.children]
            .map((line) => (line.textContent ?? '').replace(/\u200b/g, ''))
            .join('\n');
          const controller = new AbortController();
          const fresh = createTextControlMirror(box, controller.signal);
          fresh.paint(findings);
          // The new mirror copies the control's styles in its first frame.
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const result = { drawn: drawnBy(roots[0]), fresh: drawnBy(roots.at(-1)!), behind: shown !== box.value };
              fresh.destroy();
              controller.abort();
              roots.pop();
              done(result);
            }),
          );
        }),
      findings,
    );
  }

  for (const [index, style] of STYLES.entries()) {
    it(`draws every underline where a new mirror would, keystroke by keystroke: ${style.name}`, async () => {
      const linter = createDraftLinter(await agentRuleSets());
      // Six drafts of the corpus with findings, as paragraphs: underlines above, in and below the line typed in.
      const marked = corpus.filter((text) => linter.lint(text).length > 0);
      const draft = Array.from({ length: 6 }, (_, k) => marked[(index * 7 + k * 13) % marked.length])
        .map((line) => (style.rightToLeft ? `${line} شكرا لك` : line))
        .join('\n');
      const page = await browser.newPage();
      await page.setContent(
        `<!doctype html><textarea style="display:block; box-sizing:border-box; ${style.css}"></textarea>`,
      );
      await page.addScriptTag({ path: join(FIXTURE_PAGES_OUT, 'mirror', 'mirror-under-test.js') });
      let value = draft;
      let findings = linter.lint(value);
      await page.evaluate(
        ({ value, findings }) =>
          new Promise<void>((done) => {
            const box = document.querySelector('textarea')!;
            box.value = value;
            const win = window as unknown as Win;
            win.mirror = win.mirrorUnderTest.createTextControlMirror(box, new AbortController().signal);
            win.mirror.paint(findings);
            requestAnimationFrame(() => requestAnimationFrame(() => done()));
          }),
        { value, findings },
      );

      const runs = fc.sample(run, { seed: 19 + index, numRuns: 18 });
      let keys = 0;
      let behind = 0;
      for (const { at, where, keys: pressed } of runs) {
        let caret = Math.floor(at * value.length);
        if (where === 'paragraph end') caret = value.includes('\n', caret) ? value.indexOf('\n', caret) : value.length;
        else while (caret < value.length && /\S/.test(value[caret])) caret++;
        if (where === 'inside a word' && caret > 1 && /\S/.test(value[caret - 2])) caret -= 1;
        for (const key of pressed) {
          const next = keystroke(value, caret, key);
          if (!next) break;
          ({ value, caret } = next);
          const typed = linter.lintTyping(value);
          findings = typed.findings;
          await type(page, next.edit, findings, !typed.settled);
          const { drawn, fresh, behind: wasBehind } = await compare(page, findings);
          keys++;
          if (wasBehind) behind++;
          expect(drawn.length, `keystroke ${keys}`).toBe(fresh.length);
          drawn.forEach((span, k) => {
            for (const side of ['left', 'top', 'right', 'bottom'] as const)
              expect(Math.abs(span[side] - fresh[k][side]), `keystroke ${keys}, «${span.text}» ${side}`).toBeLessThan(
                0.5,
              );
          });
        }
        // The typing pauses: the word is linted and the mirror catches up.
        findings = linter.lint(value);
        await type(page, { start: caret, end: caret, text: '' }, findings, false);
      }
      expect(keys).toBeGreaterThan(50);
      if (style.mayStayBehind)
        expect(behind, `${behind} of ${keys} keystrokes left the text behind`).toBeGreaterThan(keys / 10);
      else expect(behind).toBe(0);
      await page.close();
    });
  }
});
