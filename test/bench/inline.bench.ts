/**
 * Inline insert («/» picker, issue 13), the parts that run without a browser: what a keystroke costs the
 * always-on agent script while no trigger is active (the one character check, beside an empty handler and
 * beside reading the trigger on every keystroke, which the check avoids), and the picker frame's search per
 * query at 10k templates once its index is built (the frame builds it when the reply box is first focused).
 * The in-browser figure, trigger → list shown, is in `page` (section `inline`).
 */
import { findTrigger, mayBeginTrigger } from '../../lib/agent/inline-trigger';
import { createPickerSearch, PICKER_LIMIT } from '../../lib/picker/picker-frame';
import { median, ms, percentile, sample, table } from './measure';
import { syntheticTemplates } from './synthetic-library';

/** A reply as an agent types it, keystroke by keystroke (no trigger in it). */
const REPLY =
  'Добрый день, Ольга! Спасибо, что написали. Я проверил ваш заказ 12345: он передан курьеру и приедет ' +
  'завтра с 10 до 14 часов. Если время неудобно, напишите, и мы перенесём доставку. Хорошего дня!';
const QUERIES = ['', 'в', 'во', 'воз', 'возв', 'возвр', 'djpd', 'курьер', 'где мой', 'промакод'];

export default async function (): Promise<void> {
  idleKeystroke();
  await pickerSearchAt10k();
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

async function pickerSearchAt10k(): Promise<void> {
  const templates = syntheticTemplates(10_000, 42).map((template) => ({ ...template, key: `team/${template.id}` }));
  const start = performance.now();
  let search: ReturnType<typeof createPickerSearch> | null = null;
  await new Promise<void>((done) => {
    search = createPickerSearch({ templates, usage: {}, lexicons: [] }, done);
  });
  const build = performance.now() - start;
  const perQuery = QUERIES.flatMap((query) => sample(() => search?.search(query, PICKER_LIMIT), 30, 5));
  console.log('\nPicker frame at 10,000 templates (extension process; the page never waits for it):\n');
  table(
    ['step', 'median', 'p95'],
    [
      ['index build when the box is first focused (in slices)', ms(build), '–'],
      [`search per keystroke (${QUERIES.length} queries × 30)`, ms(median(perQuery)), ms(percentile(perQuery, 95))],
    ],
  );
}
