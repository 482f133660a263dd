/**
 * The linter against its budgets (issues 3, 10, 12): a 2,000-character draft with the default rules
 * (≤ 0.2 ms) and with 1,000 rules (≤ 1 ms), compiling 1,000 rules (≤ 50 ms), 100,000 characters of
 * adversarial text (≤ 20 ms each), the default pack's build (≤ 5 s) and size (≤ 1.5× the pack before the
 * clause engine), `checkPack` on 80 templates × 20,000 dots. Baselines in the same run: the engine before
 * issue 10 (a frozen copy in test/bench/old-lint/, with the rules it shipped with), and one case-insensitive
 * regex per phrase over the lowercased text (the Vale way), with its recall on the rules' own bad examples.
 * The whole-pass figures are also taken on both engines bundled as the extension ships them (minified, no
 * `keepNames`): under tsx every function carries a `__name` wrapper, which the product never runs.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { buildLexicon } from '../../lib/lint/build-lexicon';
import { compileRules } from '../../lib/lint/compile-rules';
import { createDraftLinter } from '../../lib/lint/lint-draft';
import { lintText } from '../../lib/lint/lint-text';
import { normalizeText } from '../../lib/lint/normalize-text';
import { parseExample } from '../../lib/lint/parse-example';
import { tokenize } from '../../lib/lint/tokenize';
import type { Pack, Rule } from '../../lib/model';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { checkPack } from '../../lib/packs/check-pack';
import { ADVERSARIAL_SHAPES } from '../data/adversarial-text';
import { median, ms, percentile, sample, table } from './measure';
import { compileRules as oldCompileRules } from './old-lint/compile-rules';
import { lintText as oldLintText } from './old-lint/lint-text';
import { normalizeText as oldNormalizeText } from './old-lint/normalize-text';
import { tokenize as oldTokenize } from './old-lint/tokenize';

const TEMPLATES = resolve(import.meta.dirname, '../../templates');
const OLD_RULES = resolve(import.meta.dirname, 'old-lint/rules');

/** The rules main shipped before issue 10, with their lexicon (phrase rules build the same lexicon as then). */
async function oldDefaultRules() {
  const rules: Rule[] = [];
  for (const file of (await readdir(OLD_RULES)).sort()) {
    rules.push(...(parseYaml(await readFile(join(OLD_RULES, file), 'utf8')) as { rules: Rule[] }).rules);
  }
  return { rules, compiled: { lint: await buildLexicon(rules) } };
}

/** The bundled pack as it was before issue 10: today's templates with the rules of then. */
async function oldPackBytes(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'sufler-old-pack-'));
  try {
    await cp(TEMPLATES, dir, { recursive: true });
    await rm(join(dir, 'rules'), { recursive: true });
    await cp(OLD_RULES, join(dir, 'rules'), { recursive: true });
    const { pack } = await buildPackFromDir(dir);
    return JSON.stringify(pack).length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Clause rules shaped like the default ones, over the synthetic vocabulary. */
function syntheticClauseRules(count: number): Rule[] {
  const pick = random(7);
  const any = (list: string[]) => list[pick(list.length)];
  const shapes = [
    () => `(=${any(ADVERBS)}) не ${any(VERBS)}:1л ${any(VERBS)}`,
    () => `=вы ${any(VERBS)}:2л ${any(NOUNS)}`,
    () => `${any(ADJECTIVES)} ${any(NOUNS)} не ${any(VERBS)}`,
    () => `=это не =наш|=мой ${any(NOUNS)}`,
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: `clause-${i}`,
    kind: 'clause' as const,
    severity: i % 3 === 0 ? ('error' as const) : ('warning' as const),
    message: 'Синтетическое правило для замера.',
    patterns: [shapes[i % shapes.length](), shapes[(i + 1) % shapes.length]()],
    suggestions: ['Вариант один', 'Вариант два'],
    examples: { bad: ['x'], good: ['y'] },
  }));
}

