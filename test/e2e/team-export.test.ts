import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackServer, serveStatic, startPackServer } from '../fixtures/pack-server';
import { openExtensionPage, useExtensionBrowser } from './extension-harness';

/**
 * Issue 15: a lead builds a team pack from the options page — «Экспорт как пакет команды» downloads a pack
 * that, published at a URL, an agent subscribes to as it is.
 */
describe('«Экспорт как пакет команды»', () => {
  const env = useExtensionBrowser();
  let server: PackServer;
  beforeAll(async () => {
    server = await startPackServer();
  });
  afterAll(() => server?.close());

  it('downloads a pack that subscribes as the team pack, with the lead’s templates', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    await options.getByRole('table').waitFor();
    await options.getByRole('button', { name: 'Новый шаблон' }).click();
    const editor = options.getByRole('form', { name: 'Новый шаблон' });
    await editor.getByLabel('Название').fill('Ответ команды');
    await editor.getByLabel(/^Текст/).fill('[Имя], спасибо, что написали нам!');
    await editor.getByRole('button', { name: 'Сохранить' }).click();
    await options.getByRole('cell', { name: /^Ответ команды/ }).waitFor();

    await options.getByText('Импорт и экспорт моих шаблонов').click();
    const form = options.getByRole('form', { name: 'Экспорт как пакет команды' });
    await form.getByLabel(/^Название пакета/).fill('Поддержка «Домотеки»');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      form.getByRole('button', { name: 'Экспорт как пакет команды' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^team-podderzhka-domoteki-\d{4}\.\d{2}\.\d{2}\.\d{4}\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    await expect.poll(() => options.getByRole('status').last().textContent()).toMatch(/^Пакет команды выгружен/);

    // Published at a URL, it is a pack an agent subscribes to.
    server.route('/team.json', serveStatic(text));
    await options.getByRole('tab', { name: 'Пакеты команды' }).click();
    await options.getByLabel(/Адрес пакета/).fill(server.url('/team.json'));
    await options.getByRole('button', { name: 'Подписаться' }).click();
    const row = options.getByRole('listitem', { name: 'Пакет «Поддержка «Домотеки»»' });
    await expect.poll(() => row.textContent()).toMatch(/шаблонов: 1/);
    await options.close();
  });
});
