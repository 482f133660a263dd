import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../lib/model';
import { generateSigningKeyPair, importSigningKey, signPackBytes } from '../../lib/packs/pack-signature';
import { type PackServer, samplePack, serveStatic, startPackServer } from '../fixtures/pack-server';
import { launcher, openDemo, openExtensionPage, sidebarFrame, useExtensionBrowser } from './extension-harness';
import type { ExtensionBrowser } from './launch-browser';

const teamPack = (version: string, bodies: Record<string, string>): Pack =>
  samplePack({
    id: 'support-team',
    name: 'Команда поддержки «Домотеки»',
    version,
    templates: Object.entries(bodies).map(([id, body]) => ({
      id,
      title: `Командный: ${id}`,
      body,
      tags: ['команда'],
      category: 'Команда',
    })),
  });

async function openPacksTab(browser: ExtensionBrowser): Promise<Page> {
  const options = await openExtensionPage(browser, 'options.html#tab=packs');
  await options.getByRole('region', { name: 'Пакеты команды' }).waitFor();
  return options;
}

async function subscribe(options: Page, url: string, extra: { publicKey?: string } = {}) {
  await options.getByLabel(/Адрес пакета/).fill(url);
  if (extra.publicKey) {
    await options.getByText('Проверка подлинности').click();
    await options.getByLabel(/Открытый ключ/).fill(extra.publicKey);
  }
  await options.getByRole('button', { name: 'Подписаться' }).click();
}

const row = (options: Page, name: string) => options.getByRole('listitem', { name: `Пакет «${name}»` });

