import { servePages } from '../../demo/serve-pages';
import { callBackground, openDemo, openExtensionPage } from '../../e2e/extension-harness';
import { launchWithExtension } from '../../e2e/launch-browser';
import { serveStatic, startPackServer } from '../../fixtures/pack-server';
import { buildTestExtension } from './build-test-extension';
import { syntheticPacks } from './synthetic-library';
import { instrument } from './sidebar-timing';
const ext = await buildTestExtension();
const pages = await servePages();
const server = await startPackServer();
const browser = await launchWithExtension({ extensionDir: ext.dir });
await browser.context.addInitScript({ content: `var __name = (f) => f; (${instrument.toString()})();` });
const options = await openExtensionPage(browser, 'options.html');
for (const pack of syntheticPacks(10000)) {
  server.route(`/${pack.id}.json`, serveStatic(JSON.stringify(pack)));
  await callBackground(options, 'subscribe', { url: server.url(`/${pack.id}.json`), kind: 'json' });
}
const page = await openDemo(browser, pages);
await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
let session: any;
page.on('frameattached', async (frame) => {
  await new Promise((r) => setTimeout(r, 0));
});
await page.getByRole('button', { name: /Суфлёр/ }).click();
let frame;
for (;;) { frame = page.frames().find((f) => f.url().endsWith('/sidebar.html')); if (frame) break; await page.waitForTimeout(5); }
await frame.locator('[role=option]').first().waitFor({ timeout: 30000 });
await page.waitForTimeout(1500);
const click = await page.evaluate(() => (window as any).__pageBench.clicks.at(-1));
const bench = await frame.evaluate(() => (window as any).__sidebarBench);
const origin = await frame.evaluate(() => performance.timeOrigin);
console.log('frame origin', origin - click, 'dom', bench.firstOptionInDom - click);
for (const m of bench.messages) console.log(m.type, (m.start - click).toFixed(1), (m.end - click).toFixed(1));
for (const t of bench.longTasks) console.log('long', (t.start - click).toFixed(1), t.duration);
console.log(await frame.evaluate(() => PerformanceObserver.supportedEntryTypes));
await browser.close(); await server.close(); await pages.close(); (await import('node:fs')).rmSync(ext.outDir, { recursive: true, force: true });
