import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPermissionsFor, redirectAllowed } from '../../../lib/packs/check-pack-url';
import { type FetchPackRequest, fetchPack } from '../../../lib/packs/fetch-pack';
import { generateSigningKeyPair, importSigningKey, sha256Hex, signPackBytes } from '../../../lib/packs/pack-signature';
import { type PackServer, samplePack, serveStatic, startPackServer } from '../../fixtures/pack-server';

let server: PackServer;
let other: PackServer;
beforeAll(async () => {
  [server, other] = await Promise.all([startPackServer(), startPackServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), other.close()]);
});

const json = (value: unknown) => JSON.stringify(value, null, 2);
const get = (path: string, extra: Partial<FetchPackRequest> = {}) =>
  fetchPack({ url: server.url(path), kind: 'json', timeoutMs: 2000, ...extra }, fetch);
const failureOf = async (promise: ReturnType<typeof fetchPack>) => {
  const result = await promise;
  if (result.status !== 'failed') throw new Error(`expected a failure, got ${result.status}`);
  return result.failure;
};

describe('fetchPack over real HTTP', () => {
  it('downloads, validates and describes a pack', async () => {
    const body = json(samplePack());
    server.route('/ok.json', serveStatic(body, { etag: '"v1"', lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT' }));
    const result = await get('/ok.json');
    expect(result).toMatchObject({
      status: 'updated',
      pack: { id: 'team', templates: [{ id: 't1' }, { id: 't2' }] },
      meta: {
        etag: '"v1"',
        lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT',
        sha256: await sha256Hex(new TextEncoder().encode(body)),
        bytes: new TextEncoder().encode(body).length,
      },
    });
  });

  it('sends the ETag back and treats 304 as unchanged', async () => {
    server.route('/etag.json', serveStatic(json(samplePack()), { etag: '"abc"' }));
    expect(await get('/etag.json', { etag: '"abc"' })).toEqual({
      status: 'unchanged',
      etag: '"abc"',
      lastModified: undefined,
    });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"abc"');
    expect((await get('/etag.json', { etag: '"old"' })).status).toBe('updated');
  });

  it('falls back to Last-Modified / If-Modified-Since', async () => {
    const lastModified = 'Sun, 22 Nov 2026 09:00:00 GMT';
    server.route('/lm.json', serveStatic(json(samplePack()), { lastModified }));
    expect((await get('/lm.json', { lastModified })).status).toBe('unchanged');
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe(lastModified);
  });

  it.each([
    [404, 'not-found', /не найден.*404/],
    [500, 'server-error', /ошибкой \(HTTP 500\)/],
    [403, 'forbidden', /без входа/],
  ])('turns HTTP %i into %s with a Russian reason', async (status, kind, message) => {
    server.route(`/status-${status}`, (_, response) => {
      response.writeHead(status, { 'content-type': 'text/html' });
      response.end('<h1>nope</h1>');
    });
    expect(await failureOf(get(`/status-${status}`))).toMatchObject({ kind, httpStatus: status, message });
  });

  it('times out when the server never answers, and when it stalls mid-body', async () => {
    server.route('/silent.json', () => {}); // never responds; the socket is destroyed on close
    const started = Date.now();
    expect(await failureOf(get('/silent.json', { timeoutMs: 300 }))).toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/не ответил/),
    });
    expect(Date.now() - started).toBeLessThan(2000);
    server.route('/stall.json', (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"format": "sufler-pack",');
    });
    expect((await failureOf(get('/stall.json', { timeoutMs: 300 }))).kind).toBe('timeout');
  });

  it('reports malformed JSON with its line and column', async () => {
    server.route('/bad.json', serveStatic('{\n  "format": "sufler-pack",\n  "id": "team",\n}'));
    expect(await failureOf(get('/bad.json'))).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/повреждён: это не JSON.*строка 4, столбец 1/),
    });
  });

  it('reports schema errors with every path', async () => {
    const pack = samplePack();
    (pack.templates[1] as { body?: string }).body = undefined;
    server.route('/schema.json', serveStatic(json({ ...pack, policy: { guardMode: 'maybe' } })));
    const failure = await failureOf(get('/schema.json'));
    expect(failure.kind).toBe('schema');
    expect(failure.errors?.map((e) => e.path).sort()).toEqual(['policy.guardMode', 'templates[1].body']);
  });

  it('heads a many-error failure with the count only, so the list under it shows each error once', async () => {
    const pack = samplePack();
    for (const template of pack.templates) (template as { body?: string }).body = '';
    server.route('/many.json', serveStatic(json(pack)));
    const failure = await failureOf(get('/many.json'));
    expect(failure.message).toBe(`пакет не прошёл проверку формата: ошибок: ${pack.templates.length}`);
    expect(failure.errors?.[0]).toEqual({ path: 'templates[0].body', message: '«Текст»: не заполнено' });
  });

  it('names a sign-in page served as text/plain or without a type a web page, not a JSON error', async () => {
    const login = '\n<!doctype html><html><body><form action="/login">Войти</form></body></html>';
    server.route('/login.json', serveStatic(login, { type: 'text/plain' }));
    expect(await failureOf(get('/login.json'))).toEqual({
      kind: 'content-type',
      message: 'по адресу открылась веб-страница (вход?), а не пакет — дайте прямую ссылку на файл',
    });
  });

  it('rejects a pack whose rule fails its own examples (checkPack)', async () => {
    const rule = {
      id: 'cannot-help',
      severity: 'error' as const,
      message: 'Звучит как отказ',
      patterns: ['ничем не могу помочь'],
      suggestions: ['Давайте разберёмся', 'Сейчас проверю'],
      examples: { bad: ['Здесь [[совсем другое]] написано'], good: ['Давайте разберёмся'] },
    };
    server.route('/check.json', serveStatic(json(samplePack({ rules: [rule] }))));
    const failure = await failureOf(get('/check.json'));
    expect(failure.kind).toBe('check');
    expect(failure.errors?.length).toBeGreaterThan(0);
  });

  it('stops reading an oversized body streamed without Content-Length', async () => {
    let written = 0;
    server.route('/huge.json', (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }); // chunked: no Content-Length
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (written < 8 * 1024 * 1024 && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
    expect(await failureOf(get('/huge.json'))).toMatchObject({
      kind: 'too-large',
      message: expect.stringMatching(/больше 5\.0 МБ/),
    });
    expect(server.requests.at(-1)?.headers['content-length']).toBeUndefined();
  });

  it('counts the decoded bytes of a gzip bomb: 64 KB on the wire, 64 MB unpacked, refused as too large', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '), { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    server.route('/bomb.json', (_, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(bomb.length),
      });
      response.end(bomb);
    });
    expect((await failureOf(get('/bomb.json'))).kind).toBe('too-large');
  });

  it('rejects a declared Content-Length over the limit without reading the body', async () => {
    server.route('/declared.json', (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(6 * 1024 * 1024) });
      response.write('{');
    });
    expect((await failureOf(get('/declared.json'))).kind).toBe('too-large');
  });

  it('refuses an HTML page or an image, but accepts text/plain (GitHub raw) and a missing type', async () => {
    server.route('/page.json', serveStatic('<html></html>', { type: 'text/html; charset=utf-8' }));
    expect(await failureOf(get('/page.json'))).toMatchObject({
      kind: 'content-type',
      message: expect.stringMatching(/веб-страница/),
    });
    server.route('/image.json', serveStatic('x', { type: 'image/png' }));
    expect(await failureOf(get('/image.json'))).toMatchObject({ kind: 'content-type', message: /image\/png/ });
    server.route('/plain.json', serveStatic(json(samplePack()), { type: 'text/plain; charset=utf-8' }));
    expect((await get('/plain.json')).status).toBe('updated');
    server.route('/csv-as-json.csv', serveStatic('title,body\nА,Б\n', { type: 'application/json' }));
    expect((await failureOf(get('/csv-as-json.csv', { kind: 'csv', csv: { packId: 'c', name: 'C' } }))).kind).toBe(
      'content-type',
    );
  });

  it('follows a same-origin redirect but refuses one to another origin (another port)', async () => {
    server.route('/moved.json', (_, response) => {
      response.writeHead(302, { location: '/ok.json' });
      response.end();
    });
    expect((await get('/moved.json')).status).toBe('updated');
    other.route('/evil.json', serveStatic(json(samplePack({ name: 'Подмена' }))));
    server.route('/away.json', (_, response) => {
      response.writeHead(302, { location: other.url('/evil.json') });
      response.end();
    });
    expect(await failureOf(get('/away.json'))).toMatchObject({
      kind: 'cross-origin-redirect',
      message: expect.stringContaining(other.origin),
    });
  });

  it('verifies a detached Ed25519 signature and rejects a tampered pack or a missing signature', async () => {
    const keys = await generateSigningKeyPair();
    const { privateKey } = await importSigningKey(keys.privateKeyPem);
    const body = json(samplePack());
    const signature = await signPackBytes(new TextEncoder().encode(body), privateKey);
    server.route('/signed.json', serveStatic(body));
    server.route('/signed.json.sig', serveStatic(signature, { type: 'text/plain' }));
    expect((await get('/signed.json', { publicKey: keys.publicKey })).status).toBe('updated');

    server.route('/tampered.json', serveStatic(body.replace('Ответ номер 1', 'Ответ номер 9')));
    server.route('/tampered.json.sig', serveStatic(signature, { type: 'text/plain' }));
    expect(await failureOf(get('/tampered.json', { publicKey: keys.publicKey }))).toMatchObject({
      kind: 'signature-invalid',
      message: expect.stringMatching(/подпись не сходится/),
    });

    const stranger = await generateSigningKeyPair();
    expect((await failureOf(get('/signed.json', { publicKey: stranger.publicKey }))).kind).toBe('signature-invalid');

    server.route('/unsigned.json', serveStatic(body));
    expect(await failureOf(get('/unsigned.json', { publicKey: keys.publicKey }))).toMatchObject({
      kind: 'signature-missing',
      httpStatus: 404,
    });
  });

  it('enforces a sha256 pin over the exact bytes', async () => {
    const body = json(samplePack());
    server.route('/pinned.json', serveStatic(body));
    const hash = await sha256Hex(new TextEncoder().encode(body));
    expect((await get('/pinned.json', { sha256: `sha256:${hash.toUpperCase()}` })).status).toBe('updated');
    expect(await failureOf(get('/pinned.json', { sha256: 'a'.repeat(64) }))).toMatchObject({
      kind: 'hash-mismatch',
      message: expect.stringMatching(/закреплённым хешем/),
    });
  });

  it('parses a CSV pack served as text/csv', async () => {
    server.route(
      '/sheet.csv',
      serveStatic('\uFEFFназвание,текст\nПривет,"Здравствуйте,\n[Имя]!"\n', { type: 'text/csv' }),
    );
    const result = await get('/sheet.csv', { kind: 'csv', csv: { packId: 'csv-team', name: 'Таблица' } });
    expect(result).toMatchObject({
      status: 'updated',
      pack: { id: 'csv-team', name: 'Таблица', templates: [{ title: 'Привет', body: 'Здравствуйте,\n[Имя]!' }] },
    });
  });

  it('rejects a file that is not UTF-8', async () => {
    server.route('/cp1251.csv', serveStatic(new Uint8Array([0xcf, 0xf0, 0xe8, 0x2c, 0x0a]), { type: 'text/csv' }));
    expect((await failureOf(get('/cp1251.csv', { kind: 'csv', csv: { packId: 'c', name: 'C' } }))).kind).toBe(
      'encoding',
    );
  });
});

