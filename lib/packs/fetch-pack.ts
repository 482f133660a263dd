import { defineMessages } from '../i18n';
import type { DataError, FetchPackFailure, FetchPackFailureKind, Pack } from '../model';
import { checkPack } from './check-pack';
import { checkPackUrl, redirectAllowed } from './check-pack-url';
import { formatDataError } from './describe-issues';
import { parseCsvPack } from './pack-csv';
import { LIMITS } from './pack-schema';
import { checkSha256Pin, sha256Hex, signatureUrlFor, verifyPackSignature } from './pack-signature';
import { looksLikeHtml, parsePack, WEB_PAGE_NOT_PACK } from './parse-pack';

const t = defineMessages({
  ru: {
    loadFailed: (reason: string) => `не удалось загрузить пакет: ${reason}`,
    csvNeedsId: 'для CSV-пакета нужны идентификатор и название пакета',
    crossOrigin: (got: string, origin: string) =>
      `сервер перенаправил запрос на другой адрес (${got}), а пакет принимается только с ${origin}`,
    unconditional304: 'сервер ответил 304 «не изменилось» на безусловный запрос',
    tooLarge: (limit: string, seen?: string) =>
      `пакет слишком большой: больше ${limit} (${seen ? `получено уже ${seen}` : 'по заголовку Content-Length'})`,
    notUtf8: 'файл не в кодировке UTF-8: сохраните его как UTF-8 (в Excel — «CSV UTF-8»)',
    malformed: (reason: string) => `файл пакета повреждён: ${reason}`,
    schema: (summary: string) => `пакет не прошёл проверку формата: ${summary}`,
    check: (summary: string) => `пакет не прошёл проверку: ${summary}`,
    contentType: (type: string, expected: string) => `сервер отдал ${type}, а ожидается ${expected} или text/plain)`,
    notFound: (status: number) => `файл пакета не найден по ссылке (HTTP ${status})`,
    forbidden: (status: number) =>
      `сервер не даёт доступ к пакету (HTTP ${status}): ссылка должна открываться без входа`,
    serverError: (status: number) => `сервер пакета ответил ошибкой (HTTP ${status}), попробуем позже`,
    tooMany: 'сервер просит обращаться реже (HTTP 429), попробуем позже',
    httpError: (status: number) => `сервер ответил HTTP ${status} вместо пакета`,
    timeout: (ms: number) => `сервер пакета не ответил за ${ms >= 1000 ? `${Math.round(ms / 1000)} с` : `${ms} мс`}`,
    aborted: 'загрузка пакета отменена',
    offline: 'нет подключения к интернету',
    dns: 'адрес сервера пакета не найден (ошибка DNS): проверьте ссылку',
    refused: 'сервер пакета отказал в соединении',
    network: 'не удалось связаться с сервером пакета: нет сети, адрес не найден или сервер недоступен',
    signatureOrigin: 'файл подписи должен лежать на том же сервере, что и пакет',
    signatureRedirect: 'запрос файла подписи перенаправлен на другой сервер',
    signatureMissing: (url: string, status: number) =>
      `пакет должен быть подписан, но файл подписи не получен (${url}: HTTP ${status})`,
    signatureTooLarge: 'файл подписи слишком большой',
    errorCount: (count: number) => `ошибок: ${count}`,
    mb: (size: string) => `${size} МБ`,
  },
  en: {
    loadFailed: (reason: string) => `could not load the pack: ${reason}`,
    csvNeedsId: 'a CSV pack needs a pack id and a pack name',
    crossOrigin: (got: string, origin: string) =>
      `the server redirected the request to another address (${got}); the pack is accepted only from ${origin}`,
    unconditional304: 'the server answered 304 “not modified” to an unconditional request',
    tooLarge: (limit: string, seen?: string) =>
      `the pack is too large: over ${limit} (${seen ? `${seen} received already` : 'by its Content-Length header'})`,
    notUtf8: 'the file is not UTF-8: save it as UTF-8 (in Excel, “CSV UTF-8”)',
    malformed: (reason: string) => `the pack file is damaged: ${reason}`,
    schema: (summary: string) => `the pack failed the format check: ${summary}`,
    check: (summary: string) => `the pack failed the check: ${summary}`,
    contentType: (type: string, expected: string) => `the server sent ${type}, expected ${expected} or text/plain)`,
    notFound: (status: number) => `no pack file at this link (HTTP ${status})`,
    forbidden: (status: number) =>
      `the server denies access to the pack (HTTP ${status}): the link must open without signing in`,
    serverError: (status: number) => `the pack server answered with an error (HTTP ${status}); we will retry later`,
    tooMany: 'the server asks for fewer requests (HTTP 429); we will retry later',
    httpError: (status: number) => `the server answered HTTP ${status} instead of a pack`,
    timeout: (ms: number) =>
      `the pack server did not answer within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`,
    aborted: 'the pack download was cancelled',
    offline: 'no internet connection',
    dns: 'the pack server’s address was not found (DNS error): check the link',
    refused: 'the pack server refused the connection',
    network: 'could not reach the pack server: no network, address not found or server unavailable',
    signatureOrigin: 'the signature file must be on the same server as the pack',
    signatureRedirect: 'the signature file request was redirected to another server',
    signatureMissing: (url: string, status: number) =>
      `the pack must be signed, but the signature file was not received (${url}: HTTP ${status})`,
    signatureTooLarge: 'the signature file is too large',
    errorCount: (count: number) => `errors: ${count}`,
    mb: (size: string) => `${size} MB`,
  },
});

