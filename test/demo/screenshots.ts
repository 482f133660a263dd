/**
 * The README's light and dark screenshots of the sidebar (on the demo helpdesk) and the options page,
 * taken from the test build: `npm run build:test && flock /tmp/chromium.lock tsx test/demo/screenshots.ts`.
 */
import { launchWithExtension } from '../e2e/launch-browser';
import { servePages } from './serve-pages';

const pages = await servePages();
const browser = await launchWithExtension();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 760 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${pages.origin}/demo/helpdesk.html`);
    await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    // The badge's root is closed: a click on its host lands on the button inside, as a user's.
    await page.locator('[data-sufler-ui="launcher"]').click();
    const frame = await (async () => {
      for (;;) {
        const found = page.frames().find((candidate) => candidate.url().endsWith('/sidebar.html'));
        if (found) return found;
        await page.waitForTimeout(100);
      }
    })();
    await frame.getByRole('searchbox', { name: /Поиск/ }).fill('возврат');
    await frame.getByRole('listbox').getByRole('option').first().waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `test/demo/sidebar-${scheme}.png` });
    await page.close();

    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 1280, height: 760 });
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('table').locator('tbody tr').first().waitFor();
    await options.screenshot({ path: `test/demo/options-${scheme}.png` });
    await options.close();
  }
} finally {
  await browser.close();
  await pages.close();
}
