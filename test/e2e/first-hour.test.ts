import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackServer, samplePack, serveStatic, startPackServer } from '../fixtures/pack-server';
import { launcher, openDemo, openExtensionPage, sidebarFrame, useExtensionBrowser } from './extension-harness';

/** What a new agent and a team lead hit in their first hour (issue 15), in the built extension. */

async function openSidebar(page: Page): Promise<Frame> {
  await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
  await launcher(page).click();
  return sidebarFrame(page);
}

/** Computed font sizes of visible text-bearing elements, smallest first. */
async function smallestText(target: Page | Frame, selector: string): Promise<{ size: number; text: string }[]> {
  return target.evaluate((selector) => {
    const found: { size: number; text: string }[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent?.trim())
        .join('');
      if (!text || element.getClientRects().length === 0) continue;
      found.push({ size: Number.parseFloat(getComputedStyle(element).fontSize), text: text.slice(0, 40) });
    }
    return found.sort((a, b) => a.size - b.size);
  }, selector);
}

const TEXT = 'body, body *:not(script):not(style)';

async function axeViolations(target: Page | Frame): Promise<{ id: string; impact: string; nodes: number }[]> {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

describe('the first hour of a real user', () => {
  const env = useExtensionBrowser();
  let server: PackServer;
  beforeAll(async () => {
    server = await startPackServer();
  });
  afterAll(() => server?.close());

  it('a team lead: a broken URL is refused with the reason, a sync says what changed, names instead of ids', async () => {
    const options = await openExtensionPage(env.browser, 'options.html#tab=packs');
    const url = options.getByLabel(/Адрес пакета/);
    // A sign-in page where the pack should be: refused, nothing added, the URL kept to be fixed.
    server.route('/login.json', serveStatic('<!doctype html><html><body>Вход</body></html>', { type: 'text/plain' }));
    await url.fill(server.url('/login.json'));
    await options.getByRole('button', { name: 'Подписаться' }).click();
    await expect
      .poll(() => options.getByRole('alert').textContent())
      .toBe(
        'Пакет не загрузился, подписка не добавлена: по адресу открылась веб-страница (вход?), а не пакет — дайте прямую ссылку на файл',
      );
    expect(await options.getByRole('listitem').count()).toBe(0);
    expect(await url.inputValue()).toBe(server.url('/login.json'));

    // A pack with two empty bodies: each error listed once, no stray «: », no «и ещё» with all listed.
    const broken = samplePack({ id: 'domoteka-support', name: 'Поддержка «Домотеки»' }, 2);
    for (const template of broken.templates) template.body = '';
    server.route('/broken.json', serveStatic(JSON.stringify(broken)));
    await url.fill(server.url('/broken.json'));
    await options.getByRole('button', { name: 'Подписаться' }).click();
    await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/ошибок: 2/);
    expect(await options.getByRole('alert').locator('li').allTextContents()).toEqual([
      'templates[0].body: «Текст»: не заполнено',
      'templates[1].body: «Текст»: не заполнено',
    ]);

    const v1 = samplePack(
      { id: 'domoteka-support', name: 'Поддержка «Домотеки»', policy: { guardMode: 'confirm' } },
      3,
    );
    server.route('/team.json', serveStatic(JSON.stringify(v1)));
    await url.fill(server.url('/team.json'));
    await options.getByRole('button', { name: 'Подписаться' }).click();
    const row = options.getByRole('listitem', { name: 'Пакет «Поддержка «Домотеки»»' });
    await expect.poll(() => row.textContent()).toMatch(/версия 1, шаблонов: 3/);

    // The agent opens the sidebar: the new pack is announced once.
    const page = await openDemo(env.browser, env.pages);
    let sidebar = await openSidebar(page);
    const notice = sidebar.getByRole('region', { name: 'Что изменилось в пакетах команды' });
    await expect.poll(() => notice.textContent()).toMatch(/Подключён пакет «Поддержка «Домотеки»» \(версия 1\)/);

    const v2 = {
      ...v1,
      version: '2',
      policy: { guardMode: 'strict' as const, locked: true },
      templates: [{ ...v1.templates[0], title: 'Приветствие команды' }, v1.templates[1]],
    };
    server.route('/team.json', serveStatic(JSON.stringify(v2)));
    await row.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await expect.poll(() => row.textContent()).toMatch(/версия 2, шаблонов: 2/);
    await row.getByText(/Что изменилось/).click();
    expect(await row.locator('.pack-change li').allTextContents()).toEqual([
      'Переименованы: «Шаблон 1» → «Приветствие команды»',
      'Удалены шаблоны (1): «Шаблон 3»',
      'Политика: проверка перед отправкой — спрашивать → строгая',
      'Политика: закреплено руководителем — не задано → да',
    ]);

    await page.reload();
    sidebar = await openSidebar(page);
    await expect.poll(() => notice.textContent().catch(() => '')).toBe('');
    const again = sidebar.getByRole('region', { name: 'Что изменилось в пакетах команды' });
    await expect.poll(() => again.textContent()).toMatch(/обновлён: версия 1 → 2/);
    await again.getByText(/обновлён/).click();
    expect(await again.textContent()).toMatch(/Удалены шаблоны \(1\): «Шаблон 3»/);
    // …and only on the first open after the change.
    await page.reload();
    sidebar = await openSidebar(page);
    await sidebar.getByRole('listbox').getByRole('option').first().waitFor();
    expect(await sidebar.getByRole('region', { name: 'Что изменилось в пакетах команды' }).count()).toBe(0);
    await page.close();

    // The library names packs, never their ids.
    await options.getByRole('tab', { name: 'Библиотека' }).click();
    const packFilter = options.getByRole('combobox', { name: 'Пакет' });
    await expect.poll(() => packFilter.locator('option').count()).toBeGreaterThan(2);
    expect(await packFilter.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['Все пакеты', 'Поддержка «Домотеки»']),
    );
    expect((await packFilter.locator('option').allTextContents()).join()).not.toMatch(
      /domoteka-support|sufler-default/,
    );
    expect(await options.getByRole('table').textContent()).not.toMatch(/domoteka-support|sufler-default/);

    // Unsubscribing can be undone.
    await options.getByRole('tab', { name: 'Пакеты команды' }).click();
    await row.getByRole('button', { name: 'Отписаться' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await options
      .getByRole('status')
      .filter({ hasText: 'Вы отписались' })
      .getByRole('button', { name: 'Отменить' })
      .click();
    await expect.poll(() => row.textContent()).toMatch(/версия 2, шаблонов: 2/);
    await options.close();
  });

  it('«Копировать» puts the rendered template on the clipboard, read back from the page', async () => {
    await env.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.pages.origin });
    const page = await openDemo(env.browser, env.pages);
    const sidebar = await openSidebar(page);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).fill('приветствие');
    const first = sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first();
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    await sidebar.getByRole('button', { name: 'Копировать' }).click();
    await expect.poll(() => sidebar.locator('.notice').textContent()).toMatch(/^Скопировано/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/Здравствуйте, Анна/);
    expect(copied).not.toContain('[Имя]');
    await page.close();
  });

  it('the popup on a page where Суфлёр already runs says it is on, and offers to open the panel', async () => {
    const popup = await openExtensionPage(env.browser, 'popup.html');
    const page = await openDemo(env.browser, env.pages);
    await page.bringToFront();
    await popup.reload(); // a background tab: the demo page stays the active one
    const site = popup.getByRole('region', { name: 'Этот сайт' });
    await expect.poll(() => site.textContent()).toMatch(/^Работает на этом сайте\./);
    expect(await site.getByRole('button', { name: 'Включить на этом сайте' }).count()).toBe(0);
    expect(await site.getByRole('button', { name: /Открыть панель/ }).count()).toBe(1);
    await Promise.all([popup.close(), page.close()]);
  });

  it('sets body text at 13 px or more in the sidebar, the options page and the popup', async () => {
    const page = await openDemo(env.browser, env.pages);
    const sidebar = await openSidebar(page);
    await sidebar.getByRole('listbox').getByRole('option').first().waitFor();
    const inSidebar = await smallestText(sidebar, TEXT);
    expect(inSidebar[0].size, JSON.stringify(inSidebar.slice(0, 3))).toBeGreaterThanOrEqual(13);
    // A result's title is never smaller than its category line.
    const [title, meta] = await Promise.all(
      ['.result .title', '.result .meta'].map((selector) =>
        sidebar
          .locator(selector)
          .first()
          .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
      ),
    );
    expect(title).toBeGreaterThanOrEqual(meta);
    await page.close();
    for (const path of ['options.html', 'options.html#tab=packs', 'options.html#tab=settings', 'popup.html']) {
      const surface = await openExtensionPage(env.browser, path);
      await surface.getByRole('heading', { name: 'Суфлёр' }).waitFor();
      await surface.waitForTimeout(300);
      const sizes = await smallestText(surface, TEXT);
      expect(sizes[0].size, `${path}: ${JSON.stringify(sizes.slice(0, 3))}`).toBeGreaterThanOrEqual(13);
      await surface.close();
    }
  });

  it('follows a dark system theme and the «Оформление» setting, with contrast that passes axe-core', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await env.browser.context.pages()[0]?.emulateMedia({ colorScheme: scheme });
      const options = await openExtensionPage(env.browser, 'options.html');
      await options.emulateMedia({ colorScheme: scheme });
      await options.getByRole('table').waitFor();
      const background = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(20, 22, 25)' : 'rgb(246, 247, 249)');
      const contrast = (await axeViolations(options)).filter((v) => v.id === 'color-contrast');
      expect(contrast, scheme).toEqual([]);
      await options.close();

      const page = await openDemo(env.browser, env.pages);
      await page.emulateMedia({ colorScheme: scheme });
      const sidebar = await openSidebar(page);
      await sidebar.getByRole('listbox').getByRole('option').first().waitFor();
      const sidebarBackground = await sidebar.evaluate(
        () => getComputedStyle(document.querySelector('.sidebar')!).backgroundColor,
      );
      expect(sidebarBackground).toBe(scheme === 'dark' ? 'rgb(29, 31, 35)' : 'rgb(255, 255, 255)');
      expect(
        (await axeViolations(sidebar)).filter((v) => v.id === 'color-contrast'),
        scheme,
      ).toEqual([]);
      await page.close();

      const popup = await openExtensionPage(env.browser, 'popup.html');
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByRole('heading', { name: 'Суфлёр' }).waitFor();
      expect(
        (await axeViolations(popup)).filter((v) => v.id === 'color-contrast'),
        scheme,
      ).toEqual([]);
      await popup.close();
    }

    // The setting wins over the system: dark chosen in a light system.
    const settings = await openExtensionPage(env.browser, 'options.html#tab=settings');
    await settings.emulateMedia({ colorScheme: 'light' });
    await settings.getByLabel('Оформление').selectOption({ label: 'Тёмное' });
    await expect
      .poll(() => settings.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe('rgb(20, 22, 25)');
    await settings.getByLabel('Оформление').selectOption({ label: 'Как в системе' });
    await settings.close();
  });
});
