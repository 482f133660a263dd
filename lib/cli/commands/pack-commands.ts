import { readFile, stat, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { DataError } from '../../model';
import { buildPackFromDir } from '../../packs/build-pack';
import { checkPack } from '../../packs/check-pack';
import { checkShortcuts } from '../../packs/check-shortcuts';
import { formatDataError } from '../../packs/describe-issues';
import { packJsonSchema } from '../../packs/pack-schema';
import { parsePack } from '../../packs/parse-pack';

export function registerPackCommands(program: Command): void {
  const pack = program.command('pack').description('пакеты шаблонов: сборка, проверка, схема');

  pack
    .command('build')
    .description('собрать папку в формате для авторов в JSON-пакет')
    .argument('<dir>', 'папка с pack.yaml, replies/ и rules/')
    .option('-o, --output <file>', 'куда записать JSON (по умолчанию — в стандартный вывод)')
    .action(async (dir: string, options: { output?: string }) => {
      const { pack: built, errors } = await buildPackFromDir(dir);
      if (!built) return reportErrors(errors);
      const json = `${JSON.stringify(built, null, 2)}\n`;
      if (options.output) await writeFile(options.output, json);
      else process.stdout.write(json);
    });

  pack
    .command('check')
    .description('проверить пакет (JSON-файл или папку): схема, идентификаторы, примеры правил, шаблоны')
    .argument('<path>', 'JSON-пакет или папка в формате для авторов')
    .action(async (path: string) => {
      const loaded = await loadPack(path);
      if (!loaded.pack) return reportErrors(loaded.errors);
      // A broken `sites` entry would be skipped on install; the check names it so the lead can fix it.
      const warnings = (loaded as { warnings?: DataError[] }).warnings ?? [];
      const errors = [...warnings, ...checkPack(loaded.pack), ...checkShortcuts(loaded.pack)];
      if (errors.length > 0) return reportErrors(errors);
      process.stdout.write(
        `${path}: пакет в порядке — шаблонов: ${loaded.pack.templates.length}, правил: ${loaded.pack.rules.length}, сайтов: ${loaded.pack.sites?.length ?? 0}\n`,
      );
    });

  pack
    .command('schema')
    .description('вывести JSON Schema формата пакета')
    .action(() => {
      process.stdout.write(`${JSON.stringify(packJsonSchema(), null, 2)}\n`);
    });
}

/** A pack from a JSON file or an authoring folder, validated either way. */
export async function loadPack(path: string) {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (error) {
    return {
      pack: null,
      errors: [
        { path, message: `не удалось открыть: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` },
      ],
    };
  }
  if (isDir) return buildPackFromDir(path);
  return parsePack(await readFile(path, 'utf8'));
}

function reportErrors(errors: DataError[]): void {
  for (const error of errors) process.stderr.write(`${formatDataError(error)}\n`);
  process.exitCode = 1;
}
