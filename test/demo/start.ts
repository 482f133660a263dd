/**
 * `npm start`: the newcomer's first look. Serves the demo helpdesk on 127.0.0.1, opens Chromium with the
 * freshly built test extension on it, and keeps running until the browser window is closed.
 * Without a display (a server, CI) it runs headless, saves a screenshot and exits.
 */
import { launchWithExtension } from '../e2e/launch-browser';
import { servePages } from './serve-pages';

const pages = await servePages(undefined, Number(process.env.PORT ?? 0));
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const browser = await launchWithExtension({ headless });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(`${pages.origin}/demo/helpdesk.html`);
console.log(
  `Суфлёр is loaded (extension id ${browser.extensionId}) on the demo helpdesk: ${pages.origin}/demo/helpdesk.html`,
);

if (headless) {
  const file = '.output/demo-screenshot.png';
  await page.waitForTimeout(1000);
  await page.screenshot({ path: file });
  console.log(`No display found: ran headless and saved a screenshot to ${file}.`);
  await browser.close();
  await pages.close();
} else {
  console.log('Close the browser window to stop.');
  browser.context.on('close', () => void pages.close().then(() => process.exit(0)));
}