const SENTENCES = [
  'Здравствуйте, Анна! Спасибо, что написали нам и подробно описали ситуацию с заказом.',
  'Я проверила заказ 48213: он собран на складе в Подольске и передан в службу доставки вчера вечером.',
  'К сожалению, курьерская служба задержала отправку из-за большого количества посылок перед праздниками.',
  'Понимаю, как неприятно ждать, особенно когда подарок нужен к определённой дате.',
  'Ничем не могу помочь с ускорением доставки, но могу предложить бесплатную замену курьера на самовывоз.',
  'Вы должны забрать посылку в течение семи дней, иначе она вернётся на склад.',
  'Если вам удобнее получить заказ дома, напишите адрес и удобный интервал, я передам их перевозчику.',
  'Деньги за доставку вернутся на карту в течение 10 рабочих дней после того, как мы оформим возврат.',
  'Я не знаю точного времени приезда курьера, он позвонит вам за час до визита.',
  'Мы должны извиниться за задержку: в качестве компенсации начислили 500 бонусных баллов на ваш счёт.',
  'Баллы можно потратить на следующий заказ, они действуют полгода и суммируются с акциями.',
  'Если вы не знаете номер заказа, подойдёт телефон или почта, на которые он оформлен.',
  'Чем ещё я могу помочь? Буду рада ответить на любые вопросы о доставке, оплате и возврате.',
  'Отследить посылку можно по трек-номеру на сайте службы доставки, ссылку пришлю отдельным сообщением.',
  'Таковы правила перевозчика, но я постараюсь договориться о доставке в субботу.',
  'Хорошего вам дня, и ещё раз простите за неудобства!',
];

