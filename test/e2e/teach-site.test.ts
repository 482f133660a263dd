import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  callBackground,
  launcher,
  openExtensionPage,
  ownUi,
  sidebarFrame,
  useExtensionBrowser,
} from './extension-harness';
import { type ExtensionBrowser, launchWithExtension } from './launch-browser';

const TITLE = 'Заказ на проверке';
const EXPECTED = 'Анна, заказ Д-1048213 по обращению 58213 на проверке.';
/** A hash-routed desk: the ticket number is only in the address, as in many single-page helpdesks. */
const TICKET_URL = '/fixtures/pages/sites/unknown-desk.html#/tickets/58213';

/** A trusted click at an element's centre: the picker's overlay takes it, the page underneath never does. */
async function pointAt(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
}

async function insertTemplate(browser: ExtensionBrowser, origin: string) {
  const page = await browser.context.newPage();
  await page.goto(`${origin}${TICKET_URL}`);
  const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
  await reply.click();
  await launcher(page).click();
  const sidebar = await sidebarFrame(page);
  const search = sidebar.getByRole('searchbox', { name: /Поиск/ });
  await search.fill('заказ на проверке');
  const first = sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first();
  await expect.poll(() => first.locator('.title').textContent()).toBe(TITLE);
  await search.press('Enter');
  return { page, reply, sidebar };
}

