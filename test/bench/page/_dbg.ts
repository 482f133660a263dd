import { servePages } from '../../demo/serve-pages';
import { callBackground, openDemo, openExtensionPage } from '../../e2e/extension-harness';
import { launchWithExtension } from '../../e2e/launch-browser';
import { serveStatic, startPackServer } from '../../fixtures/pack-server';
import { buildTestExtension } from './build-test-extension';
import { syntheticPacks } from './synthetic-library';
const ext = await buildTestExtension();
const pages = await servePages();
const server = await startPackServer();
const browser = await launchWithExtension({ extensionDir: ext.dir });
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
session = await browser.context.newCDPSession(frame);
await session.send('Profiler.enable');
await session.send('Profiler.setSamplingInterval', { interval: 200 });
await session.send('Profiler.start');
await frame.locator('[role=option]').first().waitFor({ timeout: 30000 });
await page.waitForTimeout(1500);
const { profile } = await session.send('Profiler.stop');
const self = new Map<string, number>();
const dt = new Map<number, number>();
profile.samples.forEach((id: number, i: number) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
for (const node of profile.nodes) {
  const f = node.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
}
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ms  ${k}`).join('\n'));
await browser.close(); await server.close(); await pages.close(); (await import('node:fs')).rmSync(ext.outDir, { recursive: true, force: true });
