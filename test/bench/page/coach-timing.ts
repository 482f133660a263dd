/**
 * Budget 4: the live coach's added work per keystroke on a 2,000-character draft (≤ 1 ms median) and no
 * forced synchronous layout in the keystroke path. Plain Chromium, no extension: the coach's modules
 * (lib/agent/live-coach.ts with the launcher badge's count, lib/lint/lint-draft.ts over the bundled pack's
 * rules compiled in Node as the background compiles them) are bundled by esbuild into a test page, mounted
 * on a textarea (mirror overlay) and on a contenteditable (range overlay). Measuring inside the real agent
 * would need hooks the product does not have; this is the same code with timing wrapped around its own
 * dependencies. The page is cross-origin isolated (COOP/COEP via a routed response), which gives
 * `performance.now()` 5 µs resolution instead of 100 µs. Baseline in the same run: the same page with no
 * coach mounted, typed the same way.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { compileDraftRules } from '../../../lib/lint/compile-draft-rules';
import { encodeCompiledRules } from '../../../lib/lint/lint-draft';
import { buildPackFromDir } from '../../../lib/packs/build-pack';
import { median, ms, percentile, table } from '../measure';
import type { CoachBench, UpdateTiming } from './coach-under-test';

/** Three decimals throughout: the budget is 1 ms and the resolution 5 µs. */
const ms3 = (value: number) => `${value.toFixed(3)} ms`;
const ROOT = resolve(import.meta.dirname, '../../..');
const BUDGET_MS = 1;
const ORIGIN = 'http://127.0.0.1:9';
/** Synchronous loop: keystrokes per box and mode. Real typing: keystrokes per box and mode. */
/** Each sync loop types the phrase and deletes it again; three loops per box and mode. */
const SYNC_KEYSTROKES = 122; // 2 × the typed phrase
const SYNC_REPEATS = 3;
const TYPED_KEYSTROKES = 60;
const TYPING_PAUSE_MS = 45; // several frames apart, so every keystroke gets its own update
/**
 * After the last key: longer than the coach's pause before it lints the word being typed (SETTLE_MS in
 * live-coach.ts), so that lint is counted too.
 */
const AFTER_TYPING_MS = 450;
/**
 * Typing runs per box and mode, on a fresh page each, the modes alternating: a shared machine's noise moves
 * one run's TaskDuration by a few tenths of a millisecond a key, the median of the per-round differences
 * much less.
 */
const TYPING_ROUNDS = Number(process.env.BENCH_COACH_ROUNDS) || 5;

const SENTENCES = [
  'Здравствуйте, Анна! Спасибо, что написали нам и подробно описали ситуацию с заказом.',
  'Я проверила заказ 48213: он собран на складе и передан в службу доставки вчера вечером.',
  'К сожалению, курьерская служба задержала отправку из-за большого количества посылок перед праздниками.',
  'Понимаю, как неприятно ждать, особенно когда подарок нужен к определённой дате.',
  'Ничем не могу помочь с ускорением доставки, но могу предложить бесплатную замену курьера на самовывоз.',
  'Вы должны забрать посылку в течение семи дней, иначе она вернётся на склад.',
  'Если вам удобнее получить заказ дома, напишите адрес и удобный интервал, я передам их перевозчику.',
  'Деньги за доставку вернутся на карту в течение 10 рабочих дней после оформления возврата.',
  'Я не знаю точного времени приезда курьера, он позвонит вам за час до визита.',
  'В качестве компенсации мы начислили 500 бонусных баллов на ваш счёт.',
  'Таковы правила перевозчика, но я постараюсь договориться о доставке в субботу.',
  'Хорошего вам дня, и ещё раз простите за неудобства!',
];
/** What the agent types into the draft, then deletes again: findings come and go. */
const TYPED = ' Ничем не могу помочь, это не наша вина, вы должны подождать.';