describe('team packs synced from a URL', () => {
  const env = useExtensionBrowser();
  let server: PackServer;

  beforeAll(async () => {
    server = await startPackServer();
  });
  afterAll(() => server?.close());

  it('subscribes, shows the pack in the sidebar, picks up an upstream change, and answers 304 when unchanged', async () => {
    server.route(
      '/team.json',
      serveStatic(JSON.stringify(teamPack('1', { hello: 'Добрый день, [Имя]! Команда на связи.' })), { etag: '"v1"' }),
    );
    const options = await openPacksTab(env.browser);
    await subscribe(options, server.url('/team.json'));
    await expect
      .poll(() => row(options, 'Команда поддержки «Домотеки»').textContent())
      .toMatch(/версия 1, шаблонов: 1/);

    const demo = await openDemo(env.browser, env.pages);
    await demo.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    await launcher(demo).click();
    const sidebar = await sidebarFrame(demo);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).fill('командный hello');
    await expect
      .poll(() => sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first().textContent())
      .toMatch(/Командный: hello/);

    // Unchanged upstream: a conditional request, answered 304, and nothing changes.
    const before = server.requests.length;
    await row(options, 'Команда поддержки «Домотеки»').getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await expect.poll(() => server.requests.length).toBeGreaterThan(before);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');

    // Upstream change: «Синхронизировать сейчас» shows it in the open sidebar without a reload.
    server.route(
      '/team.json',
      serveStatic(JSON.stringify(teamPack('2', { hello: 'Добрый день, [Имя]!', bye: 'До свидания, [Имя]!' })), {
        etag: '"v2"',
      }),
    );
    await row(options, 'Команда поддержки «Домотеки»').getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await expect
      .poll(() => row(options, 'Команда поддержки «Домотеки»').textContent())
      .toMatch(/версия 2, шаблонов: 2/);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).fill('командный bye');
    await expect
      .poll(() => sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first().textContent())
      .toMatch(/Командный: bye/);
    await demo.close();
    await options.close();
  });

  it.each([
    ['404', (res: import('node:http').ServerResponse) => res.writeHead(404).end('нет такого'), /404/],
    ['500', (res: import('node:http').ServerResponse) => res.writeHead(500).end('упало'), /500/],
    [
      'malformed JSON',
      (res: import('node:http').ServerResponse) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"format": "sufler-pack",'),
      /JSON/,
    ],
    [
      'schema errors',
      (res: import('node:http').ServerResponse) =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ...teamPack('9', { a: 'x' }), name: 42 })),
      /name/,
    ],
    [
      'an HTML sign-in page',
      (res: import('node:http').ServerResponse) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Войдите</html>'),
      /HTML|страниц/,
    ],
  ])('keeps the last good version and shows the reason when the pack answers with %s', async (_, fail, reason) => {
    const path = `/broken-${Math.random().toString(36).slice(2)}.json`;
    server.route(
      path,
      serveStatic(
        JSON.stringify({
          ...teamPack('1', { keep: 'Шаблон, который должен остаться, [Имя].' }),
          id: `team-${path.slice(8, 14)}`,
          name: `Пакет ${path}`,
        }),
      ),
    );
    const options = await openPacksTab(env.browser);
    await subscribe(options, server.url(path));
    const item = row(options, `Пакет ${path}`);
    await expect.poll(() => item.textContent()).toMatch(/шаблонов: 1/);

    server.route(path, (_request, response) => fail(response));
    await item.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await expect
      .poll(() =>
        item
          .getByRole('alert')
          .textContent()
          .catch(() => ''),
      )
      .toMatch(reason);
    expect(await item.textContent()).toMatch(/Последняя успешная синхронизация: \d/);
    expect(await item.textContent()).toMatch(/шаблонов: 1/);
    expect(await item.getByRole('alert').textContent()).toMatch(/последняя исправная версия/);
    await options.close();
  });

  it('verifies a signed pack and rejects a tampered one, keeping the verified version', async () => {
    const keys = await generateSigningKeyPair();
    const { privateKey } = await importSigningKey(keys.privateKeyPem);
    const publish = async (pack: Pack, tamper = false) => {
      const bytes = new TextEncoder().encode(JSON.stringify(pack));
      const signature = await signPackBytes(bytes, privateKey);
      const served = tamper
        ? new TextEncoder().encode(JSON.stringify({ ...pack, name: `${pack.name} (подмена)` }))
        : bytes;
      server.route('/signed.json', serveStatic(served));
      server.route('/signed.json.sig', serveStatic(signature, { type: 'text/plain' }));
    };
    await publish({
      ...teamPack('1', { signed: 'Подписанный ответ, [Имя].' }),
      id: 'signed-team',
      name: 'Подписанный пакет',
    });
    const options = await openPacksTab(env.browser);
    await subscribe(options, server.url('/signed.json'), { publicKey: keys.publicKey });
    const item = row(options, 'Подписанный пакет');
    await expect.poll(() => item.textContent()).toMatch(/версия 1/);

    await publish(
      { ...teamPack('2', { signed: 'Подменённый ответ' }), id: 'signed-team', name: 'Подписанный пакет' },
      true,
    );
    await item.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await expect
      .poll(() =>
        item
          .getByRole('alert')
          .textContent()
          .catch(() => ''),
      )
      .toMatch(/подпис/i);
    expect(await item.textContent()).toMatch(/версия 1/);
    await options.close();
  });

  it('imports a Google-Sheets-style CSV pack', async () => {
    const csv =
      'title,body,tags,category,shortcut,id\n"Трек-номер","[Имя], вот трек-номер: [трек-номер].\nОтследить можно на сайте.","трек, где посылка",Доставка,трек1,csv-track\n';
    server.route('/sheet.csv', serveStatic(csv, { type: 'text/csv; charset=utf-8' }));
    const options = await openPacksTab(env.browser);
    await subscribe(options, server.url('/sheet.csv'));
    await expect.poll(() => options.getByRole('list').last().textContent()).toMatch(/шаблонов: 1/);
    await options.getByRole('tab', { name: 'Библиотека' }).click();
    await options.getByRole('searchbox', { name: 'Поиск по библиотеке' }).fill('трек-номер');
    await expect.poll(() => options.getByRole('table').textContent()).toMatch(/Трек-номер/);
    await options.close();
  });

  it('keeps a customised template through an upstream update and marks the new version', async () => {
    server.route(
      '/custom.json',
      serveStatic(
        JSON.stringify({
          ...teamPack('1', { greet: 'Здравствуйте, [Имя]!' }),
          id: 'custom-team',
          name: 'Пакет для правки',
        }),
      ),
    );
    const options = await openPacksTab(env.browser);
    await subscribe(options, server.url('/custom.json'));
    await expect.poll(() => row(options, 'Пакет для правки').textContent()).toMatch(/версия 1/);

    await options.getByRole('tab', { name: 'Библиотека' }).click();
    await options.getByRole('searchbox', { name: 'Поиск по библиотеке' }).fill('Командный: greet');
    await options
      .getByRole('row', { name: /Командный: greet/ })
      .getByRole('button', { name: 'Изменить' })
      .click();
    const editor = options.getByRole('form', { name: /Изменить шаблон/ });
    await editor.getByLabel(/^Текст/).fill('Анна, здравствуйте! Рада помочь.');
    await editor.getByRole('button', { name: 'Сохранить' }).click();

    server.route(
      '/custom.json',
      serveStatic(
        JSON.stringify({
          ...teamPack('2', { greet: 'Добрый день, [Имя]! Новая версия.' }),
          id: 'custom-team',
          name: 'Пакет для правки',
        }),
      ),
    );
    await options.getByRole('tab', { name: 'Пакеты команды' }).click();
    await row(options, 'Пакет для правки').getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await expect.poll(() => row(options, 'Пакет для правки').textContent()).toMatch(/версия 2/);

    await options.getByRole('tab', { name: 'Библиотека' }).click();
    await options.getByRole('searchbox', { name: 'Поиск по библиотеке' }).fill('Командный: greet');
    const mine = options.getByRole('row', { name: /Командный: greet/ });
    await mine.getByRole('button', { name: 'В пакете есть новая версия' }).click();
    const diff = mine.getByRole('region', { name: 'Что изменилось в пакете' });
    expect(await diff.textContent()).toMatch(/Новая версия/);
    expect(await diff.textContent()).toMatch(/Рада помочь/);
    // The changed words are marked, the unchanged «[Имя]!» is not.
    const [was, now] = [diff.locator('div').nth(0), diff.locator('div').nth(1)];
    expect((await was.locator('del').allTextContents()).join('')).toBe('Здравствуйте');
    const added = (await now.locator('ins').allTextContents()).join('|');
    expect(added).toMatch(/Добрый день/);
    expect(added).toMatch(/Новая версия/);
    expect(await now.locator('ins').filter({ hasText: '[Имя]' }).count()).toBe(0);
    await options.close();
  });
});
