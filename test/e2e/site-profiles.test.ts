import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITE_PROFILES } from '../../lib/sites';
import { SITE_EVIDENCE } from '../../lib/sites/evidence';
import { callBackground, launcher, openExtensionPage, sidebarFrame, useExtensionBrowser } from './extension-harness';

const BODY = '[Имя], заказ [номер заказа] по обращению [номер обращения] проверен.';

/** The reply box of a fixture page: each replica marks its editor with aria-label «Ответ клиенту». */
const replyOf = (page: Page) => page.locator('[aria-label="Ответ клиенту"]');

describe('built-in site profiles in the extension', () => {
  const env = useExtensionBrowser();

  it('has a personal template with the order and ticket placeholders', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    const saved = await callBackground(options, 'createTemplate', {
      title: 'Проверка по заказу',
      body: BODY,
      tags: ['заказ'],
      category: 'Личные',
    });
    expect(saved.ok).toBe(true);
    await options.close();
  });

  for (const profile of SITE_PROFILES) {
    const { product, fixtures } = SITE_EVIDENCE[profile.id];
    for (const fixture of fixtures) {
      it(`${product}: inserts the name, order number and ticket number read from the page, no form`, async () => {
        const page = await env.browser.context.newPage();
        await page.goto(`${env.pages.origin}/fixtures/pages/sites/${fixture.page}${fixture.query ?? ''}`);
        await replyOf(page).click();
        await launcher(page).click();
        const sidebar = await sidebarFrame(page);
        const search = sidebar.getByRole('searchbox', { name: /Поиск/ });
        await search.fill('проверка по заказу');
        const first = sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first();
        await expect.poll(() => first.locator('.title').textContent()).toBe('Проверка по заказу');
        await search.press('Enter');
        const expected = `${fixture.expect.firstName}, заказ ${fixture.expect.orderNumber} по обращению ${fixture.expect.ticketId} проверен.`;
        await expect.poll(() => replyOf(page).textContent()).toBe(expected);
        expect(await sidebar.getByRole('form').count()).toBe(0);
        await page.close();
      });
    }
  }

  it('Zammad (new UI): a banned draft is held on «Обновить» in the bottom bar, outside the reply panel', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/sites/zammad.html?route=/desktop/tickets/42`);
    await replyOf(page).click();
    await page.keyboard.type('Игорь, ничем не могу помочь.');
    await page.waitForTimeout(150);
    await page.getByRole('button', { name: 'Обновить' }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await page.evaluate(() => (window as unknown as { sent: unknown[] }).sent.length)).toBe(0);
    await page.close();
  });
});
