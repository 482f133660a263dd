import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callBackground, openDemo, openExtensionPage, useExtensionBrowser } from './extension-harness';

/** Through the built extension, on the demo helpdesk (sends on Ctrl+Enter and its «Отправить» button). */
describe('the send guard in the extension', () => {
  const env = useExtensionBrowser();

  const sent = (page: Page) => page.evaluate(() => (window as unknown as { sentMessages?: number }).sentMessages ?? 0);

  async function draft(text: string) {
    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.click();
    await page.keyboard.type(text);
    // The coach has seen the draft once the badge counts it (or shows no findings).
    await page.waitForTimeout(150);
    return { page, reply };
  }

  it('holds Ctrl+Enter with a banned phrase, and «Отправить всё равно» sends exactly once', async () => {
    const { page, reply } = await draft('Анна, ничем не могу помочь.');
    await reply.press('Control+Enter');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect((await dialog.getAttribute('aria-label')) ?? (await dialog.textContent())).toMatch(/ошибк/);
    expect(await sent(page)).toBe(0);
    await dialog.getByRole('button', { name: 'Отправить всё равно' }).click();
    await expect.poll(() => sent(page)).toBe(1);
    await page.waitForTimeout(300);
    expect(await sent(page)).toBe(1);
    await page.close();
  });

  it('holds the page’s «Отправить» button; «Исправить» keeps the draft and selects the phrase', async () => {
    const { page, reply } = await draft('Анна, ничем не могу помочь.');
    await page.getByRole('button', { name: 'Отправить' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Исправить' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await sent(page)).toBe(0);
    expect(await reply.inputValue()).toBe('Анна, ничем не могу помочь.');
    const selected = await reply.evaluate((box: HTMLTextAreaElement) =>
      box.value.slice(box.selectionStart, box.selectionEnd),
    );
    expect(selected).toBe('ничем не могу помочь');
    await page.close();
  });

  it('lets a clean draft go with no dialog', async () => {
    const { page, reply } = await draft('Анна, замену отправим завтра.');
    await reply.press('Control+Enter');
    await expect.poll(() => sent(page)).toBe(1);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.close();
  });

  it('in new-hire mode blocks the send: no «Отправить всё равно»', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    await callBackground(options, 'saveSettings', { newHireMode: true });
    const { page, reply } = await draft('Это не наша вина, ничем не могу помочь.');
    await reply.press('Control+Enter');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Отправить всё равно' }).count()).toBe(0);
    expect(await sent(page)).toBe(0);
    await callBackground(options, 'saveSettings', { newHireMode: null });
    await page.close();
    await options.close();
  });
});