describe('fetchPack without a server', () => {
  const neverCalled = async (): Promise<Response> => {
    throw new Error('fetch must not be called');
  };

  it('allows https anywhere and plain http only for localhost', async () => {
    expect(
      await failureOf(fetchPack({ url: 'http://packs.example.com/p.json', kind: 'json' }, neverCalled)),
    ).toMatchObject({ kind: 'insecure-url', message: expect.stringMatching(/https:\/\//) });
    expect((await failureOf(fetchPack({ url: 'ftp://x/p.json', kind: 'json' }, neverCalled))).kind).toBe(
      'insecure-url',
    );
    expect((await failureOf(fetchPack({ url: 'не адрес', kind: 'json' }, neverCalled))).kind).toBe('invalid-url');
    expect((await failureOf(fetchPack({ url: 'https://u:p@x.ru/p.json', kind: 'json' }, neverCalled))).kind).toBe(
      'invalid-url',
    );
    // Google Sheets «Publish to the web» answers 307 to a googleusercontent.com host: the one allowed hop.
    const sheet = new URL('https://docs.google.com/spreadsheets/d/e/x/pub?output=csv');
    expect(redirectAllowed(sheet, 'https://doc-0s-sheets.googleusercontent.com/pub/x?output=csv')).toBe(true);
    expect(redirectAllowed(sheet, 'https://evil.example/googleusercontent.com')).toBe(false);
    expect(redirectAllowed(new URL('https://packs.example/p.json'), 'https://x.googleusercontent.com/p')).toBe(false);
    expect(hostPermissionsFor('https://docs.google.com/spreadsheets/d/e/x/pub?output=csv')).toEqual([
      'https://docs.google.com/*',
      'https://*.googleusercontent.com/*',
    ]);
  });

  it('tells a refused connection, a DNS failure and being offline apart where it can', async () => {
    const closed = await startPackServer();
    const url = closed.url('/p.json');
    await closed.close();
    expect(await failureOf(fetchPack({ url, kind: 'json' }, fetch))).toMatchObject({ kind: 'network' });

    const dnsError = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    const dns = async (): Promise<Response> => {
      throw dnsError;
    };
    expect(await failureOf(fetchPack({ url: 'https://pack.invalid/p.json', kind: 'json' }, dns))).toMatchObject({
      kind: 'dns',
      message: expect.stringMatching(/DNS/),
    });
    const offline = await failureOf(
      fetchPack({ url: 'https://pack.example/p.json', kind: 'json', isOnline: () => false }, dns),
    );
    expect(offline).toMatchObject({ kind: 'offline', message: 'нет подключения к интернету' });
  });

  it('reports a cancelled request as aborted and never throws, whatever fetch does', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborting = (_: string, init?: RequestInit) => {
      init?.signal?.throwIfAborted();
      return Promise.reject(new Error('unreachable'));
    };
    expect(
      (await failureOf(fetchPack({ url: 'https://x.ru/p.json', kind: 'json', signal: controller.signal }, aborting)))
        .kind,
    ).toBe('aborted');
    const hostile = (() => {
      throw 'not even an Error';
    }) as unknown as typeof fetch;
    expect((await fetchPack({ url: 'https://x.ru/p.json', kind: 'json' }, hostile)).status).toBe('failed');
  });
});
