import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Command, InvalidArgumentError } from 'commander';
import type { DataError, Pack } from '../../model';
import { buildPackFromDir } from '../../packs/build-pack';
import { createSearchIndex, type SearchIndex } from '../../search/search-index';
import { createSearchLexicon } from '../../search/search-lexicon';
import { explainSearch, type SearchExplanation, searchTemplates } from '../../search/search-templates';
import { loadPack } from './pack-commands';

/** The bundled library, so `sufler search возврат` works from anywhere without naming a pack. */
const DEFAULT_PACK_DIR = fileURLToPath(new URL('../../../templates', import.meta.url));

interface SearchCommandOptions {
  pack?: string;
  json?: boolean;
  jsonl?: boolean;
  explain?: boolean;
  limit: number;
}

export function registerSearchCommands(program: Command): void {
  program
    .command('search')
    .description('найти шаблоны так же, как боковая панель (без истории использования)')
    .argument(
      '[query]',
      'запрос; пустой — шаблоны по порядку библиотеки (с --jsonl — файл запросов, «-» или ничего — ввод)',
    )
    .option('-p, --pack <path>', 'JSON-пакет или папка в формате для авторов (по умолчанию — встроенная библиотека)')
    .option('--json', 'вывести JSON-массив { "id", "score" }')
    .option(
      '--jsonl',
      'читать строки {"query": "…"} (из файла или стандартного ввода), на каждую — строка с JSON-массивом {"id", "score"}',
    )
    .option('--explain', 'показать, почему каждый шаблон занял своё место: веса слов (idf), поля и совпадения')
    .option('-n, --limit <n>', 'сколько результатов показать', parseLimit, 10)
    .addHelpText(
      'after',
      '\n--jsonl: строка N вывода отвечает на N-ю непустую строку ввода; другие поля строки ({"expected": …}) ' +
        'не читаются. Строка, которая не JSON-объект с полем "query"-строкой, получает [] и сообщение ' +
        '«строка N: …» в stderr, код выхода 1. Пустые строки пропускаются.',
    )
    .action(async (query: string | undefined, options: SearchCommandOptions) => {
      const loaded = options.pack ? await loadPack(options.pack) : await buildPackFromDir(DEFAULT_PACK_DIR);
      if (!loaded.pack) return reportErrors(loaded.errors);
      const pack = loaded.pack;
      // The pack's own lexicon and synonyms, as the extension has them; a pack other than the bundled one
      // also gets the bundled thesaurus, since the bundled pack is installed beside every team pack.
      const packs = options.pack ? [pack, (await buildPackFromDir(DEFAULT_PACK_DIR)).pack ?? pack] : [pack];
      const index = createSearchIndex(pack.templates, createSearchLexicon(packs));
      const run = (text: string) =>
        searchTemplates(index, text, { now: Date.now(), limit: options.limit }).map(({ id, score }) => ({ id, score }));

      if (options.jsonl) return searchLines(run, query && query !== '-' ? query : undefined);
      if (options.explain) {
        const explanation = explainSearch(index, query ?? '', { now: Date.now(), limit: options.limit });
        if (options.json) process.stdout.write(`${JSON.stringify(explanation)}\n`);
        else printExplanation(pack, explanation);
        return;
      }
      const hits = run(query ?? '');
      if (options.json) {
        process.stdout.write(`${JSON.stringify(hits)}\n`);
        return;
      }
      printHits(pack, index, hits);
    });
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError('нужно целое число больше нуля');
  return limit;
}

/**
 * One JSON array per non-blank input line, in order, so output line N always answers input line N (a scorer
 * zips them): a line that is not `{"query": "…"}` gets `[]` and a numbered message on stderr, never a gap.
 */
async function searchLines(run: (query: string) => { id: string; score: number }[], file?: string): Promise<void> {
  const input = file ? createReadStream(file, 'utf8') : process.stdin;
  let lineNumber = 0;
  try {
    for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber++;
      // A byte-order mark (files saved by Windows editors) is not part of the JSON.
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!line.trim()) continue;
      const parsed = queryOf(line);
      if ('error' in parsed) {
        process.stderr.write(`строка ${lineNumber}: ${parsed.error}\n`);
        process.stdout.write('[]\n');
        process.exitCode = 1;
        continue;
      }
      process.stdout.write(`${JSON.stringify(run(parsed.query))}\n`);
    }
  } catch (error) {
    process.stderr.write(`sufler search: не удалось прочитать ${file}: ${(error as NodeJS.ErrnoException).code}\n`);
    process.exitCode = 1;
  }
}

/** The query of a JSONL line, or what is wrong with the line. */
function queryOf(line: string): { query: string } | { error: string } {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return { error: 'не JSON; нужен объект вида {"query": "…"}' };
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return { error: 'нужен JSON-объект вида {"query": "…"}' };
  }
  const query = (row as { query?: unknown }).query;
  return typeof query === 'string' ? { query } : { error: 'нет поля "query" со строкой' };
}

function printHits(pack: Pack, index: SearchIndex, hits: { id: string; score: number }[]): void {
  if (hits.length === 0) {
    process.stdout.write('ничего не нашлось\n');
    return;
  }
  const titles = new Map(pack.templates.map((t) => [t.id, t.title]));
  hits.forEach((hit, i) => {
    const category = index.docs.get(hit.id)?.category ?? '';
    process.stdout.write(
      `${String(i + 1).padStart(2)}. ${titles.get(hit.id)}  [${hit.id}]  ${category}  ${hit.score.toFixed(3)}\n`,
    );
  });
}

/** For a lead debugging a miss: each query word's weight, then per hit where each word matched and how. */
function printExplanation(pack: Pack, explanation: SearchExplanation): void {
  const titles = new Map(pack.templates.map((t) => [t.id, t.title]));
  const out: string[] = [];
  out.push('Слова запроса (idf — сколько слово говорит: чем реже в библиотеке, тем больше):');
  for (const word of explanation.words) {
    out.push(`  «${word.word}» → термин «${word.term}»: шаблонов ${word.templates}, idf ${word.idf.toFixed(2)}`);
  }
  if (explanation.fallback) out.push('Ничего точно не нашлось — похожие (ни один шаблон не содержит всех слов).');
  if (explanation.hits.length === 0) out.push('ничего не нашлось');
  const how = { exact: 'точно', prefix: 'по началу слова', typo: 'с опечаткой', stem: 'по основе', synonym: 'синоним' };
  const field = { headline: 'заголовок/теги', body: 'текст' };
  explanation.hits.forEach((hit, i) => {
    const tier = ['—', 'все слова в заголовке или тегах', 'точное совпадение с заголовком, тегом или сокращением'][
      hit.tier
    ];
    out.push(
      `${String(i + 1).padStart(2)}. ${titles.get(hit.id)}  [${hit.id}]  ${hit.score.toFixed(3)}  уровень ${hit.tier} (${tier})${hit.complete ? '' : ', частичное'}`,
    );
    hit.words.forEach((match, k) => {
      const word = explanation.words[k]?.word ?? '';
      out.push(
        match
          ? `      «${word}»: ${field[match.field]}, «${match.term}» ${how[match.how]} (вес ${match.weight})`
          : `      «${word}»: нет`,
      );
    });
  });
  process.stdout.write(`${out.join('\n')}\n`);
}

function reportErrors(errors: DataError[]): void {
  for (const error of errors) process.stderr.write(`${error.path || '(пакет)'}: ${error.message}\n`);
  process.exitCode = 1;
}