function makeDraft(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${SENTENCES[i % SENTENCES.length]} `;
  return text.slice(0, length);
}

/** A deterministic generator so that every run measures the same rules. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

const VERBS =
  'мочь смочь помочь помогать сделать решить вернуть оформить отправить доставить проверить уточнить обещать гарантировать знать понять объяснить объяснять сказать говорить написать писать звонить позвонить ждать подождать принять рассматривать заниматься обращаться обратиться получить заплатить оплатить вернуться заменить исправить отменить перенести найти искать'.split(
    ' ',
  );
const NOUNS =
  'заказ доставка возврат деньги оплата курьер посылка товар вопрос обращение претензия жалоба правило условие срок скидка чек карта счет адрес отдел служба сотрудник оператор клиент покупатель менеджер склад магазин сайт приложение пароль аккаунт подписка тариф договор документ'.split(
    ' ',
  );
const ADJECTIVES =
  'уважаемый другой такой важный наш ваш новый старый нужный полный возможный срочный обычный бесплатный платный'.split(
    ' ',
  );
const ADVERBS = 'никак ничем нигде никогда уже пока сейчас сразу'.split(' ');

/** Rules shaped like real ones: negations, optional words, gaps and alternatives over common support vocabulary. */
function syntheticRules(count: number): Rule[] {
  const pick = random(42);
  const any = (list: string[]) => list[pick(list.length)];
  const shapes = [
    () => `=${any(ADVERBS)} не ${any(VERBS)}|${any(VERBS)} (=вам) ${any(VERBS)}`,
    () => `${any(ADJECTIVES)} ${any(NOUNS)}|${any(NOUNS)}`,
    () => `=вы …2 ${any(VERBS)} ${any(NOUNS)}`,
    () => `${any(NOUNS)} …2 не ${any(VERBS)}`,
    () => `=мы (=${any(ADVERBS)}) не ${any(VERBS)} ${any(ADJECTIVES)} ${any(NOUNS)}`,
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: `synthetic-${i}`,
    severity: i % 3 === 0 ? 'error' : 'warning',
    message: 'Синтетическое правило для замера.',
    patterns: [shapes[i % shapes.length](), shapes[(i + 2) % shapes.length]()],
    exceptions: i % 4 === 0 ? [`если …2 ${any(VERBS)}`] : undefined,
    suggestions: ['Вариант один', 'Вариант два'],
    examples: { bad: ['x'], good: ['y'] },
  }));
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (text: string) => text.toLowerCase().replaceAll('ё', 'е');
/** Baseline: one case-insensitive regex per phrase, run over the lowercased text. */
const baselineRegexes = (phrases: string[]) =>
  phrases.map((phrase) => new RegExp(escapeRegex(fold(phrase)).replace(/ +/g, '\\s+'), 'giu'));
function baselineLint(text: string, regexes: RegExp[]): number {
  const lower = fold(text);
  let count = 0;
  for (const regex of regexes) {
    regex.lastIndex = 0;
    while (regex.exec(lower) !== null) count++;
  }
  return count;
}
/** The phrase a regex list would hold for a synthetic pattern: its first alternative of each required word. */
const literalPhrase = (pattern: string) =>
  pattern
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((part) => part && !part.startsWith('…'))
    .map((part) => part.split('|')[0].replace(/^=/, ''))
    .join(' ');

/** The linter as the extension ships it: `lintText` and `compileRules` of `dir` bundled and minified. */
type LintBundle = { lintText: typeof lintText; compileRules: typeof compileRules };
async function productionBundle(dir: string): Promise<LintBundle> {
  const out = await mkdtemp(join(tmpdir(), 'sufler-lint-bundle-'));
  const outfile = join(out, 'lint.mjs');
  await build({
    stdin: {
      contents: `export { lintText } from './lint-text'; export { compileRules } from './compile-rules';`,
      resolveDir: dir,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'chrome120',
    outfile,
    logLevel: 'silent',
  });
  try {
    return (await import(pathToFileURL(outfile).href)) as LintBundle;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export default async function (): Promise<void> {
  const { pack } = await buildPackFromDir(resolve(import.meta.dirname, '../../templates'));
  if (!pack) throw new Error('templates/ does not build');
  const draft = makeDraft(2000);
  const defaults = compileRules(pack.rules, pack.compiled).compiled;

  const synthetic = syntheticRules(1000);
  const syntheticLexicon = { lint: await buildLexicon(synthetic) };
  const thousand = compileRules(synthetic, syntheticLexicon).compiled;

  // The baseline's phrase list: each default rule's headline phrase (its first bad example's span).
  const headline = (rule: Rule) => {
    const parsed = parseExample(rule.examples.bad[0]);
    return 'error' in parsed ? '' : parsed.text.slice(parsed.spans[0].start, parsed.spans[0].end);
  };
  const defaultRegexes = baselineRegexes(pack.rules.map(headline));
  const thousandRegexes = baselineRegexes(synthetic.flatMap((rule) => rule.patterns.map(literalPhrase)));

  const oursDefault = median(sample(() => lintText(draft, defaults), 2000, 200));
  const baseDefault = median(sample(() => baselineLint(draft, defaultRegexes), 2000, 200));
  const oursThousand = median(sample(() => lintText(draft, thousand), 1000, 100));
  const baseThousand = median(sample(() => baselineLint(draft, thousandRegexes), 200, 20));
  const compile = median(sample(() => compileRules(synthetic, syntheticLexicon), 40, 5));
  const findings = lintText(draft, defaults);
  // What the coach runs per keystroke (issue 19): the incremental draft linter, one character typed mid-draft
  // and taken back, turn about; only the sentence typed in is linted again.
  const typed = `${draft.slice(0, 1000)}ы${draft.slice(1000)}`;
  const drafts = createDraftLinter([defaults]);
  let turn = 0;
  const keystroke = median(sample(() => drafts.lint(turn++ % 2 ? typed : draft), 2000, 200));

  const verdict = (value: number, budget: number) => (value <= budget ? `✓ ≤ ${ms(budget)}` : `✗ > ${ms(budget)}`);
  const old = await oldDefaultRules();
  const oldDefaults = oldCompileRules(old.rules, old.compiled).compiled;
  const oldThousand = oldCompileRules(synthetic, syntheticLexicon).compiled;
  const clauseRules = syntheticClauseRules(1000);
  const clauseThousand = compileRules(clauseRules, { lint: await buildLexicon(clauseRules) }).compiled;
  const oldDefault = median(sample(() => oldLintText(draft, oldDefaults), 2000, 200));
  const oldThousandTime = median(sample(() => oldLintText(draft, oldThousand), 1000, 100));
  const oursClauseThousand = median(sample(() => lintText(draft, clauseThousand), 1000, 100));
  // A cold lookup cache: every word of the draft is looked up (and typo-checked) afresh.
  const cold = median(sample(() => lintText(draft, compileRules(pack.rules, pack.compiled).compiled), 200, 20));
  const coldCompile = median(sample(() => compileRules(pack.rules, pack.compiled), 200, 20));
  const shipped = await productionBundle(resolve(import.meta.dirname, '../../lib/lint'));
  const shippedOld = await productionBundle(resolve(import.meta.dirname, 'old-lint'));
  const shippedDefaults = shipped.compileRules(pack.rules, pack.compiled).compiled;
  const shippedOldDefaults = shippedOld.compileRules(old.rules, old.compiled).compiled;
  // Turn about, so that both bundles see the same moments of a shared machine.
  const shippedTimes: number[] = [];
  const shippedOldTimes: number[] = [];
  for (let round = 0; round < 10; round++) {
    shippedTimes.push(...sample(() => shipped.lintText(draft, shippedDefaults), 200, 20));
    shippedOldTimes.push(...sample(() => shippedOld.lintText(draft, shippedOldDefaults), 200, 20));
  }
  const shippedDefault = median(shippedTimes);
  const shippedOldDefault = median(shippedOldTimes);
  table(
    ['case', 'Суфлёр (median)', 'budget', 'engine before issue 10', 'regex per phrase', 'ratio regex/ours'],
    [
      [
        `2,000-char draft, ${pack.rules.length} default rules (${findings.length} findings)`,
        ms(oursDefault),
        verdict(oursDefault, 0.2),
        `${ms(oldDefault)} (its 22 rules)`,
        ms(baseDefault),
        `${(baseDefault / oursDefault).toFixed(1)}×`,
      ],
      [
        '… the same, both engines bundled as shipped (esbuild, minified)',
        `${ms(shippedDefault)} (p95 ${ms(percentile(shippedTimes, 95))})`,
        verdict(shippedDefault, 0.2),
        `${ms(shippedOldDefault)} (p95 ${ms(percentile(shippedOldTimes, 95))}; ×${(shippedDefault / shippedOldDefault).toFixed(1)})`,
        '—',
        '—',
      ],
      [
        '… one keystroke into it, as the live coach lints (incremental)',
        ms(keystroke),
        verdict(keystroke, 0.2),
        `${ms(oldDefault)} (a whole pass)`,
        '—',
        '—',
      ],
      [
        '… the same with a cold word cache (compile + first lint)',
        ms(cold),
        '—',
        `compile alone ${ms(coldCompile)}`,
        '—',
        '—',
      ],
      [
        '2,000-char draft, 1,000 synthetic phrase rules',
        ms(oursThousand),
        verdict(oursThousand, 1),
        ms(oldThousandTime),
        ms(baseThousand),
        `${(baseThousand / oursThousand).toFixed(1)}×`,
      ],
      [
        '2,000-char draft, 1,000 synthetic clause rules',
        ms(oursClauseThousand),
        verdict(oursClauseThousand, 1),
        '—',
        '—',
        '—',
      ],
      [
        'compile 1,000 rules (lexicon ready)',
        ms(compile),
        verdict(compile, 50),
        ms(median(sample(() => oldCompileRules(synthetic, syntheticLexicon), 40, 5))),
        '—',
        '—',
      ],
    ],
  );

  // Adversarial text (issue 12 item 3): every path linear, each ≤ 20 ms for lint on 100,000 characters.
  console.log();
  const rows: (string | number)[][] = [];
  // Linear cost shown: each shape again at a tenth of the length (same shape, same run); ×10 is linear, ×100
  // would be quadratic.
  const growth = (large: number, small: number) => `${(large / Math.max(small, 0.001)).toFixed(1)}×`;
  for (const [name, make, budgeted] of ADVERSARIAL_SHAPES) {
    const text = make(100_000);
    const tenth = make(10_000);
    const normalized = normalizeText(text).text;
    const normalizedTenth = normalizeText(tenth).text;
    const lint = median(sample(() => lintText(text, defaults), 15, 3));
    const lintTenth = median(sample(() => lintText(tenth, defaults), 15, 3));
    const tokens = median(sample(() => tokenize(normalized), 15, 3));
    const tokensTenth = median(sample(() => tokenize(normalizedTenth), 15, 3));
    rows.push([
      name,
      ms(median(sample(() => normalizeText(text), 15, 3))),
      ms(tokens),
      growth(tokens, tokensTenth),
      ms(lint),
      growth(lint, lintTenth),
      budgeted ? verdict(lint, 20) : '— (rule words throughout: ÷ 10k shows it linear)',
    ]);
  }
  table(['100,000 chars of …', 'normalize', 'tokenize', '÷ 10k', 'lint (default rules)', '÷ 10k', 'budget'], rows);

  // Linear vs quadratic: the old tokenizer scanned back over every earlier dot of a run.
  console.log();
  const dotRows: (string | number)[][] = [];
  for (const count of [5_000, 10_000, 20_000]) {
    const dots = '.'.repeat(count);
    const oldNormalized = oldNormalizeText(dots).text;
    dotRows.push([
      `${count.toLocaleString('en')} dots`,
      ms(median(sample(() => tokenize(normalizeText(dots).text), 9, 2))),
      ms(median(sample(() => oldTokenize(oldNormalized), 3, 1))),
    ]);
  }
  table(['tokenize a run of …', 'Суфлёр', 'engine before issue 12'], dotRows);

  // A hostile pack: 80 templates of 20,000 dots each, checked on install.
  const hostile: Pack = {
    ...pack,
    templates: Array.from({ length: 80 }, (_, i) => ({
      id: `dots-${i}`,
      title: `Точки ${i}`,
      body: `Здравствуйте${'.'.repeat(20_000)}`,
      tags: [],
      category: 'Тест',
    })),
  };
  const checkHostile = median(sample(() => checkPack(hostile), 3, 1));

  // The default pack: build time with the new lexicon and size against the pack before issue 10.
  let buildMs = 0;
  let bytes = 0;
  const buildRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const built = await buildPackFromDir(TEMPLATES);
    buildRuns.push(performance.now() - start);
    bytes = JSON.stringify(built.pack).length;
  }
  buildMs = median(buildRuns);
  const oldBytes = await oldPackBytes();
  const ratio = bytes / oldBytes;
  console.log();
  table(
    ['pack', 'value', 'budget'],
    [
      ['checkPack, default rules + 80 templates × 20,000 dots', ms(checkHostile), '— (was 40 s in the red-team run)'],
      ['build the default pack (az lexicon, grammemes, homographs)', ms(buildMs), verdict(buildMs, 5000)],
      [
        'default pack JSON size',
        `${bytes.toLocaleString('en')} B = ${ratio.toFixed(2)}× ${oldBytes.toLocaleString('en')} B before issue 10`,
        ratio <= 1.5 ? '✓ ≤ 1.5×' : '✗ > 1.5×',
      ],
    ],
  );

  // Recall on the rules' own bad examples: does anything of the rule cover each marked span?
  let total = 0;
  let ours = 0;
  let baseline = 0;
  pack.rules.forEach((rule, index) => {
    const only = compileRules([rule], pack.compiled).compiled;
    for (const example of rule.examples.bad) {
      const parsed = parseExample(example);
      if ('error' in parsed) continue;
      for (const span of parsed.spans) {
        total++;
        if (lintText(parsed.text, only).some((f) => f.start < span.end && f.end > span.start)) ours++;
        const regex = defaultRegexes[index];
        regex.lastIndex = 0;
        const lower = fold(parsed.text);
        let match: RegExpExecArray | null = regex.exec(lower);
        let hit = false;
        while (match !== null && !hit) {
          hit = match.index < span.end && match.index + match[0].length > span.start;
          match = regex.exec(lower);
        }
        if (hit) baseline++;
      }
    }
  });
  const percent = (n: number) => `${n}/${total} (${Math.round((100 * n) / total)}%)`;
  console.log();
  table(
    ['recall on the default rules’ bad examples', 'Суфлёр', 'regex per headline phrase'],
    [['marked spans found', percent(ours), percent(baseline)]],
  );
}
