/**
 * Inline insert («/» picker): what a keystroke costs while no trigger is active (the one character check,
 * beside an empty handler and beside reading the trigger on every keystroke, which the check avoids), and
 * the picker's first results after the trigger at 10k templates. The index is built in chunks from the first
 * trigger on (lib/agent/picker-search.ts): the first results come before it, each chunk holds the main thread
 * briefly, and once built every keystroke is one search.
 */
import { findTrigger, mayBeginTrigger } from '../../lib/agent/inline-trigger';
import { createPickerSearch } from '../../lib/agent/picker-search';
import { median, ms, percentile, sample, table } from './measure';
import { syntheticTemplates } from './synthetic-library';

/** A reply as an agent types it, keystroke by keystroke (no trigger in it). */
const REPLY =
  'Добрый день, Ольга! Спасибо, что написали. Я проверил ваш заказ 12345: он передан курьеру и приедет ' +
  'завтра с 10 до 14 часов. Если время неудобно, напишите, и мы перенесём доставку. Хорошего дня!';
const PICKER_LIMIT = 6;
const QUERIES = ['', 'в', 'во', 'воз', 'возв', 'возвр', 'djpd', 'курьер', 'где мой', 'промакод'];

export default async function (): Promise<void> {
  idleKeystroke();
  pickerAt10k();
}

function idleKeystroke(): void {
  const chars = [...REPLY.repeat(20)];
  let sink = 0;
  const perKeystroke = (fn: (char: string, at: number) => unknown) => {
    const samples = sample(() => {
      for (let at = 0; at < chars.length; at++) if (fn(chars[at], at)) sink++;
    }, 200);
    return samples.map((total) => (total / chars.length) * 1e6);
  };
  const text = chars.join('');
  const rows = [
    ['empty handler (baseline)', perKeystroke(() => false)],
    ['idle check: mayBeginTrigger(data)', perKeystroke((char) => mayBeginTrigger(char, '/'))],
    [
      'without the check: findTrigger on the text before the caret',
      perKeystroke((_, at) => findTrigger(text.slice(Math.max(0, at - 43), at + 1), '/')),
    ],
  ] as const;
  console.log(
    `Keystroke cost with the trigger idle (${chars.length} keystrokes of a typed reply, median of 200 runs):\n`,
  );
  table(
    ['per keystroke', 'median', 'p95'],
    rows.map(([name, ns]) => [name, `${median(ns).toFixed(1)} ns`, `${percentile(ns, 95).toFixed(1)} ns`]),
  );
  if (sink < 0) console.log(sink);
}

function pickerAt10k(): void {
  const templates = syntheticTemplates(10_000, 42).map((template) => ({ ...template, key: `team/${template.id}` }));
  const first: number[] = [];
  const firstTyped: number[] = [];
  const chunks: number[] = [];
  const builds: number[] = [];
  let ready = null as ReturnType<typeof createPickerSearch> | null;
  for (let run = 0; run < 5; run++) {
    const queue: (() => void)[] = [];
    const start = performance.now();
    const search = createPickerSearch(
      templates,
      {},
      () => undefined,
      (next) => queue.push(next),
    );
    search.search('', PICKER_LIMIT);
    first.push(performance.now() - start);
    const typed = performance.now();
    search.search('возв', PICKER_LIMIT);
    firstTyped.push(performance.now() - typed);
    // The chunks run between the page's own tasks; each is what one turn of the main thread is held for.
    let total = 0;
    while (queue.length > 0) {
      const chunk = performance.now();
      queue.shift()?.();
      const spent = performance.now() - chunk;
      chunks.push(spent);
      total += spent;
    }
    builds.push(total);
    ready = search;
  }
  const warm = QUERIES.flatMap((query) => sample(() => ready?.search(query, PICKER_LIMIT), 30, 5));
  console.log('\nPicker at 10,000 templates (budget: first results ≤ 50 ms after the trigger):\n');
  table(
    ['step', 'median', 'p95'],
    [
      ['first trigger: first results, empty query (before the index)', ms(median(first)), ms(percentile(first, 95))],
      [
        'first trigger: first results, «возв» (before the index)',
        ms(median(firstTyped)),
        ms(percentile(firstTyped, 95)),
      ],
      ['index build, one chunk (main thread held)', ms(median(chunks)), ms(percentile(chunks, 95))],
      ['index build, all chunks (CPU, spread over turns)', ms(median(builds)), ms(percentile(builds, 95))],
      [
        `each keystroke once built: search (${QUERIES.length} queries × 30)`,
        ms(median(warm)),
        ms(percentile(warm, 95)),
      ],
    ],
  );
}
