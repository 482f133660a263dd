import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BackgroundProtocol } from '../../lib/messaging/protocol';
import { type PageServer, servePages } from '../demo/serve-pages';
import { type ExtensionBrowser, launchWithExtension } from './launch-browser';

/**
 * One Chromium with the built extension and the fixture page server for a test file, started before its
 * tests and closed after them. Read `.browser` and `.pages` inside tests (they exist once `beforeAll` ran).
 */
export function useExtensionBrowser(before?: () => Promise<void>, options: { locale?: 'ru' | 'en' } = {}) {
  const context = {} as { browser: ExtensionBrowser; pages: PageServer };
  beforeAll(async () => {
    await before?.();
    context.pages = await servePages();
    context.browser = await launchWithExtension(options);
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.pages?.close();
  });
  return context;
}

/** Our own UI in the page: plain `div` hosts named by the own-UI attribute (lib/agent/own-ui-host.ts). */
export const ownUi = (kind: string) => `[data-sufler-ui="${kind}"]`;

/** The «С» launcher badge. Its root is closed; a click on the host lands on the button inside, as a user's. */
export const launcher = (page: Page) => page.locator(ownUi('launcher'));

/**
 * Runs `fn` (a function declaration, `this` = the shadow root) inside the closed shadow root of the first
 * element matching `selector`, through the DevTools protocol — as a debugger sees it; page scripts cannot.
 */
export async function inClosedRoot<T>(page: Page, selector: string, fn: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no ${selector} in the page`);
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error(`${selector} has no shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** The launcher badge's accessible name (inside its closed root). */
export const launcherLabel = (page: Page) =>
  inClosedRoot<string | null>(
    page,
    ownUi('launcher'),
    'function () { return this.querySelector("button").getAttribute("aria-label"); }',
  );

/** The sidebar's frame: an extension page inside the closed shadow root the agent script mounts. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((frame) => frame.url().endsWith('/sidebar.html'))).toBe(true);
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/sidebar.html'))!;
  await frame.getByRole('complementary', { name: /^(Суфлёр|Sufler)$/ }).waitFor();
  return frame;
}

/**
 * Calls the background over the real typed protocol from an extension page, the way the popup and the
 * options page do. (Wire format of @webext-core/messaging: `{ id, type, data, timestamp }` → `{ res | err }`.)
 */
export async function callBackground<K extends keyof BackgroundProtocol>(
  extensionPage: Page,
  type: K,
  data?: Parameters<BackgroundProtocol[K]>[0],
): Promise<ReturnType<BackgroundProtocol[K]>> {
  return extensionPage.evaluate(
    ([type, data]) =>
      new Promise((resolve, reject) => {
        chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }, (response) => {
          if (chrome.runtime.lastError) reject(new Error(chrome.runtime.lastError.message));
          else if (response?.err) reject(new Error(response.err.message ?? JSON.stringify(response.err)));
          else resolve(response?.res);
        });
      }),
    [type, data] as const,
  ) as Promise<ReturnType<BackgroundProtocol[K]>>;
}

export async function openExtensionPage(browser: ExtensionBrowser, path = 'popup.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Asks the agent script in every tab for its URL: proves it is injected and answering on a page. */
export async function pingAgents(browser: ExtensionBrowser): Promise<string[]> {
  return browser.serviceWorker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    const answers = await Promise.all(
      tabs.map((tab) =>
        chrome.tabs
          .sendMessage(tab.id!, { id: 1, type: 'agentPing', timestamp: Date.now() })
          .then((response: { res?: { url: string } }) => response?.res?.url)
          .catch(() => undefined),
      ),
    );
    return answers.filter((url): url is string => typeof url === 'string');
  });
}

export async function openDemo(browser: ExtensionBrowser, pages: PageServer): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${pages.origin}/demo/helpdesk.html`);
  return page;
}

/**
 * Every visible text node and every text-bearing attribute (accessible names, tooltips, placeholders) of a
 * page or frame, open shadow roots included: what the locale tests read. Text marked as another language
 * (`lang="en"` on «English» in the language menu of a Russian page) is that language's on purpose: left out.
 */
const COLLECT_UI_TEXTS = `function () {
  const out = [];
  const pageLang = document.documentElement.lang;
  const visible = (element) => element.getClientRects().length > 0 || element.tagName === 'OPTION';
  const walk = (root) => {
    for (const element of root.querySelectorAll(root === document ? 'body *' : '*')) {
      if (element.shadowRoot) walk(element.shadowRoot);
      if (!visible(element) || element.closest('script, style')) continue;
      const tagged = element.closest('[lang]');
      if (tagged && tagged !== document.documentElement && tagged.lang !== pageLang) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) out.push(value);
      }
      for (const node of element.childNodes) {
        if (node.nodeType === 3 && node.textContent.trim()) out.push(node.textContent.trim());
      }
    }
  };
  walk(document);
  return out;
}`;

export const collectUiTexts = (target: Page | Frame) =>
  target.evaluate(`(${COLLECT_UI_TEXTS}).call(document)`) as Promise<string[]>;
