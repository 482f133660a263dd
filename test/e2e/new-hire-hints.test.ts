import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFixturePages } from '../fixtures/pages/build-fixture-pages';
import {
  callBackground,
  launcher,
  openDemo,
  openExtensionPage,
  sidebarFrame,
  useExtensionBrowser,
} from './extension-harness';

/** New-hire mode on the demo helpdesk, through the built extension and the bundled default pack. */
describe('new-hire hints in the extension', () => {
  const env = useExtensionBrowser(buildFixturePages);
  const card = (page: Page) => page.getByRole('dialog', { name: /Суфлёр/ });

  async function inNewHireMode(run: () => Promise<void>) {
    const options = await openExtensionPage(env.browser, 'options.html');
    await callBackground(options, 'saveSettings', { newHireMode: true });
    try {
      await run();
    } finally {
      await callBackground(options, 'saveSettings', { newHireMode: null });
      await options.close();
    }
  }

  it('a reply without a greeting gets the hint; the card inserts the greeting template before the reply', async () => {
    await inNewHireMode(async () => {
      const page = await openDemo(env.browser, env.pages);
      const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
      const text =
        'Ваш заказ передан в доставку, курьер привезёт его завтра до 18:00. Если время неудобно, напишите. Хорошего дня!';
      await reply.click();
      await page.keyboard.type(text);
      // The hint sits on the first word: the caret goes there and Ctrl+. opens its card.
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Control+Period');
      const shown = card(page);
      await shown.waitFor();
      expect(await shown.getAttribute('aria-label')).toContain('«Ваш»');
      expect(await shown.textContent()).toContain('без приветствия');
      const insert = shown.getByRole('button', { name: 'Вставить шаблон «Первое приветствие»' });
      await insert.click();
      // Rendered by the background as the sidebar would: the customer's name read off the demo ticket.
      await expect.poll(() => reply.inputValue()).toMatch(/^Здравствуйте, Анна! Меня зовут/);
      const value = await reply.inputValue();
      expect(value.endsWith(`\n${text}`)).toBe(true);
      // The agent's own name is not set here: [Имя агента] is a finding of its own, so no praise yet.
      expect(await page.getByText('Хороший ответ').count()).toBe(0);
      await page.close();
    });
  });

  it('an error names the template that says it better, and inserting it replaces the phrase', async () => {
    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.click();
    await page.keyboard.type('Анна, это не наша вина.');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Period');
    const shown = card(page);
    await shown.waitFor();
    await shown.getByRole('button', { name: 'Вставить шаблон «Признать нашу ошибку»' }).click();
    await expect.poll(() => reply.inputValue()).not.toContain('не наша вина');
    expect((await reply.inputValue()).startsWith('Анна, ')).toBe(true);
    await page.close();
  });

  it('the sidebar’s «Замечания» offers the same template; its tabs are a keyboard tablist', async () => {
    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.click();
    await page.keyboard.type('Анна, это не наша вина.');
    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    const templatesTab = sidebar.getByRole('tab', { name: 'Шаблоны' });
    const findingsTab = sidebar.getByRole('tab', { name: /^Замечания/ });
    // ←/→ move between the tabs and select them; only the selected one is in the Tab order.
    await templatesTab.focus();
    await sidebar.locator('body').press('ArrowRight');
    await expect.poll(() => findingsTab.getAttribute('aria-selected')).toBe('true');
    expect(await findingsTab.evaluate((tab) => tab === document.activeElement)).toBe(true);
    expect([await templatesTab.getAttribute('tabindex'), await findingsTab.getAttribute('tabindex')]).toEqual([
      '-1',
      '0',
    ]);
    const panel = sidebar.getByRole('tabpanel', { name: /^Замечания/ });
    expect(await panel.getAttribute('id')).toBe(await findingsTab.getAttribute('aria-controls'));
    await panel.getByRole('button', { name: 'Вставить шаблон «Признать нашу ошибку»' }).click();
    await expect.poll(() => reply.inputValue()).not.toContain('не наша вина');
    expect((await reply.inputValue()).startsWith('Анна, ')).toBe(true);
    await sidebar.locator('body').press('Escape');
    await page.close();
  });

  it('a long reply with nothing to improve shows «Хороший ответ», and only in new-hire mode', async () => {
    const text =
      'Здравствуйте, Анна! Ваш заказ 48213 передан в доставку: курьер привезёт его завтра с 10 до 14 часов и позвонит за час до приезда. Если время неудобно, напишите, и я перенесу доставку. Хорошего дня!';
    const type = async () => {
      const page = await openDemo(env.browser, env.pages);
      const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
      await reply.click();
      await reply.fill(text);
      await page.keyboard.press('End');
      return page;
    };
    await inNewHireMode(async () => {
      const page = await type();
      const note = page.getByRole('status').filter({ hasText: 'Хороший ответ' });
      await expect.poll(() => note.isVisible()).toBe(true);
      // A finding (here: «!!!») takes the praise away.
      await page.keyboard.type('!!!');
      await expect.poll(() => note.isVisible()).toBe(false);
      await page.close();
    });
    const page = await type();
    await page.waitForTimeout(300);
    expect(await page.getByText('Хороший ответ').count()).toBe(0);
    await page.close();
  });
});
