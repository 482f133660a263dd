import { Command, CommanderError } from 'commander';
import { registerLintCommands } from './commands/lint-commands';
import { registerPackCommands } from './commands/pack-commands';
import { registerSearchCommands } from './commands/search-commands';
import { registerSignCommands } from './commands/sign-commands';

/** Builds the `sufler` program. Each command family registers itself from its own module. */
export function createProgram(): Command {
  const program = new Command('sufler')
    .description('Суфлёр: сборка и проверка пакетов шаблонов, проверка текста и поиск по библиотеке')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerPackCommands(program);
  registerSearchCommands(program);
  registerSignCommands(program);
  registerLintCommands(program);
  return program;
}

/** Runs the CLI and returns the process exit code: 0 when everything checked is fine, 1 otherwise. */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    process.stderr.write(`sufler: ${(error as Error).message}\n`);
    return 1;
  }
}
