import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { suggestionEdit } from '../../lint/apply-suggestion';
import { type CompiledRules, compileRules } from '../../lint/compile-rules';
import { lintText } from '../../lint/lint-text';
import type { Finding, Pack } from '../../model';
import { buildPackFromDir } from '../../packs/build-pack';
import { loadPack } from './pack-commands';

const DEFAULT_PACK_DIR = resolve(import.meta.dirname, '../../../templates');

interface LintOptions {
  pack?: string;
  json?: boolean;
  jsonl?: boolean;
}

/** Exit codes: 0 — no error-level findings, 1 — some, 2 — the pack or the input could not be read. */
export function registerLintCommands(program: Command): void {
  program
    .command('lint')
    .description('проверить текст по правилам пакета: стоп-фразы и незаполненные подстановки')
    .argument('[file]', 'файл с текстом; «-» или ничего — стандартный ввод')
    .option('-p, --pack <path>', 'JSON-пакет или папка в формате для авторов (по умолчанию — встроенный пакет)')
    .option('--json', 'вывести найденное JSON-массивом')
    .option('--jsonl', 'читать строки {"text": "…"} и на каждую выводить строку с JSON-массивом найденного')
    .addHelpText(
      'after',
      '\nВывод: строка:столбец–строка:столбец важность правило «фраза» → «замена» (столбцы с 1, конец включительно).\nКод выхода: 0 — ошибок нет, 1 — есть находки уровня error, 2 — не удалось прочитать пакет или ввод.',
    )
    .action(async (file: string | undefined, options: LintOptions) => {
      const rules = await loadRules(options.pack);
      if (!rules) {
        process.exitCode = 2;
        return;
      }
      const source = file && file !== '-' ? file : undefined;
      if (options.jsonl) {
        process.exitCode = await lintJsonLines(source, rules);
        return;
      }
      let text: string;
      try {
        text = source ? await readFile(source, 'utf8') : await readStdin();
      } catch (error) {
        process.stderr.write(`sufler lint: не удалось прочитать ${source}: ${(error as NodeJS.ErrnoException).code}\n`);
        process.exitCode = 2;
        return;
      }
      const findings = lintText(text, rules);
      if (options.json) process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
      else process.stdout.write(formatFindings(text, findings));
      process.exitCode = findings.some((finding) => finding.severity === 'error') ? 1 : 0;
    });
}

async function loadRules(path: string | undefined): Promise<CompiledRules | null> {
  const loaded: { pack: Pack | null; errors: { path: string; message: string }[] } = path
    ? await loadPack(path)
    : await buildPackFromDir(DEFAULT_PACK_DIR);
  if (!loaded.pack) {
    for (const error of loaded.errors) process.stderr.write(`${error.path || '(пакет)'}: ${error.message}\n`);
    return null;
  }
  const { compiled, errors } = compileRules(loaded.pack.rules, loaded.pack.compiled);
  // A broken pattern disables only itself; say so, and lint with the rest.
  for (const error of errors) process.stderr.write(`${error.path}: ${error.message}\n`);
  return compiled;
}

/** One finding per line: `3:14–3:33 error cannot-help «ничем не могу помочь» → «я передам…»`. */
export function formatFindings(text: string, findings: Finding[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return `${low + 1}:${offset - lineStarts[low] + 1}`;
  };
  return findings
    .map((finding) => {
      const original = text.slice(finding.start, finding.end);
      const phrase = original.replace(/\s+/g, ' ');
      // Show the replacement as the one-click fix would insert it, in the case of the replaced text, and
      // what it replaces when that is more than the phrase («вы должны прислать» → «пришлите, пожалуйста,»).
      const edit = suggestionEdit(text, finding, 0);
      const wider =
        edit && (edit.start !== finding.start || edit.end !== finding.end)
          ? ` (вместо «${text.slice(edit.start, edit.end).replace(/\s+/g, ' ')}»)`
          : '';
      const suggestion = edit ? ` → «${edit.text}»${wider}` : '';
      return `${position(finding.start)}–${position(finding.end - 1)} ${finding.severity} ${finding.ruleId} «${phrase}»${suggestion}\n`;
    })
    .join('');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Streams `{"text": …}` lines to one findings array per line, in order; a bad line yields `[]` and a note. */
async function lintJsonLines(file: string | undefined, rules: CompiledRules): Promise<number> {
  const input = file ? createReadStream(file, 'utf8') : process.stdin;
  let code = 0;
  let lineNumber = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber++;
      if (!line.trim()) continue;
      let text: unknown;
      try {
        text = (JSON.parse(line) as { text?: unknown })?.text;
      } catch {
        text = undefined;
      }
      if (typeof text !== 'string') {
        process.stderr.write(`строка ${lineNumber}: ожидается JSON вида {"text": "…"}\n`);
        process.stdout.write('[]\n');
        code = 2;
        continue;
      }
      const findings = lintText(text, rules);
      if (code === 0 && findings.some((finding) => finding.severity === 'error')) code = 1;
      process.stdout.write(`${JSON.stringify(findings)}\n`);
    }
  } catch (error) {
    process.stderr.write(`sufler lint: не удалось прочитать ${file}: ${(error as NodeJS.ErrnoException).code}\n`);
    return 2;
  }
  return code;
}
