import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  callBackground,
  launcher,
  openDemo,
  openExtensionPage,
  ownUi,
  sidebarFrame,
  useExtensionBrowser,
} from './extension-harness';

/** Focuses the reply box (unless the test already placed the caret there) and clicks the launcher badge. */
async function openSidebarFromBadge(page: Page, { focusReply = true } = {}): Promise<Frame> {
  if (focusReply) await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
  await launcher(page).click();
  return sidebarFrame(page);
}

describe('the sidebar on the demo helpdesk', () => {
  const env = useExtensionBrowser();

  it('opens from the launcher badge with the search box focused and recent templates listed', async () => {
    const page = await openDemo(env.browser, env.pages);
    const sidebar = await openSidebarFromBadge(page);
    const search = sidebar.getByRole('searchbox', { name: /Поиск/ });
    await expect
      .poll(() => search.evaluate((input) => input === document.activeElement && document.hasFocus()))
      .toBe(true);
    expect(await sidebar.getByRole('listbox').getByRole('option').count()).toBeGreaterThan(5);
    await page.close();
  });

  it('finds a template typed in the wrong keyboard layout and inserts it with Enter, name filled from the page', async () => {
    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    // A draft that does not greet yet: after a greeting the template's own would be left out (fill-in-form.test.ts).
    await reply.fill('Спасибо за фото.\n');
    const sidebar = await openSidebarFromBadge(page);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).pressSequentially('ghbdtncndbt'); // «приветствие»
    const first = sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first();
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    const title = await first.locator('.title').textContent();
    expect(title).toMatch(/приветств/i);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).press('Enter');

    // A template with fill-ins the page cannot supply asks for them first; fill what is asked.
    const form = sidebar.getByRole('form');
    if (await form.isVisible().catch(() => false)) {
      for (const field of await form.getByRole('textbox').all()) await field.fill('проверка');
      await form.getByRole('button', { name: 'Вставить' }).click();
    }
    await expect.poll(() => reply.inputValue()).toMatch(/^Спасибо за фото\.\nЗдравствуйте, Анна!/);
    expect(await reply.inputValue()).not.toContain('[Имя]');
    await page.close();
  });

  it('finds the other aspect and slang through the bundled lexicon, and says when it found only partial matches', async () => {
    const page = await openDemo(env.browser, env.pages);
    const sidebar = await openSidebarFromBadge(page);
    const search = sidebar.getByRole('searchbox', { name: /Поиск/ });
    const firstTitle = () =>
      sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first().locator('.title').textContent();
    // «опаздывает» / «опоздал»: one lemma only through the lexicon compiled into the pack.
    await search.fill('курьер опаздывает');
    await expect.poll(firstTitle).toMatch(/задерживается/);
    // Slang, through the default thesaurus.
    await search.fill('накосячили');
    await expect.poll(firstTitle).toMatch(/ошибку/);
    const reason = sidebar.getByText(/Ничего точно не нашлось — похожие/);
    expect(await reason.count()).toBe(0);
    // No template is about both: the best partial matches, with the reason.
    await search.fill('пароль холодильник');
    await expect.poll(() => reason.count()).toBe(1);
    expect(await sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('asks for the fill-ins it cannot fill, then inserts a multi-line reply at the caret', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    const saved = await callBackground(options, 'createTemplate', {
      title: 'Передали курьеру',
      body: '[Имя], заказ [номер заказа] передан курьеру.\nОн привезёт его [дата доставки].',
      tags: ['курьер'],
      category: 'Личные',
    });
    expect(saved.ok).toBe(true);

    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.fill('Начало. Конец.');
    await reply.click();
    await reply.evaluate((box: HTMLTextAreaElement) => box.setSelectionRange(8, 8));
    const sidebar = await openSidebarFromBadge(page, { focusReply: false });
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).fill('передали курьеру');
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).press('Enter');
    const form = sidebar.getByRole('form');
    await form.waitFor();
    await form.getByRole('textbox', { name: 'номер заказа' }).fill('Д-1048213');
    await page.keyboard.press('Tab');
    await form.getByRole('textbox', { name: 'дата доставки' }).fill('в субботу');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => reply.inputValue())
      .toBe('Начало. Анна, заказ Д-1048213 передан курьеру.\nОн привезёт его в субботу.Конец.');
    await page.close();
  });

  it('closes on Escape and gives the focus back to the reply box', async () => {
    const page = await openDemo(env.browser, env.pages);
    const sidebar = await openSidebarFromBadge(page);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reply');
    await expect.poll(() => sidebar.isDetached() || page.locator(ownUi('sidebar')).isHidden()).toBe(true);
    await page.close();
  });

  it('keeps keystrokes typed in the sidebar away from the page', async () => {
    const page = await openDemo(env.browser, env.pages);
    await page.evaluate(() => {
      (window as unknown as { pageKeys: number }).pageKeys = 0;
      for (const target of [window, document])
        target.addEventListener('keydown', () => (window as unknown as { pageKeys: number }).pageKeys++, true);
    });
    const sidebar = await openSidebarFromBadge(page);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).pressSequentially('возврат');
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).press('ArrowDown');
    expect(await page.evaluate(() => (window as unknown as { pageKeys: number }).pageKeys)).toBe(0);
    await page.close();
  });

  it('is styled by itself on a page that resets every style with !important, and the page shortcuts stay silent', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/hostile.html`);
    const sidebar = await openSidebarFromBadge(page);
    const frameBox = await page.locator(ownUi('sidebar')).boundingBox();
    expect(frameBox).toMatchObject({ x: 1280 - 380, y: 0, width: 380, height: 800 });
    const search = sidebar.getByRole('searchbox', { name: /Поиск/ });
    expect(await search.evaluate((input) => getComputedStyle(input).borderTopStyle)).toBe('solid');
    await search.pressSequentially('jgkfnf'); // «оплата» in the wrong layout
    await search.press('ArrowDown');
    expect(await page.evaluate(() => (window as unknown as { shortcutsFired: string[] }).shortcutsFired)).toEqual([]);
    expect(await sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('never covers the reply box and remembers being open on this site', async () => {
    const page = await openDemo(env.browser, env.pages);
    await openSidebarFromBadge(page);
    const sidebarBox = (await page.locator(ownUi('sidebar')).boundingBox())!;
    const replyBox = (await page.getByRole('textbox', { name: 'Ответ клиенту' }).boundingBox())!;
    expect(replyBox.x + replyBox.width).toBeLessThanOrEqual(sidebarBox.x);

    await page.reload();
    await sidebarFrame(page);
    expect(await page.locator(ownUi('sidebar')).isVisible()).toBe(true);
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await openDemo(env.browser, env.pages);
    const sidebar = await openSidebarFromBadge(page);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).fill('возврат');
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await sidebar.evaluate(axeSource);
    const violations = await sidebar.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } })
        .axe;
      const result = await axe.run();
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