/**
 * Downloads and validates one pack from a URL (edge module: `fetch` is passed in). It never throws and
 * never touches storage: the result is either a checked pack, «unchanged» (HTTP 304) or a typed failure
 * with a Russian reason, and the caller decides what to keep.
 *
 * Rules, in the order they are applied:
 *   1. HTTPS only; plain http only for localhost / 127.0.0.1 / [::1] (a lead testing a pack locally).
 *   2. Conditional request (If-None-Match / If-Modified-Since from the last good sync) → 304 = unchanged.
 *   3. Timeout over the whole exchange, body included (AbortSignal.timeout).
 *   4. Redirects are followed, but the final `response.url` must have the subscription's origin. The one
 *      known exception is Google Sheets: a published `docs.google.com/…/pub?output=csv` URL answers 307 to
 *      a `*.googleusercontent.com` host. (`redirect: 'manual'` gives an opaque response in extensions, so
 *      the final URL is what can be checked.)
 *   5. Content type: a pack is data, so an HTML page (a sign-in or preview page, a captive portal) is
 *      refused, as are images, PDFs and the like. Accepted for JSON: `application/json`, `*+json`,
 *      `text/json`, `text/plain` (GitHub raw, many static hosts), `application/octet-stream` (object storage
 *      without metadata) or no type at all; for CSV: `text/csv`, `application/csv`, `text/plain`,
 *      `application/vnd.ms-excel` (IIS and old Windows hosts), `application/octet-stream` or none.
 *   6. Size: at most 5 MB, counted while streaming (Content-Length is only a hint and may be absent).
 *   7. Integrity before parsing: sha256 pin over the exact bytes, then the detached Ed25519 signature
 *      (see pack-signature.ts); bytes that fail are never parsed.
 *   8. UTF-8 decoding (strict), parse (JSON via parsePack, CSV via parseCsvPack), then checkPack.
 */

export type PackKind = 'json' | 'csv';

