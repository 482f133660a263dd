import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { checkPackUrl } from '@/lib/packs/check-pack-url';
import { fetchPack } from '@/lib/packs/fetch-pack';
import { parseCsvPack } from '@/lib/packs/pack-csv';
import { parsePack } from '@/lib/packs/parse-pack';
import { samplePack } from '../../fixtures/pack-server';

const CYRILLIC = /[\u0400-\u04FF]/;
afterEach(() => setLocale(undefined));

/** The fetch edge as a function: what the server (or the network) answers. */
const answering = (response: () => Response) => async () => response();
const failureOf = async (result: ReturnType<typeof fetchPack>) => {
  const outcome = await result;
  if (outcome.status !== 'failed') throw new Error(`expected a failure, got ${outcome.status}`);
  return outcome.failure;
};

describe('background error texts follow the UI language', () => {
  it('pack download failures are English in an English browser and Russian otherwise', async () => {
    const notFound = answering(() => new Response('nope', { status: 404 }));
    const unreachable = async () => {
      throw new TypeError('Failed to fetch');
    };
    const request = { url: 'https://packs.example.com/team.json', kind: 'json' as const };

    setLocale('en');
    expect((await failureOf(fetchPack(request, notFound))).message).toBe('no pack file at this link (HTTP 404)');
    const offline = await failureOf(fetchPack(request, unreachable));
    expect(offline.message).toBe(
      'could not reach the pack server: no network, address not found or server unavailable',
    );
    const html = answering(() => new Response('<html>sign in</html>', { headers: { 'content-type': 'text/html' } }));
    expect((await failureOf(fetchPack(request, html))).message).toMatch(/^the link opened a web page/);
    const insecure = checkPackUrl('http://packs.example.com/team.json');
    expect(insecure.ok || insecure.failure.message).toMatch(/^an https:\/\/ address is needed/);

    const served = answering(() => new Response('{}', { headers: { 'content-type': 'application/json' } }));
    const pinned = await failureOf(fetchPack({ ...request, sha256: '0'.repeat(64) }, served));
    expect(pinned.message).toMatch(/^the pack’s content does not match the pinned hash \(expected sha256 0{12}…, got/);

    setLocale(undefined);
    expect((await failureOf(fetchPack(request, notFound))).message).toBe('файл пакета не найден по ссылке (HTTP 404)');
  });

  it('a broken pack file and a broken pack are worded in English, field names included', async () => {
    setLocale('en');
    const syntax = parsePack('{ "format": "sufler-pack", }');
    expect(syntax.errors[0].message).toMatch(
      /^this is not JSON: expected a field name in double quotes .*\(line 1, column \d+\)$/,
    );

    const pack = samplePack();
    pack.templates[0].title = '';
    const served = answering(
      () => new Response(JSON.stringify(pack), { headers: { 'content-type': 'application/json' } }),
    );
    const failure = await failureOf(fetchPack({ url: 'https://packs.example.com/team.json', kind: 'json' }, served));
    expect(failure.message).toBe('the pack failed the format check: templates[0].title: “Title”: not filled in');
    for (const error of failure.errors ?? []) expect(error.message).not.toMatch(CYRILLIC);
  });

  it('a CSV sheet without a text column names the row and the headers in English', () => {
    setLocale('en');
    const result = parseCsvPack('title,tags\nHello,x\n', { packId: 'team', name: 'Team' });
    expect(result.errors).toEqual([{ path: 'row 1', message: 'no column “body”; headers: “title”, “tags”' }]);
    setLocale(undefined);
    expect(parseCsvPack('title,tags\nHello,x\n', { packId: 'team', name: 'Team' }).errors[0].path).toBe('строка 1');
  });
});
