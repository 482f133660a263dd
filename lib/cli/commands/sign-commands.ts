import { access, readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseCsvPack } from '../../packs/pack-csv';
import {
  generateSigningKeyPair,
  importSigningKey,
  signPackBytes,
  verifyPackSignature,
} from '../../packs/pack-signature';
import { parsePack } from '../../packs/parse-pack';

/**
 * `sufler pack keygen | sign | verify`: a lead's Ed25519 key pair and detached signatures (scheme in
 * lib/packs/pack-signature.ts). Registered under the existing `pack` command when it is there.
 */
export function registerSignCommands(program: Command): void {
  const pack =
    program.commands.find((command) => command.name() === 'pack') ??
    program.command('pack').description('пакеты шаблонов');

  pack
    .command('keygen')
    .description('создать пару ключей Ed25519 для подписи пакета: закрытый ключ — себе, открытый — агентам')
    .option('-o, --out <prefix>', 'начало имён файлов: <prefix>.key и <prefix>.pub', 'sufler-pack')
    .option('--force', 'перезаписать существующие файлы')
    .action(async (options: { out: string; force?: boolean }) => {
      const keyFile = `${options.out}.key`;
      const pubFile = `${options.out}.pub`;
      if (!options.force) {
        for (const file of [keyFile, pubFile]) {
          if (await exists(file)) return fail(`${file} уже существует — не перезаписываю (добавьте --force)`);
        }
      }
      const pair = await generateSigningKeyPair();
      await writeFile(keyFile, pair.privateKeyPem, { mode: 0o600 });
      await writeFile(pubFile, `${pair.publicKey}\n`);
      process.stderr.write(
        `закрытый ключ: ${keyFile} (храните в секрете, не публикуйте рядом с пакетом)\nоткрытый ключ: ${pubFile} — вставьте его в подписку в настройках Суфлёра:\n`,
      );
      process.stdout.write(`${pair.publicKey}\n`);
    });

  pack
    .command('sign')
    .description('подписать файл пакета (JSON или CSV): рядом появится <файл>.sig — опубликуйте оба')
    .argument('<file>', 'файл пакета ровно в том виде, в каком он будет опубликован')
    .requiredOption('-k, --key <file>', 'закрытый ключ из «sufler pack keygen»')
    .option('-o, --output <file>', 'куда записать подпись (по умолчанию <file>.sig)')
    .action(async (file: string, options: { key: string; output?: string }) => {
      const bytes = await readBytes(file);
      if (!bytes) return fail(`${file}: не удалось прочитать`);
      const problem = validatePackFile(file, bytes);
      if (problem) return fail(`${file}: не подписываю пакет с ошибками — ${problem}`);
      let key: Awaited<ReturnType<typeof importSigningKey>>;
      try {
        key = await importSigningKey(await readFile(options.key, 'utf8'));
      } catch (error) {
        return fail(`${options.key}: ${(error as Error).message}`);
      }
      const output = options.output ?? `${file}.sig`;
      await writeFile(output, await signPackBytes(bytes, key.privateKey));
      process.stdout.write(`${output}: подпись готова; открытый ключ для подписки: ${key.publicKey}\n`);
    });

  pack
    .command('verify')
    .description('проверить подпись файла пакета открытым ключом')
    .argument('<file>', 'файл пакета')
    .requiredOption('-k, --key <key>', 'открытый ключ «ed25519:…» или файл .pub с ним')
    .option('-s, --signature <file>', 'файл подписи (по умолчанию <file>.sig)')
    .action(async (file: string, options: { key: string; signature?: string }) => {
      const bytes = await readBytes(file);
      if (!bytes) return fail(`${file}: не удалось прочитать`);
      const signatureFile = options.signature ?? `${file}.sig`;
      let signature: string;
      try {
        signature = await readFile(signatureFile, 'utf8');
      } catch {
        return fail(`${signatureFile}: не удалось прочитать файл подписи`);
      }
      const publicKey = options.key.startsWith('ed25519:') ? options.key : await readFile(options.key, 'utf8');
      const verdict = await verifyPackSignature(bytes, signature, publicKey);
      if (!verdict.ok) return fail(`${file}: ${verdict.message}`);
      process.stdout.write(`${file}: подпись верна\n`);
    });
}

/** A JSON pack must parse; a CSV must convert. Signing a broken pack would only move the error to agents. */
function validatePackFile(file: string, bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'файл не в кодировке UTF-8';
  }
  const result = /\.csv$/i.test(file) ? parseCsvPack(text, { packId: 'csv', name: 'CSV' }) : parsePack(text);
  if (result.pack) return null;
  const first = result.errors[0];
  return `${first.path ? `${first.path}: ` : ''}${first.message}${result.errors.length > 1 ? ` (и ещё ${result.errors.length - 1})` : ''}`;
}

async function readBytes(file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