export interface FetchPackRequest {
  url: string;
  kind: PackKind;
  /** Validators from the last applied response; sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  /** Pin: sha256 (hex, optionally `sha256:`-prefixed) of the exact bytes the pack must have. */
  sha256?: string;
  /** `ed25519:<base64>`: when set, `<url>.sig` must hold a valid signature of the bytes. */
  publicKey?: string;
  /** Where the detached signature lives; defaults to signatureUrlFor(url). */
  signatureUrl?: string;
  /** Header fields for a CSV pack, which carries none of its own. */
  csv?: { packId: string; name: string };
  timeoutMs?: number;
  maxBytes?: number;
  /** Cancels the request (the extension updating, the subscription being removed). */
  signal?: AbortSignal;
  /** navigator.onLine, passed in: lets a failed request say «нет сети» rather than a vague network error. */
  isOnline?: () => boolean;
}

export interface FetchedPackMeta {
  etag?: string;
  lastModified?: string;
  /** sha256 of the bytes as served: lets the caller skip re-applying identical content. */
  sha256: string;
  bytes: number;
  finalUrl: string;
  /** The file name the server gave (Content-Disposition): a published Google Sheet names itself there. */
  fileName?: string;
}

export type FetchPackResult =
  | { status: 'updated'; pack: Pack; meta: FetchedPackMeta }
  | { status: 'unchanged'; etag?: string; lastModified?: string }
  | { status: 'failed'; failure: FetchPackFailure };

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** Under the ~30 s a Chrome service worker may sit idle, so a hung server cannot outlive the worker. */
export const DEFAULT_TIMEOUT_MS = 20_000;
const SIGNATURE_MAX_BYTES = 4096;

export async function fetchPack(request: FetchPackRequest, fetchFn: FetchFn): Promise<FetchPackResult> {
  try {
    return await fetchPackUnsafe(request, fetchFn);
  } catch (error) {
    // Nothing below should throw; this keeps the «never throws» promise even for a bug or a hostile host.
    return failed('network', t.loadFailed((error as Error)?.message ?? String(error)));
  }
}

