import { describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { callBackground, openDemo, openExtensionPage, pingAgents, useExtensionBrowser } from './extension-harness';

describe('the built extension in Chromium', () => {
  const env = useExtensionBrowser();

  it('starts its service worker and seeds the bundled default pack into the library', async () => {
    const { pack } = await buildPackFromDir('templates');
    const popup = await openExtensionPage(env.browser);
    const status = await callBackground(popup, 'getStatus');
    expect(status.packs).toEqual([
      expect.objectContaining({ id: pack!.id, version: pack!.version, source: 'bundled' }),
    ]);
    expect(status.templateCount).toBe(pack!.templates.length);
    expect(status.ruleCount).toBe(pack!.rules.length);

    const templates = await callBackground(popup, 'listTemplates');
    expect(templates.map((t) => t.id).sort()).toEqual(pack!.templates.map((t) => t.id).sort());
  });

  it('shows the library size in the popup, in Russian', async () => {
    const popup = await openExtensionPage(env.browser);
    await expect.poll(() => popup.locator('main').textContent()).toMatch(/В библиотеке шаблонов: \d+/);
  });

  it('runs the agent script on the demo helpdesk page, in the top frame', async () => {
    const demo = await openDemo(env.browser, env.pages);
    await expect.poll(() => pingAgents(env.browser)).toContain(demo.url());
  });

  it('refuses protocol messages that do not come from the extension itself', async () => {
    // A web page cannot even address the background: without externally_connectable, chrome.runtime is absent.
    const demo = await openDemo(env.browser, env.pages);
    const reachable = await demo.evaluate(
      () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    );
    expect(reachable).toBe('undefined');
  });
});
