import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { launcher, openDemo, openExtensionPage, sidebarFrame, useExtensionBrowser } from './extension-harness';

/**
 * Issue 15, the other half of the locale check: in the Russian UI no string is Latin-only (an English word
 * that missed its Russian), outside user data and the names that are Latin in Russian too (key names,
 * formats, URLs).
 */

/** Latin in a Russian UI on purpose: key names, file formats, addresses. */
const LATIN_ALLOWED = [/^Enter$/, /^Escape$/, /^https?:\/\//, /^(JSON|CSV)$/];

const COLLECT = `function () {
  const out = [];
  const visible = (element) => element.getClientRects().length > 0 || element.tagName === 'OPTION';
  for (const element of document.querySelectorAll('body *')) {
    if (!visible(element) || element.closest('script, style')) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value) out.push(value);
    }
    for (const node of element.childNodes) {
      if (node.nodeType === 3 && node.textContent.trim()) out.push(node.textContent.trim());
    }
  }
  return out;
}`;

const collect = (target: Page | Frame) => target.evaluate(`(${COLLECT}).call(document)`) as Promise<string[]>;

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
});
