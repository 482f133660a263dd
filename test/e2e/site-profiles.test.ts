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

  it('has personal templates with the order and ticket placeholders', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    const saved = await callBackground(options, 'createTemplate', {
      title: 'Проверка по заказу',
      body: BODY,
      tags: ['заказ'],
      category: 'Личные',
    });
    expect(saved.ok).toBe(true);
    // For the chat without ticket fields (Telegram, below): a gendered form and the agent's own name too.
    const chat = await callBackground(options, 'createTemplate', {
      title: 'Телеграм: заказ проверен',
      body: '[Имя], я [проверил|проверила] заказ [номер заказа]. [Имя агента], служба заботы',
      tags: ['заказ'],
      category: 'Личные',
    });
    expect(chat.ok).toBe(true);
    await options.close();
  });

  for (const profile of SITE_PROFILES) {
    const { product, fixtures } = SITE_EVIDENCE[profile.id];
    // The helpdesks: name, order and ticket number all from the page. A chat has no ticket (Telegram, below).
    for (const fixture of fixtures.filter(({ expect }) => expect.orderNumber && expect.ticketId)) {
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

  it('Telegram Web K: the name from the chat header; the order number asked, then offered again in this chat only; the agent’s name and gender asked once', async () => {
    const page = await env.browser.context.newPage();
    const chat = `${env.pages.origin}/fixtures/pages/sites/telegram-k.html?route=/k/`;
    await page.goto(`${chat}#@anna_smirnova`);
    await replyOf(page).click();
    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    const choose = async () => {
      const search = sidebar.getByRole('searchbox', { name: /Поиск/ });
      await search.fill('телеграм');
      const chosen = sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option', { selected: true });
      await expect.poll(() => chosen.locator('.title').textContent()).toBe('Телеграм: заказ проверен');
      await search.press('Enter');
      const form = sidebar.getByRole('form');
      await form.waitFor();
      return form;
    };
    const expected = 'Анна, я проверила заказ Д-1048213. Мария, служба заботы';

    // First insert: the page gives the name; the order number, the agent's name and gender are asked.
    let form = await choose();
    expect(await form.getByRole('textbox').count()).toBe(2);
    await form.getByRole('textbox', { name: 'номер заказа' }).fill('Д-1048213');
    await form.getByRole('textbox', { name: 'Имя агента' }).fill('Мария');
    await form.getByRole('radio', { name: 'проверила' }).check();
    await form.getByRole('button', { name: 'Вставить' }).click();
    await expect.poll(() => replyOf(page).textContent()).toBe(expected);

    // Again in this chat: only the order number, pre-filled with the one just used; Enter inserts it.
    await replyOf(page).evaluate((box) => {
      box.textContent = '';
    });
    form = await choose();
    expect(await form.getByRole('textbox').count()).toBe(1);
    expect(await form.getByRole('radio').count()).toBe(0);
    expect(await form.getByRole('textbox', { name: 'номер заказа' }).inputValue()).toBe('Д-1048213');
    await form.getByRole('textbox', { name: 'номер заказа' }).press('Enter');
    await expect.poll(() => replyOf(page).textContent()).toBe(expected);

    // Another chat (another hash route): nothing of Анна's order is offered there, and the agent's name and
    // gender, kept in Настройки, are not asked again.
    await page.close();
    const next = await env.browser.context.newPage();
    await next.goto(`${chat}#@pavel_volkov`);
    await replyOf(next).click();
    await launcher(next).click();
    const other = await sidebarFrame(next);
    const search = other.getByRole('searchbox', { name: /Поиск/ });
    await search.fill('телеграм');
    const chosen = other.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option', { selected: true });
    await expect.poll(() => chosen.locator('.title').textContent()).toBe('Телеграм: заказ проверен');
    await search.press('Enter');
    const otherForm = other.getByRole('form');
    expect(await otherForm.getByRole('textbox', { name: 'номер заказа' }).inputValue()).toBe('');
    expect(await otherForm.getByRole('textbox').count()).toBe(1);
    expect(await otherForm.getByRole('radio').count()).toBe(0);
    await next.close();
  });

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
