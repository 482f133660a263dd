/**
 * Pack integrity: sha256 pinning and detached Ed25519 signatures, over WebCrypto only (the same code runs in
 * the extension's service worker and in the `sufler` CLI under Node).
 *
 * Signature scheme (v1), chosen so that nothing has to be canonicalised:
 *   - The lead signs the pack file's exact bytes as served (JSON or CSV), with Ed25519, no pre-hash.
 *   - The signature lives in a detached file next to the pack: `<pack path>.sig` (query string kept, so
 *     `https://host/team.json?v=2` → `https://host/team.json.sig?v=2`). Its content is the 64-byte signature
 *     in base64 on one line; an optional `ed25519:` prefix is accepted.
 *   - The subscription stores the lead's public key as `ed25519:<base64 of the 32-byte raw key>`; that is
 *     what `sufler pack keygen` prints. Private keys are PKCS#8 PEM files (openssl reads them too:
 *     `openssl pkeyutl -verify -pubin -rawin …` can check a signature independently).
 * Signing bytes rather than a JSON field means a pack whose signature verifies is byte-identical to what the
 * lead signed, and a CSV can be signed the same way. A signed pack does not protect against a host serving
 * an older signed version (rollback); pinning a sha256 does.
 */

import { defineMessages } from '../i18n';

const t = defineMessages({
  ru: {
    keyPrefix: (prefix: string) =>
      `открытый ключ должен начинаться с «${prefix}» — скопируйте его из вывода «sufler pack keygen»`,
    keyDamaged: 'открытый ключ повреждён: после «ed25519:» должны идти 32 байта в base64',
    pinDamaged: 'закреплённый хеш повреждён: нужен sha256 из 64 шестнадцатеричных цифр',
    pinMismatch: (expected: string, actual: string) =>
      `содержимое пакета не совпадает с закреплённым хешем (ожидался sha256 ${expected}…, получен ${actual}…)`,
    signatureDamaged: 'файл подписи повреждён: ожидается подпись Ed25519 (64 байта в base64)',
    signatureWrong: 'подпись не сходится: пакет изменён после подписания или подписан другим ключом',
    verifyFailed: (reason: string) => `не удалось проверить подпись: ${reason}`,
  },
  en: {
    keyPrefix: (prefix: string) => `the public key must start with “${prefix}”: copy it from “sufler pack keygen”`,
    keyDamaged: 'the public key is damaged: “ed25519:” must be followed by 32 bytes in base64',
    pinDamaged: 'the pinned hash is damaged: a sha256 of 64 hexadecimal digits is needed',
    pinMismatch: (expected: string, actual: string) =>
      `the pack’s content does not match the pinned hash (expected sha256 ${expected}…, got ${actual}…)`,
    signatureDamaged: 'the signature file is damaged: an Ed25519 signature (64 bytes in base64) is expected',
    signatureWrong: 'the signature does not match: the pack changed after signing or was signed with another key',
    verifyFailed: (reason: string) => `could not verify the signature: ${reason}`,
  },
});

export const PUBLIC_KEY_PREFIX = 'ed25519:';
const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export type IntegrityResult = { ok: true } | { ok: false; message: string };

/** `https://h/p/team.json?x=1#f` → `https://h/p/team.json.sig?x=1` */
export function signatureUrlFor(packUrl: string): string {
  const url = new URL(packUrl);
  url.hash = '';
  url.pathname = `${url.pathname}.sig`;
  return url.toString();
}

/** Checks a public key as typed by an agent or lead; returns the raw key bytes or a Russian reason. */
export function parsePublicKey(
  text: string,
): { ok: true; raw: Uint8Array<ArrayBuffer> } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PUBLIC_KEY_PREFIX)) {
    return {
      ok: false,
      message: t.keyPrefix(PUBLIC_KEY_PREFIX),
    };
  }
  const raw = decodeBase64(trimmed.slice(PUBLIC_KEY_PREFIX.length));
  if (!raw || raw.length !== PUBLIC_KEY_BYTES) {
    return { ok: false, message: t.keyDamaged };
  }
  return { ok: true, raw };
}

/** Normalises a sha256 pin (`sha256:ABC…` or bare hex) to lower-case hex, or returns null when malformed. */
export function parseSha256Pin(text: string): string | null {
  const hex = text
    .trim()
    .replace(/^sha256[:-]/i, '')
    .toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function checkSha256Pin(bytes: Uint8Array<ArrayBuffer>, pin: string): Promise<IntegrityResult> {
  const expected = parseSha256Pin(pin);
  if (!expected) return { ok: false, message: t.pinDamaged };
  const actual = await sha256Hex(bytes);
  return actual === expected
    ? { ok: true }
    : {
        ok: false,
        message: t.pinMismatch(expected.slice(0, 12), actual.slice(0, 12)),
      };
}

/** Verifies a detached signature file's text against the pack bytes. Never throws. */
export async function verifyPackSignature(
  bytes: Uint8Array<ArrayBuffer>,
  signatureText: string,
  publicKey: string,
): Promise<IntegrityResult> {
  const key = parsePublicKey(publicKey);
  if (!key.ok) return key;
  const signature = decodeBase64(signatureText.trim().replace(/^ed25519:/, ''));
  if (!signature || signature.length !== SIGNATURE_BYTES) {
    return { ok: false, message: t.signatureDamaged };
  }
  try {
    const cryptoKey = await crypto.subtle.importKey('raw', key.raw, ED25519, false, ['verify']);
    const valid = await crypto.subtle.verify(ED25519, cryptoKey, signature, bytes);
    return valid
      ? { ok: true }
      : {
          ok: false,
          message: t.signatureWrong,
        };
  } catch (error) {
    return { ok: false, message: t.verifyFailed((error as Error).message) };
  }
}

export interface SigningKeyPair {
  /** PKCS#8 PEM: keep it secret, never publish it next to the pack. */
  privateKeyPem: string;
  /** `ed25519:<base64>`: what the subscription stores. */
  publicKey: string;
}

export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKeyPem: toPem(pkcs8), publicKey: `${PUBLIC_KEY_PREFIX}${encodeBase64(raw)}` };
}

/** Reads a PKCS#8 PEM private key; returns the signing key and its public key in subscription form. */
export async function importSigningKey(pem: string): Promise<{ privateKey: CryptoKey; publicKey: string }> {
  const body = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(pem)?.[1];
  const der = body ? decodeBase64(body.replace(/\s+/g, '')) : null;
  if (!der) throw new Error('это не закрытый ключ в формате PEM (-----BEGIN PRIVATE KEY-----)');
  // Extractable only so the public half can be derived from the JWK's `x`; the CLI process is short-lived.
  const privateKey = await crypto.subtle.importKey('pkcs8', der, ED25519, true, ['sign']).catch(() => {
    throw new Error('это не закрытый ключ Ed25519');
  });
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const raw = decodeBase64(
    (jwk.x ?? '').replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - ((jwk.x ?? '').length % 4)) % 4),
  );
  if (!raw) throw new Error('не удалось получить открытый ключ из закрытого');
  return { privateKey, publicKey: `${PUBLIC_KEY_PREFIX}${encodeBase64(raw)}` };
}

/** The content of the `.sig` file for these bytes. */
export async function signPackBytes(bytes: Uint8Array<ArrayBuffer>, privateKey: CryptoKey): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, bytes));
  return `${encodeBase64(signature)}\n`;
}

function toPem(der: Uint8Array): string {
  const lines = encodeBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Standard base64 (with or without padding) to bytes; null when the text is not base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length === 0) return null;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