async function fetchPackUnsafe(request: FetchPackRequest, fetchFn: FetchFn): Promise<FetchPackResult> {
  const checked = checkPackUrl(request.url);
  if (!checked.ok) return { status: 'failed', failure: checked.failure };
  const url = checked.url;
  if (request.kind === 'csv' && !request.csv) {
    return failed('invalid-url', t.csvNeedsId);
  }

  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  const headers: Record<string, string> = {
    accept:
      request.kind === 'json'
        ? 'application/json, text/plain;q=0.9, */*;q=0.1'
        : 'text/csv, text/plain;q=0.9, */*;q=0.1',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  const conditional = Boolean(request.etag || request.lastModified);

  const timedOut = () => timeout.aborted;
  const networkFailure = (error: unknown) => describeNetworkError(error, timedOut(), timeoutMs, request.isOnline);

  let response: Response;
  try {
    // `no-store` for the first request: a stale browser cache must not stand in for the lead's server.
    // With our own validators the Fetch standard already bypasses the HTTP cache and hands us the 304.
    response = await fetchFn(url.href, {
      headers,
      signal,
      redirect: 'follow',
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    return { status: 'failed', failure: networkFailure(error) };
  }

  const finalUrl = response.url || url.href;
  if (!redirectAllowed(url, finalUrl)) {
    await discard(response);
    return failed('cross-origin-redirect', t.crossOrigin(safeOrigin(finalUrl), url.origin));
  }

  if (response.status === 304) {
    await discard(response);
    if (!conditional) return failed('http-error', t.unconditional304, 304);
    return {
      status: 'unchanged',
      etag: response.headers.get('etag') ?? request.etag,
      lastModified: response.headers.get('last-modified') ?? request.lastModified,
    };
  }
  if (!response.ok) {
    await discard(response);
    return { status: 'failed', failure: describeHttpStatus(response.status) };
  }

  const contentType = response.headers.get('content-type');
  if (!contentTypeAccepted(request.kind, contentType)) {
    await discard(response);
    return failed('content-type', describeContentType(request.kind, contentType ?? ''));
  }

  const maxBytes = request.maxBytes ?? LIMITS.packBytes;
  const body = await readLimited(response, maxBytes);
  if (body.status === 'too-large') {
    return failed('too-large', t.tooLarge(formatMb(maxBytes), body.seen > maxBytes ? formatMb(body.seen) : undefined));
  }
  if (body.status === 'error') return { status: 'failed', failure: networkFailure(body.error) };
  const bytes = body.bytes;

  if (request.sha256) {
    const pin = await checkSha256Pin(bytes, request.sha256);
    if (!pin.ok) return failed('hash-mismatch', pin.message);
  }
  if (request.publicKey) {
    const verdict = await fetchAndVerifySignature(request, url, bytes, signal, fetchFn, networkFailure);
    if (verdict) return { status: 'failed', failure: verdict };
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failed('encoding', t.notUtf8);
  }

  // A sign-in page served as text/plain or without a type: say what it is, not «Unexpected token '<'».
  if (looksLikeHtml(text)) return failed('content-type', WEB_PAGE_NOT_PACK());

  let parsed: { pack: Pack | null; errors: DataError[] };
  let malformed = false;
  if (request.kind === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      malformed = true;
    }
    // parsePack on the text again only to word the syntax error with its line and column.
    parsed = malformed ? parsePack(text) : parsePack(data);
  } else {
    parsed = parseCsvPack(text, { packId: request.csv!.packId, name: request.csv!.name });
  }
  if (!parsed.pack) {
    return {
      status: 'failed',
      failure: {
        kind: malformed ? 'malformed' : 'schema',
        message: malformed ? t.malformed(parsed.errors[0].message) : t.schema(summarize(parsed.errors)),
        errors: parsed.errors,
      },
    };
  }
  // checkPack may grow asynchronous work (compiling rules, running their examples); await covers both.
  const checkErrors = await checkPack(parsed.pack);
  if (checkErrors.length > 0) {
    return {
      status: 'failed',
      failure: { kind: 'check', message: t.check(summarize(checkErrors)), errors: checkErrors },
    };
  }
  return {
    status: 'updated',
    pack: parsed.pack,
    meta: {
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
      sha256: await sha256Hex(bytes),
      bytes: bytes.length,
      finalUrl,
      ...fileNameOf(response.headers.get('content-disposition')),
    },
  };
}

const JSON_TYPES = ['application/json', 'text/json', 'text/plain', 'application/octet-stream'];
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream'];

function contentTypeAccepted(kind: PackKind, header: string | null): boolean {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  if (type === '') return true;
  if (kind === 'json') return JSON_TYPES.includes(type) || /^application\/[\w.+-]+\+json$/.test(type);
  return CSV_TYPES.includes(type);
}

function describeContentType(kind: PackKind, header: string): string {
  const type = header.split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    return WEB_PAGE_NOT_PACK();
  }
  return t.contentType(type, kind === 'json' ? 'JSON (application/json' : 'CSV (text/csv');
}

function describeHttpStatus(status: number): FetchPackFailure {
  if (status === 404 || status === 410) {
    return { kind: 'not-found', httpStatus: status, message: t.notFound(status) };
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'forbidden',
      httpStatus: status,
      message: t.forbidden(status),
    };
  }
  if (status >= 500) {
    return {
      kind: 'server-error',
      httpStatus: status,
      message: t.serverError(status),
    };
  }
  if (status === 429) {
    return {
      kind: 'http-error',
      httpStatus: status,
      message: t.tooMany,
    };
  }
  return { kind: 'http-error', httpStatus: status, message: t.httpError(status) };
}

function describeNetworkError(
  error: unknown,
  timedOut: boolean,
  timeoutMs: number,
  isOnline?: () => boolean,
): FetchPackFailure {
  const name = (error as Error)?.name;
  if (timedOut || name === 'TimeoutError') {
    return { kind: 'timeout', message: t.timeout(timeoutMs) };
  }
  if (name === 'AbortError') return { kind: 'aborted', message: t.aborted };
  if (isOnline && !isOnline()) return { kind: 'offline', message: t.offline };
  const code = causeCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'dns', message: t.dns };
  }
  if (code === 'ECONNREFUSED') return { kind: 'network', message: t.refused };
  // Browsers report every network failure as the same TypeError; DNS and refused connections look alike there.
  return {
    kind: 'network',
    message: t.network,
  };
}

