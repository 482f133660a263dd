import { describe, expect, it } from 'vitest';
import { callBackground, launcher, openExtensionPage, pingAgents, useExtensionBrowser } from './extension-harness';

describe('«Включить на этом сайте» for a helpdesk Суфлёр does not know', () => {
  const env = useExtensionBrowser();

  it('runs the agent script on an enabled origin after a reload, and stops after disabling', async () => {
    // The same demo page, reached as localhost: an origin outside the built-in helpdesk list.
    const origin = env.pages.origin.replace('127.0.0.1', 'localhost');
    const page = await env.browser.context.newPage();
    await page.goto(`${origin}/demo/helpdesk.html`);
    await page.waitForTimeout(300);
    expect(await pingAgents(env.browser)).not.toContain(page.url());

    const popup = await openExtensionPage(env.browser, 'popup.html');
    expect(await callBackground(popup, 'enableSite', { origin })).toEqual({ origin, access: 'enabled' });
    await page.reload();
    await expect.poll(() => pingAgents(env.browser)).toContain(page.url());
    await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    await expect.poll(() => launcher(page).count()).toBe(1);

    expect(await callBackground(popup, 'disableSite', { origin })).toEqual({ origin, access: 'off' });
    await page.reload();
    await page.waitForTimeout(300);
    expect(await pingAgents(env.browser)).not.toContain(page.url());
  });
});