describe('teaching a site by pointing', () => {
  const env = useExtensionBrowser();
  let exported = '';

  it('the name and order number the agent points at, and the ticket number from the address, fill the next insert, also after a reload; Настройки shows them', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    await callBackground(options, 'createTemplate', {
      title: TITLE,
      body: '[Имя], заказ [номер заказа] по обращению [номер обращения] на проверке.',
      tags: ['заказ'],
      category: 'Личные',
    });

    // Unknown site: the form asks for all three.
    const before = await insertTemplate(env.browser, env.pages.origin);
    const form = before.sidebar.getByRole('form');
    await form.waitFor();
    expect(await form.getByRole('textbox').count()).toBe(3);
    await form.getByRole('button', { name: 'Назад' }).click();

    // The clicks land on Суфлёр's overlay: the page's own elements (a name that links to the customer's card,
    // an order number that opens the shop) never get them; the document sees only our host as the target.
    await before.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { pageClicks: string[] }).pageClicks = seen;
      document.addEventListener(
        'click',
        (event) =>
          seen.push((event.target as Element).getAttribute('data-sufler-ui') ?? (event.target as Element).localName),
        true,
      );
      for (const selector of ['.client-title', '.order-line'])
        document.querySelector(selector)!.addEventListener('click', () => seen.push(selector));
    });
    await before.sidebar.getByRole('button', { name: 'Научить Суфлёр этому сайту' }).click();
    const picker = before.page
      .locator(ownUi('site-picker'))
      .getByRole('dialog', { name: 'Научить Суфлёр этому сайту' });
    await picker.getByText(/имя клиента/).waitFor();
    await pointAt(before.page, '.client-title');
    await picker.getByText('Прочитано: «Анна Смирнова»').waitFor();
    await picker.getByRole('button', { name: 'Сохранить' }).click();

    await picker.getByText(/номер заказа \(2 из 3\)/).waitFor();
    await pointAt(before.page, '.order-line');
    await picker.getByText('Прочитано: «Заказ Д-1048213 · оплачен 20 ноября»').waitFor();
    await picker.getByRole('textbox').fill('Д-1048213');
    await picker.getByRole('button', { name: 'Сохранить' }).click();
    await picker.getByText('Запомнил номер заказа: Д-1048213').waitFor();

    // The ticket number is nowhere on the page: taken from the address, the agent keeps only the number.
    await picker.getByRole('button', { name: 'Взять из адреса страницы' }).click();
    await picker.getByText(/^Прочитано: «http:.*#\/tickets\/58213»$/).waitFor();
    await picker.getByRole('textbox').fill('58213');
    await picker.getByRole('button', { name: 'Сохранить' }).click();
    await picker.getByText('Запомнил номер обращения: 58213').waitFor();
    await picker.getByRole('button', { name: 'Закрыть' }).click();
    const seen = await before.page.evaluate(() => (window as unknown as { pageClicks: string[] }).pageClicks);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['site-picker']));
    await before.page.close();

    const taught = await insertTemplate(env.browser, env.pages.origin);
    await expect.poll(() => taught.reply.inputValue()).toBe(EXPECTED);
    expect(await taught.sidebar.getByRole('form').count()).toBe(0);

    await taught.page.reload();
    await taught.page.close();
    const reloaded = await insertTemplate(env.browser, env.pages.origin);
    await expect.poll(() => reloaded.reply.inputValue()).toBe(EXPECTED);
    await reloaded.page.close();

    const learned = await callBackground(options, 'listLearnedSites');
    expect(learned).toHaveLength(1);
    expect(learned[0].fields.orderNumber?.pattern).toBeTruthy();
    expect(learned[0].fields.ticketId).toEqual({ pattern: expect.stringContaining('tickets') });

    // Настройки → «Обученные сайты» shows what was taught, and refuses a broken edit naming the site.
    const settings = await openExtensionPage(env.browser, 'options.html#tab=settings');
    const site = settings.getByRole('form', { name: 'Сайт http://127.0.0.1/*' });
    const name = site.getByRole('group', { name: 'Имя клиента — [Имя]' });
    expect(await name.getByRole('textbox', { name: 'Элемент (CSS)' }).inputValue()).toBe(
      learned[0].fields.customerName?.selector,
    );
    await site
      .getByRole('group', { name: 'Номер заказа — [номер заказа]' })
      .getByRole('textbox', { name: 'Шаблон значения (регулярное выражение)' })
      .fill('Заказ (');
    await site.getByRole('button', { name: 'Сохранить' }).click();
    await site
      .getByRole('alert')
      .getByText(/^сайт «127\.0\.0\.1», поле «orderNumber»: «Заказ \(» — не регулярное выражение$/)
      .waitFor();
    expect(await callBackground(options, 'listLearnedSites')).toEqual(learned);
    await settings.close();
    const file = await callBackground(options, 'exportLibrary', { format: 'json' });
    exported = file.text;
    expect(JSON.parse(exported).sites).toHaveLength(1);
    await options.close();
  });

  it('exported in a pack and imported on a fresh profile, the taught fields fill there too', async () => {
    expect(exported).not.toBe('');
    const fresh = await launchWithExtension();
    try {
      const options = await openExtensionPage(fresh, 'options.html');
      const preview = await callBackground(options, 'previewImport', { text: exported, format: 'json' });
      if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
      const applied = await callBackground(options, 'applyImport', {
        text: exported,
        format: 'json',
        expectedDataVersion: preview.dataVersion,
        conflicts: 'import',
      });
      expect(applied.status).toBe('applied');
      const { reply, sidebar } = await insertTemplate(fresh, env.pages.origin);
      await expect.poll(() => reply.inputValue()).toBe(EXPECTED);
      expect(await sidebar.getByRole('form').count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('a page that clicks into the picker itself teaches nothing: only the agent’s own click reads a field', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/sites/unknown-desk.html`);
    await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    await sidebar.getByRole('button', { name: 'Научить Суфлёр этому сайту' }).click();
    const picker = page.locator(ownUi('site-picker')).getByRole('dialog', { name: 'Научить Суфлёр этому сайту' });
    await picker.getByText(/имя клиента/).waitFor();
    // The page's script points our overlay at its own decoy and presses every button of the open root.
    await page.evaluate(() => {
      const host = document.querySelector('[data-sufler-ui="site-picker"]')!;
      const { left, top, width, height } = document.querySelector('.order-line')!.getBoundingClientRect();
      const at = { clientX: left + width / 2, clientY: top + height / 2, bubbles: true, composed: true };
      document.elementFromPoint(at.clientX, at.clientY)?.dispatchEvent(new MouseEvent('click', at));
      for (const button of host.shadowRoot!.querySelectorAll('button')) button.click();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await page.waitForTimeout(300);
    expect(await picker.getByText(/имя клиента/).count()).toBe(1);
    expect(await picker.getByText(/Прочитано/).count()).toBe(0);
    // The agent's own click reads the field (the attack failed, not the picker).
    await pointAt(page, '.client-title');
    await picker.getByText('Прочитано: «Анна Смирнова»').waitFor();
    await page.close();
  });
});