/** Node's fetch puts the system error code on `cause` (sometimes an AggregateError of attempts). */
function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } })?.cause;
  return cause?.code ?? cause?.errors?.find((inner) => inner?.code)?.code;
}

type ReadResult =
  | { status: 'ok'; bytes: Uint8Array<ArrayBuffer> }
  | { status: 'too-large'; seen: number }
  | { status: 'error'; error: unknown };

/** Reads the body, stopping (and cancelling the download) as soon as it exceeds the limit. */
async function readLimited(response: Response, maxBytes: number): Promise<ReadResult> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(response);
    return { status: 'too-large', seen: 0 };
  }
  if (!response.body) return { status: 'ok', bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { status: 'too-large', seen: total };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { status: 'error', error };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { status: 'ok', bytes };
}

async function fetchAndVerifySignature(
  request: FetchPackRequest,
  url: URL,
  bytes: Uint8Array<ArrayBuffer>,
  signal: AbortSignal,
  fetchFn: FetchFn,
  networkFailure: (error: unknown) => FetchPackFailure,
): Promise<FetchPackFailure | null> {
  const signatureUrl = request.signatureUrl ?? signatureUrlFor(url.href);
  if (!sameOrigin(signatureUrl, url)) {
    return { kind: 'signature-invalid', message: t.signatureOrigin };
  }
  let response: Response;
  try {
    response = await fetchFn(signatureUrl, { signal, redirect: 'follow', credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    return networkFailure(error);
  }
  if (!sameOrigin(response.url || signatureUrl, url)) {
    await discard(response);
    return { kind: 'cross-origin-redirect', message: t.signatureRedirect };
  }
  if (!response.ok) {
    await discard(response);
    return {
      kind: 'signature-missing',
      httpStatus: response.status,
      message: t.signatureMissing(signatureUrl, response.status),
    };
  }
  const body = await readLimited(response, SIGNATURE_MAX_BYTES);
  if (body.status === 'error') return networkFailure(body.error);
  if (body.status === 'too-large') return { kind: 'signature-invalid', message: t.signatureTooLarge };
  const verdict = await verifyPackSignature(bytes, new TextDecoder().decode(body.bytes), request.publicKey!);
  return verdict.ok ? null : { kind: 'signature-invalid', message: verdict.message };
}

function sameOrigin(text: string, url: URL): boolean {
  try {
    return new URL(text).origin === url.origin;
  } catch {
    return false;
  }
}

function safeOrigin(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    return text;
  }
}

/** Releases the connection of a response whose body we do not want. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * The headline only: the errors themselves travel in `errors` and are listed under it, so the first one
 * is never shown twice. A single error is the headline itself (the popup shows nothing more).
 */
function summarize(errors: DataError[]): string {
  if (errors.length === 1) return formatDataError(errors[0]);
  return t.errorCount(errors.length);
}

/** `attachment; filename*=UTF-8''%D0%A2…` (RFC 6266) or `filename="…"`, without the extension. */
function fileNameOf(header: string | null): { fileName?: string } {
  if (!header) return {};
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(header);
  let name = extended?.[1] ?? plain?.[1] ?? plain?.[2];
  if (!name) return {};
  try {
    if (extended) name = decodeURIComponent(name);
  } catch {
    return {};
  }
  name = name.replace(/\.(csv|json)$/i, '').trim();
  return name ? { fileName: name.slice(0, 120) } : {};
}

function formatMb(bytes: number): string {
  return t.mb((bytes / 1024 / 1024).toFixed(1));
}

function failed(kind: FetchPackFailureKind, message: string, httpStatus?: number): FetchPackResult {
  return { status: 'failed', failure: httpStatus === undefined ? { kind, message } : { kind, message, httpStatus } };
}
