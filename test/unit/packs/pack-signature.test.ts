import { describe, expect, it } from 'vitest';
import {
  checkSha256Pin,
  generateSigningKeyPair,
  importSigningKey,
  parsePublicKey,
  parseSha256Pin,
  signatureUrlFor,
  signPackBytes,
  verifyPackSignature,
} from '../../../lib/packs/pack-signature';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('pack signatures', () => {
  it('signs with the PEM key keygen writes and verifies with the printed public key', async () => {
    const pair = await generateSigningKeyPair();
    expect(pair.publicKey).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=$/);
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const { privateKey, publicKey } = await importSigningKey(pair.privateKeyPem);
    expect(publicKey).toBe(pair.publicKey);
    const signature = await signPackBytes(bytes('{"a":1}'), privateKey);
    expect(await verifyPackSignature(bytes('{"a":1}'), signature, pair.publicKey)).toEqual({ ok: true });
    expect(await verifyPackSignature(bytes('{"a":1}'), `ed25519:${signature}`, pair.publicKey)).toEqual({ ok: true });
    expect(await verifyPackSignature(bytes('{"a":2}'), signature, pair.publicKey)).toMatchObject({ ok: false });
  });

  it('explains a malformed key, signature or PEM', async () => {
    expect(parsePublicKey('AAAA')).toMatchObject({ ok: false, message: expect.stringMatching(/ed25519:/) });
    expect(parsePublicKey('ed25519:AAAA')).toMatchObject({ ok: false, message: expect.stringMatching(/32 байта/) });
    const { publicKey } = await generateSigningKeyPair();
    expect(await verifyPackSignature(bytes('x'), 'не подпись', publicKey)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/файл подписи повреждён/),
    });
    await expect(importSigningKey('nope')).rejects.toThrow(/PEM/);
  });

  it('puts the signature next to the pack, keeping the query', () => {
    expect(signatureUrlFor('https://h.ru/p/team.json?v=2#x')).toBe('https://h.ru/p/team.json.sig?v=2');
  });

  it('pins sha256 given as bare or prefixed hex in any case', async () => {
    const hash = 'a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e'; // sha256("Hello World")
    expect(parseSha256Pin(`SHA256:${hash.toUpperCase()}`)).toBe(hash);
    expect(parseSha256Pin('abc')).toBeNull();
    expect(await checkSha256Pin(bytes('Hello World'), hash)).toEqual({ ok: true });
    expect(await checkSha256Pin(bytes('Hello World!'), hash)).toMatchObject({ ok: false });
  });
});
