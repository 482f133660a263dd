import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import {
  collectUiTexts,
  launcher,
  launcherLabel,
  openDemo,
  openExtensionPage,
  sidebarFrame,
  useExtensionBrowser,
} from './extension-harness';

/**
 * Issue 15, the other half of the locale check: in the Russian UI no string is Latin-only (an English word
 * that missed its Russian), outside user data and the names that are Latin in Russian too (key names,
 * formats, URLs).
 */

/** Latin in a Russian UI on purpose: key names, file formats, addresses. */
const LATIN_ALLOWED = [/^Enter$/, /^Escape$/, /^https?:\/\//, /^(JSON|CSV)$/];

const collect = collectUiTexts;

describe('the Russian locale', () => {
  const env = useExtensionBrowser();
  let content = new Set<string>();
  beforeAll(async () => {
    const { pack } = await buildPackFromDir(join(import.meta.dirname, '../../templates'));
    const visit = (value: unknown) => {
      if (typeof value === 'string') content.add(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(visit);
    };
    visit(pack);
    content = new Set([...content].flatMap((text) => [text, ...text.split('\n')]));
  });

  const latinOnly = (texts: string[]) =>
    [...new Set(texts)].filter(
      (text) =>
        /[A-Za-z]/.test(text) &&
        !/[\u0400-\u04FF]/.test(text) &&
        !LATIN_ALLOWED.some((pattern) => pattern.test(text)) &&
        ![...content].some((item) => item.includes(text)),
    );

  it('the sidebar, every options tab and the popup have no Latin-only UI text', async () => {
    const page = await openDemo(env.browser, env.pages);
    await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    await sidebar.getByRole('listbox').getByRole('option').first().waitFor();
    expect(latinOnly(await collect(sidebar)), 'sidebar').toEqual([]);
    await page.close();

    const options = await openExtensionPage(env.browser, 'options.html');
    await options.getByRole('table').waitFor();
    for (const tab of ['Библиотека', 'Пакеты команды', 'Статистика', 'Настройки']) {
      await options.getByRole('tab', { name: tab }).click();
      await options.getByRole('tabpanel', { name: tab }).waitFor();
      await options.waitForTimeout(200);
      expect(latinOnly(await collect(options)), tab).toEqual([]);
    }
    await options.close();
    const popup = await openExtensionPage(env.browser, 'popup.html');
    await popup.getByRole('heading', { name: 'Суфлёр' }).waitFor();
    expect(latinOnly(await collect(popup)), 'popup').toEqual([]);
    await popup.close();
  });

  it('«Язык интерфейса: English» in a Russian browser: options, the badge, the card and the sidebar read English', async () => {
    const options = await openExtensionPage(env.browser, 'options.html#tab=settings');
    await options.getByLabel('Язык интерфейса').selectOption('en');
    // The open page follows at once, without a reload, and keeps the tab it was on.
    await options.getByRole('tabpanel', { name: 'Settings' }).waitFor();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await options.getByRole('tab').allTextContents()).toEqual([
      'Library',
      'Team packs',
      'Statistics',
      'Settings',
    ]);
    try {
      const page = await openDemo(env.browser, env.pages);
      await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
      await page.keyboard.type('Анна, к сожалению, ничем не могу помочь.');
      await expect.poll(() => launcherLabel(page)).toBe('Open Sufler: reply templates. Findings — errors: 1');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Control+Period');
      const card = page.getByRole('dialog', { name: /^Sufler finding/ });
      await card.waitFor();
      expect(await card.getByRole('button', { name: 'Skip' }).count()).toBe(1);
      await page.keyboard.press('Escape');
      await launcher(page).click();
      const sidebar = await sidebarFrame(page);
      await sidebar.getByRole('searchbox', { name: 'Search templates' }).waitFor();
      expect(await sidebar.getByRole('tab').allTextContents()).toEqual(['Templates', 'Findings (1)']);
      await page.close();
    } finally {
      // Back to the browser's language (Russian here) for whatever runs next in this browser.
      await options.getByLabel('Interface language').selectOption('');
      await options.getByRole('tabpanel', { name: 'Настройки' }).waitFor();
      await options.close();
    }
  });
});
