import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPackSignature } from '../../../lib/packs/pack-signature';
import { samplePack } from '../../fixtures/pack-server';
import { runCli } from '../cli/run-cli';

// `sufler pack keygen | sign | verify` as a lead runs them (lives here with the signature code it drives).
describe('sufler pack keygen / sign / verify', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sufler-sign-'));
  const prefix = join(dir, 'lead');
  const packFile = join(dir, 'team.json');
  writeFileSync(packFile, JSON.stringify(samplePack(), null, 2));

  it('writes a private key only its owner can read and prints the public key as a subscription stores it', () => {
    const result = runCli(['pack', 'keygen', '-o', prefix]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=\n$/);
    expect(readFileSync(`${prefix}.pub`, 'utf8')).toBe(result.stdout);
    expect(statSync(`${prefix}.key`).mode & 0o077).toBe(0);
    expect(runCli(['pack', 'keygen', '-o', prefix])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--force/),
    });
  });

  it('signs a pack into <file>.sig that the extension’s verifier accepts, and verify catches tampering', async () => {
    const sign = runCli(['pack', 'sign', packFile, '--key', `${prefix}.key`]);
    expect(sign).toMatchObject({ code: 0, stderr: '' });
    const publicKey = readFileSync(`${prefix}.pub`, 'utf8').trim();
    expect(sign.stdout).toContain(publicKey);
    const verdict = await verifyPackSignature(
      new Uint8Array(readFileSync(packFile)),
      readFileSync(`${packFile}.sig`, 'utf8'),
      publicKey,
    );
    expect(verdict).toEqual({ ok: true });
    expect(runCli(['pack', 'verify', packFile, '--key', `${prefix}.pub`])).toMatchObject({ code: 0 });
    writeFileSync(packFile, readFileSync(packFile, 'utf8').replace('Ответ номер 1', 'Ответ номер 2'));
    expect(runCli(['pack', 'verify', packFile, '--key', publicKey])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/подпись не сходится/),
    });
  });

  it('refuses to sign a broken pack or with a file that is not a private key', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "sufler-pack"}');
    expect(runCli(['pack', 'sign', broken, '--key', `${prefix}.key`])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/не подписываю пакет с ошибками/),
    });
    expect(runCli(['pack', 'sign', packFile, '--key', `${prefix}.pub`])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/PEM/),
    });
  });
});