function draft(length: number): string[] {
  // Paragraphs of three sentences, 2,000 characters in all (line breaks included).
  const paragraphs: string[] = [];
  let text = '';
  for (let i = 0; text.length < length; i++) {
    const paragraph = [0, 1, 2].map((k) => SENTENCES[(3 * i + k) % SENTENCES.length]).join(' ');
    paragraphs.push(paragraph);
    text = paragraphs.join('\n');
  }
  const over = text.length - length;
  paragraphs[paragraphs.length - 1] = paragraphs.at(-1)!.slice(0, -over || undefined);
  return paragraphs;
}

function pageHtml(kind: 'textarea' | 'contenteditable', paragraphs: string[], script: string): string {
  const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const box =
    kind === 'textarea'
      ? `<textarea id="box" aria-label="Ответ клиенту">${escapeHtml(paragraphs.join('\n'))}</textarea>`
      : `<div id="box" contenteditable="true" aria-label="Ответ клиенту">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>`;
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>coach bench</title>
<style>body { font: 15px/1.5 system-ui, sans-serif; margin: 24px; }
#box { display: block; box-sizing: border-box; width: 720px; height: 460px; padding: 10px; border: 1px solid #999; overflow: auto; }
p { margin: 0 0 .6em; }</style></head>
<body><h1>Ответ клиенту</h1>${box}<script>${script}</script></body></html>`;
}

type Metrics = Record<string, number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

/** `before`: the coach before issue 19 (test/bench/old-coach/), typed the same way. */
type Mode = 'none' | 'coach' | 'control' | 'before';

/**
 * N keystrokes in one task, each: edit the box's text as typing would, dispatch `input`, and (coach) run
 * the pending update synchronously (`lintNow`, what the coach's animation frame would run). Nothing in one task
 * needs a layout, so any layout counted across the loop was forced by a read in the keystroke path.
 * `control` reads `offsetHeight` after each keystroke, proving the counter sees a forced layout.
 */
function syncLoop(args: { n: number; typed: string; mode: Mode; caret: number }): number[] {
  const box = document.getElementById('box')!;
  const bench = (globalThis as unknown as { coachBench: CoachBench }).coachBench;
  const textarea = box.localName === 'textarea' ? (box as HTMLTextAreaElement) : null;
  // The caret: the box's (textarea offset), or the middle of a text node in the middle paragraph.
  const node = textarea ? null : (box.children[Math.floor(box.children.length / 2)].firstChild as Text);
  const at = textarea ? args.caret : Math.floor(node!.length / 2);
  const times: number[] = [];
  let typed = 0;
  for (let i = 0; i < args.n; i++) {
    const forward = Math.floor(i / args.typed.length) % 2 === 0;
    const start = performance.now();
    if (forward) {
      const char = args.typed[typed++];
      if (textarea) textarea.setRangeText(char, at + typed - 1, at + typed - 1, 'end');
      else node!.insertData(at + typed - 1, char);
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: char }));
    } else {
      typed--;
      if (textarea) textarea.setRangeText('', at + typed, at + typed + 1, 'end');
      else node!.deleteData(at + typed, 1);
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    }
    if (args.mode === 'coach' || args.mode === 'before') bench.flush();
    if (args.mode === 'control') void box.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}

interface Run {
  sync: number[];
  /** Layout and style recalculation counts, one entry per sync loop. */
  syncLayouts: number[];
  syncStyles: number[];
  updates: UpdateTiming[];
  perKey: { task: number; script: number; layoutStyle: number };
  crossOriginIsolated: boolean;
  /** Each piece of an update alone (coach only): median ms. */
  pieces: Record<string, number>;
}

async function run(page: Page, cdp: CDPSession, mode: Mode, rulesJson: string, caret: number): Promise<Run> {
  const coached = mode === 'coach' || mode === 'before';
  if (coached)
    await page.evaluate(
      ([rules, version]) =>
        (globalThis as unknown as { coachBench: CoachBench }).coachBench.mount(
          document.getElementById('box')!,
          rules,
          version,
        ),
      [rulesJson, mode === 'before' ? 'before' : 'now'] as [string, 'now' | 'before'],
    );
  await page.waitForTimeout(200);
  const isolated = await page.evaluate(() => crossOriginIsolated);

  // 1. Forced layout and synchronous cost: loops of one task each. A rendering frame (the coach's animation
  // frame firing after a loop) can land between two metric reads, so each loop is
  // counted separately and the fewest layouts seen is what the loop itself caused.
  const sync: number[] = [];
  const layouts: number[] = [];
  const styles: number[] = [];
  // Warm-up: types the phrase and deletes it again, so the draft is as it was (a leftover would add a finding).
  await page.evaluate(syncLoop, { n: SYNC_KEYSTROKES, typed: TYPED, mode, caret });
  for (let repeat = 0; repeat < SYNC_REPEATS; repeat++) {
    await page.waitForTimeout(150);
    if (coached) await page.evaluate(() => (globalThis as unknown as { coachBench: CoachBench }).coachBench.take());
    const before = await metrics(cdp);
    sync.push(...(await page.evaluate(syncLoop, { n: SYNC_KEYSTROKES, typed: TYPED, mode, caret })));
    const after = await metrics(cdp);
    layouts.push(after.LayoutCount - before.LayoutCount);
    styles.push(after.RecalcStyleCount - before.RecalcStyleCount);
  }
  await page.waitForTimeout(150);

  // 2. Real keystrokes: trusted text input at the caret, the coach's own animation frame, rendering between.
  await page.evaluate((caret) => {
    const box = document.getElementById('box')!;
    box.focus();
    if (box.localName === 'textarea') (box as HTMLTextAreaElement).setSelectionRange(caret, caret);
    else {
      const node = box.children[Math.floor(box.children.length / 2)].firstChild as Text;
      getSelection()!.collapse(node, Math.floor(node.length / 2));
    }
  }, caret);
  const typeAndDelete = async () => {
    for (let i = 0; i < TYPED_KEYSTROKES; i++) {
      if (i < TYPED_KEYSTROKES / 2) await page.keyboard.insertText(TYPED[i % TYPED.length]);
      else await page.keyboard.press('Backspace');
      await page.waitForTimeout(TYPING_PAUSE_MS);
    }
    await page.waitForTimeout(AFTER_TYPING_MS);
  };
  // Unmeasured first: the agent has typed in this box before its draft is 2,000 characters long, so the
  // keystroke path's code is no longer running for the first time.
  await typeAndDelete();
  if (coached) await page.evaluate(() => (globalThis as unknown as { coachBench: CoachBench }).coachBench.take());
  const typingBefore = await metrics(cdp);
  await typeAndDelete();
  const typingAfter = await metrics(cdp);
  const updates = coached
    ? await page.evaluate(() => (globalThis as unknown as { coachBench: CoachBench }).coachBench.take())
    : [];
  const pieces =
    mode === 'coach'
      ? await page.evaluate(() => (globalThis as unknown as { coachBench: CoachBench }).coachBench.profile(200))
      : {};
  const delta = (name: string) => ((typingAfter[name] - typingBefore[name]) * 1000) / TYPED_KEYSTROKES;
  return {
    sync,
    syncLayouts: layouts,
    syncStyles: styles,
    updates,
    perKey: {
      task: delta('TaskDuration'),
      script: delta('ScriptDuration'),
      layoutStyle: delta('LayoutDuration') + delta('RecalcStyleDuration'),
    },
    crossOriginIsolated: isolated,
    pieces,
  };
}

/** The lint's median, and apart the updates that linted and those that moved the last findings. */
function lintColumn(updates: UpdateTiming[]): string {
  const linted = updates.filter((u) => u.linted).map((u) => u.lint);
  const moved = updates.filter((u) => !u.linted).map((u) => u.lint);
  const part = (times: number[]) => (times.length ? ms3(median(times)) : '–');
  return `${ms3(median(updates.map((u) => u.lint)))} (linted ${linted.length}×: ${part(linted)}; moved ${moved.length}×: ${part(moved)})`;
}

export async function coachTiming(): Promise<void> {
  const { pack, errors } = await buildPackFromDir(resolve(ROOT, 'templates'));
  if (!pack) throw new Error(`templates/ does not build: ${errors.map((e) => e.message).join('; ')}`);
  const rulesJson = encodeCompiledRules(
    compileDraftRules([{ packId: pack.id, rules: pack.rules, compiled: pack.compiled }]),
  );
  const bundled = await build({
    entryPoints: [resolve(import.meta.dirname, 'coach-under-test.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    logLevel: 'warning',
  });
  // The page runs `coach()` and `syncLoop` as serialized functions; tsx's `__name` helper is not there.
  const script = `var __name = (f) => f; ${bundled.outputFiles[0].text}`.replace(/<\/script/gi, '<\\/script');
  const paragraphs = draft(2000);

  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const rows: (string | number)[][] = [];
  const layoutRows: (string | number)[][] = [];
  const pieceRows: (string | number)[][] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
    const text = paragraphs.join('\n');
    // The textarea's caret: the end of the draft's fourth line (offset 1,000), where the agent types on with
    // underlines above and below; and, the hardest case, in front of an underline in its line, which each
    // keystroke moves.
    const ahead = text.indexOf('Ничем не могу помочь', 1000);
    const boxes = [
      { kind: 'textarea', caret: 1000, label: 'textarea, at the end of a line' },
      { kind: 'textarea', caret: ahead, label: 'textarea, in front of an underline in its line' },
      { kind: 'contenteditable', caret: 0, label: 'contenteditable, in a paragraph' },
    ] as const;
    for (const { kind, caret, label } of boxes) {
      await context.unrouteAll();
      await context.route(`${ORIGIN}/${kind}.html`, (route) =>
        route.fulfill({
          status: 200,
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'cross-origin-opener-policy': 'same-origin',
            'cross-origin-embedder-policy': 'require-corp',
          },
          body: pageHtml(kind, paragraphs, script),
        }),
      );
      const openAndRun = async (mode: Mode) => {
        const page = await context.newPage();
        await page.goto(`${ORIGIN}/${kind}.html`);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        const result = await run(page, cdp, mode, rulesJson, caret);
        await cdp.detach();
        await page.close();
        return result;
      };
      const control = await openAndRun('control');
      const rounds: Record<'none' | 'before' | 'coach', Run>[] = [];
      for (let round = 0; round < TYPING_ROUNDS; round++) {
        const order = (['none', 'before', 'coach'] as const).map((_, i, all) => all[(i + round) % all.length]);
        const results = {} as Record<'none' | 'before' | 'coach', Run>;
        for (const mode of order) results[mode] = await openAndRun(mode);
        rounds.push(results);
      }
      /** The sync loops of every round, pooled. */
      const pooled = (mode: 'none' | 'coach') => ({
        sync: rounds.flatMap((round) => round[mode].sync),
        syncLayouts: rounds.flatMap((round) => round[mode].syncLayouts),
        syncStyles: rounds.flatMap((round) => round[mode].syncStyles),
      });
      const none = pooled('none');
      const coached = { ...rounds[0].coach, ...pooled('coach') };
      if (!coached.crossOriginIsolated) console.log(`(${label}: not cross-origin isolated, 100 µs timer resolution)`);
      const updates = rounds.flatMap((round) => round.coach.updates);
      const total = updates.map((u) => u.total);
      const pick = (key: Exclude<keyof UpdateTiming, 'linted'>) => updates.map((u) => u[key]);
      const added = median(coached.sync) - median(none.sync);
      /** Per round, `mode` minus no coach in the same round: the median, and the range over rounds. */
      const perKeyAdded = (mode: 'coach' | 'before') => {
        const diff = (key: keyof Run['perKey']) =>
          rounds.map((round) => round[mode].perKey[key] - round.none.perKey[key]);
        const task = diff('task');
        return {
          task: median(task),
          text: `${ms(median(task))} (${ms(Math.min(...task))}–${ms(Math.max(...task))}; script ${ms(median(diff('script')))}, style+layout ${ms(median(diff('layoutStyle')))})`,
        };
      };
      const now = perKeyAdded('coach');
      const then = perKeyAdded('before');
      rows.push([
        `${label} (${text.length} chars, ${median(pick('findings'))} findings)`,
        ms3(median(pick('read'))),
        lintColumn(updates),
        ms3(median(pick('paint'))),
        `${ms3(median(total))} (p95 ${ms3(percentile(total, 95))})`,
        `${ms3(median(coached.sync))} vs ${ms3(median(none.sync))} → +${ms3(added)}`,
        now.text,
        then.text,
        `${(now.task / then.task).toFixed(2)}×`,
        now.task <= BUDGET_MS ? `✓ ≤ ${BUDGET_MS} ms` : `✗ > ${BUDGET_MS} ms`,
      ]);
      for (const [piece, value] of Object.entries(coached.pieces)) pieceRows.push([label, piece, ms3(value)]);
      const range = (counts: number[]) => `${Math.min(...counts)}–${Math.max(...counts)}`;
      const forced = Math.min(...coached.syncLayouts) - Math.max(...none.syncLayouts);
      layoutRows.push([
        label,
        `${range(none.syncLayouts)} / ${range(none.syncStyles)}`,
        `${range(coached.syncLayouts)} / ${range(coached.syncStyles)}`,
        `${range(control.syncLayouts)} / ${range(control.syncStyles)}`,
        Math.min(...control.syncLayouts) < SYNC_KEYSTROKES / 2
          ? '? the control was not detected'
          : forced <= 0
            ? '✓ none forced'
            : `✗ ${forced} per ${SYNC_KEYSTROKES} keystrokes`,
      ]);
    }
  } finally {
    await browser.close();
  }
  console.log(
    `Rules: the bundled pack's ${pack.rules.length} rules, compiled in Node as the background does. Each update ` +
      `timed through the coach's own dependencies during ${TYPED_KEYSTROKES} trusted keystrokes (${TYPED_KEYSTROKES / 2} ` +
      `typed into the draft, then as many Backspaces), ${TYPING_PAUSE_MS} ms apart so that each gets its ` +
      `own update, after the same typing once unmeasured. "sync loop" = ${SYNC_KEYSTROKES} keystrokes in one task, edit + input event (+ the ` +
      `coach's update run at once), coach vs no coach, ${SYNC_REPEATS} loops a round. "main thread" = CDP Performance.getMetrics TaskDuration ` +
      `(thread time) per keystroke over the typing and ${AFTER_TYPING_MS} ms after it, coach minus no coach in the same round, ` +
      `median of ${TYPING_ROUNDS} rounds (fresh pages, modes alternating; the range in brackets): includes rendering the underlines.\n`,
  );
  table(
    [
      'box',
      'read text',
      'lint',
      'underlines + badge',
      'update total (median)',
      'sync loop per key (coach vs none)',
      'main thread added per key',
      'before issue 19 (same run)',
      'ratio',
      'budget (main thread added, issue 19)',
    ],
    rows,
  );
  console.log(
    `\nForced synchronous layout: Layout / RecalcStyle counts (CDP Performance.getMetrics) across each ` +
      `${SYNC_KEYSTROKES}-keystroke sync loop (fewest–most over ${SYNC_REPEATS} loops a round, all rounds; the control: one round). No coach = the baseline; control = the same loop reading ` +
      `\`offsetHeight\` after each keystroke, which forces one layout per keystroke.\n`,
  );
  table(['box', 'no coach', 'coach', 'control (forced read)', 'verdict'], layoutRows);
  console.log(`\nWhere an update's time goes: each piece alone on the final draft, 200 runs, median.\n`);
  table(['box', 'piece', 'median'], pieceRows);
}
