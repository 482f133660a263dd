import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Worker } from 'playwright-core';

/** Debian's Chromium unless CHROME_PATH names another: Playwright's own browser download is not used. */
const executablePath = () => process.env.CHROME_PATH || '/usr/bin/chromium';

/** Quiet, reproducible, and allowed to run as root in a container; no calls home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Plain headless Chromium without the extension, for tests that inject one lib module into fixture pages. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: executablePath(), args: ['--headless=new', ...CHROMIUM_ARGS] });
}

/** The test build (`npm run build:test`): like the store build, plus the 127.0.0.1 fixture pages. */
export const TEST_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-test');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/**
 * Debian's Chromium (or CHROME_PATH) with the built extension loaded, in a fresh profile. Playwright's own
 * browser download is not used: the system browser is what the machines have.
 */
export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string; locale?: 'ru' | 'en' } = {},
): Promise<ExtensionBrowser> {
  // The browser's UI language is what the extension's UI follows (lib/i18n): `--lang` sets it on Linux.
  const lang = options.locale ?? 'ru';
  const extensionDir = options.extensionDir ?? TEST_EXTENSION_DIR;
  const headless = options.headless ?? true;
  const userDataDir = await mkdtemp(join(tmpdir(), 'sufler-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: executablePath(),
    headless: false, // `--headless=new` below: the old headless mode cannot load extensions.
    viewport: { width: 1280, height: 800 },
    locale: lang === 'en' ? 'en-US' : 'ru-RU',
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_ARGS,
      `--lang=${lang === 'en' ? 'en-US' : 'ru'}`,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
