/**
 * Budgets 2 and 3, in real Chromium with the built test extension on the demo helpdesk: sidebar open →
 * first result visible (issue 19: cold ≤ 100 ms p95 with the frame prepared, beside the frame made on
 * click in the same run; warm ≤ 40 ms), and keystroke → results updated (≤ 16 ms p95), with the default
 * library as the baseline and then with 10,000 more templates subscribed from a local pack server.
 *
 * Clocks: every figure is read on the browser's own clocks, not by polling from Node. The click is stamped
 * in the page (`timeOrigin + event.timeStamp` of the trusted click on the launcher badge); "visible" is
 * stamped in the sidebar frame by an IntersectionObserver on the first option (`timeOrigin + entry.time`:
 * the rendering step in which the option first intersects the viewport, i.e. laid out and about to paint).
 * The sidebar frame is an out-of-process extension frame, so the two stamps come from two renderer
 * processes; their `timeOrigin`s are checked against each other in the run (the skew bound is printed).
 * Keystrokes are stamped inside the frame alone (keydown `event.timeStamp` → MutationObserver on the
 * listbox), one clock, so only the 5–100 µs timer coarsening applies.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import { type PageServer, servePages } from '../../demo/serve-pages';
import { callBackground, launcher, openDemo, openExtensionPage } from '../../e2e/extension-harness';
import { type ExtensionBrowser, launchWithExtension } from '../../e2e/launch-browser';
import { type PackServer, serveStatic, startPackServer } from '../../fixtures/pack-server';
import { median, ms, percentile, table } from '../measure';
import { syntheticPacks } from '../synthetic-library';

/** Issue 19: cold open ≤ 100 ms p95, warm ≤ 40 ms (median), at 10k. */
const COLD_BUDGET_MS = 100;
const WARM_BUDGET_MS = 40;
const KEY_BUDGET_MS = 16;
const LIBRARY = 10_000;
/**
 * Fresh tabs per library and way of opening (each tab's first open is a cold open), and warm reopens per
 * tab (in the prepared tabs only: a reopen is the same either way).
 */
const COLD_OPENS = Number(process.env.BENCH_COLD_OPENS) || 10;
const WARM_OPENS = 3;
/** How long the agent is in the reply box before opening the sidebar, in the prepared tabs (`BENCH_BEFORE_OPEN_MS`). */
const BEFORE_OPEN_MS = Number(process.env.BENCH_BEFORE_OPEN_MS) || 1500;
const QUERIES = ['вернуть деньги', 'курьер опоздал', 'djpdhfn'];
const KEY_ROUNDS = 2;
/** `BENCH_OPEN_TRACE=1`: print each cold open's timeline (`traceOpen`). */
const TRACE = Boolean(process.env.BENCH_OPEN_TRACE);

/** One protocol call a frame made, on the absolute clock (sent → answered). */
interface MessageSpan {
  type: string;
  start: number;
  end: number;
}

interface BenchWindow {
  __sidebarBench?: {
    visible: { at: number; visible: boolean }[];
    firstOptionInDom: number;
    /** Messages the frame sent to the background. */
    messages: MessageSpan[];
    keys: { down: number; input: number; dom: number }[];
    pendingKey: { down: number; input: number } | null;
    /** Long animation frames (for BENCH_OPEN_TRACE), on the absolute clock; `render` 0 when none rendered. */
    longFrames: { start: number; render: number; end: number; scripts: number }[];
  };
  /** The inline picker frame's messages (for BENCH_OPEN_TRACE): its library read competes with the sidebar's. */
  __pickerBench?: { messages: MessageSpan[] };
  __pageBench?: { clicks: number[] };
}

/**
 * Installed in every frame before its scripts run; only the sidebar and picker frames and the top page act on it.
 * Runs as a string in the browser, so it must be self-contained.
 */
export function instrument() {
  const w = window as unknown as BenchWindow;
  const now = () => performance.timeOrigin + performance.now();
  // Time each protocol call: @webext-core/messaging calls `chrome.runtime.sendMessage(message, callback)`,
  // looking it up per call.
  const recordMessages = (messages: MessageSpan[]) => {
    const runtime = (globalThis as unknown as { chrome: typeof chrome }).chrome.runtime as unknown as {
      sendMessage(...args: unknown[]): unknown;
    };
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      const type = (args[0] as { type?: string } | undefined)?.type ?? '?';
      const start = now();
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function')
        args[last] = (...results: unknown[]) => {
          messages.push({ type, start, end: now() });
          return callback(...results);
        };
      return send(...args);
    };
  };
  if (location.protocol === 'chrome-extension:' && location.pathname.endsWith('/picker.html')) {
    w.__pickerBench = { messages: [] };
    recordMessages(w.__pickerBench.messages);
  } else if (location.protocol === 'chrome-extension:' && location.pathname.endsWith('/sidebar.html')) {
    const bench = {
      visible: [],
      firstOptionInDom: 0,
      messages: [],
      keys: [],
      pendingKey: null,
      longFrames: [],
    } as NonNullable<BenchWindow['__sidebarBench']>;
    w.__sidebarBench = bench;
    recordMessages(bench.messages);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        renderStart: number;
        scripts: { duration: number }[];
      })[])
        bench.longFrames.push({
          start: performance.timeOrigin + entry.startTime,
          render: entry.renderStart && performance.timeOrigin + entry.renderStart,
          end: performance.timeOrigin + entry.startTime + entry.duration,
          scripts: entry.scripts.reduce((sum, script) => sum + script.duration, 0),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
    const io = new IntersectionObserver((entries) => {
      for (const entry of entries)
        bench.visible.push({ at: performance.timeOrigin + entry.time, visible: entry.isIntersecting });
    });
    let first: Element | null = null;
    let listbox: Element | null = null;
    // Keystroke → first DOM change in the listbox (React commits the new results in one go).
    const onListChange = () => {
      const pending = bench.pendingKey;
      if (!pending) return;
      bench.pendingKey = null;
      bench.keys.push({ down: pending.down, input: pending.input, dom: performance.now() });
    };
    const listObserver = new MutationObserver(onListChange);
    new MutationObserver(() => {
      const option = document.querySelector('[role="option"]');
      if (option && !bench.firstOptionInDom) bench.firstOptionInDom = performance.timeOrigin + performance.now();
      // Only the first option ever rendered: later ones belong to queries, not to opening.
      if (option && !first) {
        first = option;
        io.observe(option);
      }
      const list = document.querySelector('[role="listbox"]');
      if (list && list !== listbox) {
        listbox = list;
        listObserver.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
      }
    }).observe(document, { childList: true, subtree: true });
    addEventListener('keydown', (event) => (bench.pendingKey = { down: event.timeStamp, input: 0 }), true);
    addEventListener(
      'input',
      () => {
        if (bench.pendingKey && !bench.pendingKey.input) bench.pendingKey.input = performance.now();
      },
      true,
    );
  } else if (window === window.top && location.protocol === 'http:') {
    const bench = { clicks: [] as number[] };
    w.__pageBench = bench;
    addEventListener('click', (event) => bench.clicks.push(performance.timeOrigin + event.timeStamp), true);
  }
}

/**
 * The demo with its reply box focused by the page's own script on load, with no user activation (a
 * Playwright `evaluate` would carry a user gesture, which the agent rightly counts as the agent's).
 */
export async function openDemoFocusedByScript(browser: ExtensionBrowser, pages: PageServer): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(() =>
    addEventListener('load', () => (document.getElementById('reply') as HTMLElement | null)?.focus()),
  );
  await page.goto(`${pages.origin}/demo/helpdesk.html`);
  return page;
}

async function sidebarFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 400; i++) {
    const frame = page.frames().find((candidate) => candidate.url().endsWith('/sidebar.html'));
    if (frame) return frame;
    await page.waitForTimeout(25);
  }
  throw new Error('the sidebar frame did not appear');
}

/** Waits (polling inside the frame) for the `n`-th visibility entry of the first option; returns it. */
async function visibilityEntry(frame: Frame, n: number): Promise<{ at: number; visible: boolean }> {
  await frame.waitForFunction(
    (count) => ((window as unknown as BenchWindow).__sidebarBench?.visible.length ?? 0) >= count,
    n,
    { timeout: 30_000, polling: 20 },
  );
  return frame.evaluate((index) => (window as unknown as BenchWindow).__sidebarBench!.visible[index], n - 1);
}

const lastClick = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__pageBench!.clicks.at(-1)!);

/**
 * Bounds on the two renderers' `timeOrigin + now()` disagreement: page, frame, page read in sequence; a
 * frame stamp earlier than the page's before it, or later than the page's after it, is skew.
 */
async function clockSkew(page: Page, frame: Frame): Promise<{ low: number; high: number }> {
  const now = () => performance.timeOrigin + performance.now();
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 20; i++) {
    const before = await page.evaluate(now);
    const inFrame = await frame.evaluate(now);
    const after = await page.evaluate(now);
    // skew = frame clock − page clock ∈ [before − inFrame … after − inFrame] reversed in sign
    low = Math.max(low, inFrame - after);
    high = Math.min(high, inFrame - before);
  }
  return { low, high };
}

interface OpenSamples {
  cold: number[];
  coldDom: number[];
  /** Cold opens: click → the sidebar frame's navigation start, and → the first screen's arrival (listRecentTemplates). */
  coldFrame: number[];
  coldLibrarySent: number[];
  coldLibrary: number[];
  /** Cold opens: the listRecentTemplates round trip (request sent → answered). */
  coldLibraryTrip: number[];
  warm: number[];
  skew: { low: number; high: number }[];
}

/**
 * One cold open's timeline, relative to the click (ms): when the frame was made, its first screen answered,
 * the span of the sidebar's and the picker's whole-library reads (pages of 1,000), and the sidebar frame's long
 * animation frames between click and shown (where rendering started, how much of it was script). This is how
 * the last p95 misses were traced to CPU contention from both frames' library reads (issue 19's note).
 */
async function traceOpen(page: Page, frame: Frame, label: string, click: number, shown: number): Promise<string> {
  const at = (time: number) => `${time - click >= 0 ? '+' : ''}${(time - click).toFixed(0)}`;
  const span = (messages: MessageSpan[], type: string) => {
    const of = messages.filter((message) => message.type === type);
    return of.length
      ? `${of.length} page${of.length === 1 ? '' : 's'} ${at(of[0].start)} → ${at(of.at(-1)!.end)}`
      : 'not read';
  };
  const sidebar = await frame.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__sidebarBench!;
    return { origin: performance.timeOrigin, messages: bench.messages, longFrames: bench.longFrames };
  });
  const picker = page.frames().find((candidate) => candidate.url().endsWith('/picker.html'));
  const pickerMessages = picker
    ? await picker.evaluate(() => (window as unknown as BenchWindow).__pickerBench?.messages ?? [])
    : [];
  const firstScreen = sidebar.messages.find((message) => message.type === 'listRecentTemplates');
  const longFrames = sidebar.longFrames
    .filter((entry) => entry.end > click && entry.start < shown)
    .map(
      (entry) =>
        `${at(entry.start)} → ${at(entry.end)} (render ${entry.render ? at(entry.render) : 'none'}, script ${entry.scripts.toFixed(0)} ms)`,
    );
  return (
    `${label}: shown ${at(shown)}; frame made ${at(sidebar.origin)}; first screen ${firstScreen ? at(firstScreen.end) : '—'}; ` +
    `library: sidebar ${span(sidebar.messages, 'listTemplatePage')}, picker ${span(pickerMessages, 'getPickerTemplatePage')}; ` +
    `long frames ${longFrames.join(', ') || 'none'}`
  );
}

/** Waits for the first option's first visible entry at index ≥ `from` (a prepared frame logs hidden ones first). */
async function shownEntry(frame: Frame, from: number): Promise<{ at: number; index: number }> {
  await frame.waitForFunction(
    (start) =>
      ((window as unknown as BenchWindow).__sidebarBench?.visible ?? []).some((e, i) => i >= start && e.visible),
    from,
    { timeout: 30_000, polling: 20 },
  );
  return frame.evaluate((start) => {
    const visible = (window as unknown as BenchWindow).__sidebarBench!.visible;
    const index = visible.findIndex((e, i) => i >= start && e.visible);
    return { at: visible[index].at, index };
  }, from);
}

/**
 * Cold opens in fresh tabs. `prepared`: the agent clicks into the reply box (a trusted focus, so the agent
 * prepares the frame at idle), works there for BEFORE_OPEN_MS, then clicks the badge. `onClick` (today's
 * approach before issue 19, and what a page gets where the agent never focused a box itself): the box is
 * focused by a script, which prepares nothing (no user activation), so the frame is made on the click.
 */
async function measureOpens(
  browser: ExtensionBrowser,
  pages: PageServer,
  mode: 'prepared' | 'onClick',
): Promise<OpenSamples> {
  const samples: OpenSamples = {
    cold: [],
    coldDom: [],
    coldFrame: [],
    coldLibrarySent: [],
    coldLibrary: [],
    coldLibraryTrip: [],
    warm: [],
    skew: [],
  };
  for (let tab = 0; tab < COLD_OPENS; tab++) {
    const page = mode === 'prepared' ? await openDemo(browser, pages) : await openDemoFocusedByScript(browser, pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    if (mode === 'prepared') await reply.click();
    const badge = launcher(page);
    await badge.waitFor();
    await page.waitForTimeout(mode === 'prepared' ? BEFORE_OPEN_MS : 300); // let the agent settle
    const before = page.frames().some((candidate) => candidate.url().endsWith('/sidebar.html'));
    if (before !== (mode === 'prepared')) {
      const host = await page.evaluate(() => {
        const element = document.querySelector('[data-sufler-ui="sidebar"]') as HTMLElement | null;
        return element && { hidden: element.hidden, inert: element.inert };
      });
      throw new Error(
        `${mode}, tab ${tab}: a sidebar frame ${before ? 'was' : 'was not'} there before the first open (host: ${JSON.stringify(host)})`,
      );
    }
    await badge.click();
    const frame = await sidebarFrame(page);
    const shown = await shownEntry(frame, 0);
    const click = await lastClick(page);
    samples.cold.push(shown.at - click);
    const stamps = await frame.evaluate(() => ({
      dom: (window as unknown as BenchWindow).__sidebarBench!.firstOptionInDom,
      origin: performance.timeOrigin,
      library: (window as unknown as BenchWindow).__sidebarBench!.messages.find(
        (m) => m.type === 'listRecentTemplates',
      ),
    }));
    samples.coldDom.push(stamps.dom - click);
    samples.coldFrame.push(stamps.origin - click);
    if (stamps.library) {
      samples.coldLibrarySent.push(stamps.library.start - click);
      samples.coldLibrary.push(stamps.library.end - click);
      samples.coldLibraryTrip.push(stamps.library.end - stamps.library.start);
    }
    if (TRACE) console.log(await traceOpen(page, frame, `${mode}, tab ${tab}`, click, shown.at));
    let entries = shown.index + 1;
    if (mode === 'prepared') {
      // Let the search index build (it starts right after the first paint) before the warm reopens.
      await page.waitForTimeout(1500);
      for (let i = 0; i < WARM_OPENS; i++) {
        await frame.getByRole('searchbox', { name: /Поиск/ }).press('Escape');
        const hidden = await visibilityEntry(frame, ++entries);
        if (hidden.visible) throw new Error('the first option stayed visible after Escape');
        await page.waitForFunction(() => document.activeElement?.id === 'reply', null, { polling: 20 });
        await page.waitForTimeout(100);
        await badge.click();
        const reopened = await shownEntry(frame, entries);
        entries = reopened.index + 1;
        samples.warm.push(reopened.at - (await lastClick(page)));
      }
      samples.skew.push(await clockSkew(page, frame));
    }
    // Closed, so the next tab starts closed too (the open state is remembered per site).
    await frame.getByRole('searchbox', { name: /Поиск/ }).press('Escape');
    await visibilityEntry(frame, ++entries);
    await page.waitForTimeout(300);
    await page.close();
  }
  return samples;
}

/** ЙЦУКЕН → the US key in the same place, so CDP key events carry a plausible `code`. */
const RU = 'йцукенгшщзхъфывапролджэячсмитьбю';
const US = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
const CODES: Record<string, string> = {
  '[': 'BracketLeft',
  ']': 'BracketRight',
  ';': 'Semicolon',
  "'": 'Quote',
  ',': 'Comma',
  '.': 'Period',
  ' ': 'Space',
};
function keyEvent(char: string) {
  const us = RU.includes(char) ? US[RU.indexOf(char)] : char;
  const code = CODES[us] ?? `Key${us.toUpperCase()}`;
  const keyCode = us === ' ' ? 32 : /[a-z]/.test(us) ? us.toUpperCase().charCodeAt(0) : 0;
  return { key: char, code, text: char, unmodifiedText: char, windowsVirtualKeyCode: keyCode };
}

async function measureKeystrokes(
  browser: ExtensionBrowser,
  pages: PageServer,
): Promise<{ times: number[]; toInput: number[]; unchanged: number }> {
  const page = await openDemo(browser, pages);
  await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
  await launcher(page).click();
  const frame = await sidebarFrame(page);
  const search = frame.getByRole('searchbox', { name: /Поиск/ });
  await visibilityEntry(frame, 1);
  await page.waitForTimeout(2000); // the search index is built after the first paint
  // Trusted key events through CDP (Playwright's keyboard has no Cyrillic keys, only insertText).
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  const times: number[] = [];
  const toInput: number[] = [];
  let unchanged = 0;
  for (let round = 0; round < KEY_ROUNDS + 1; round++) {
    for (const query of QUERIES) {
      await search.fill('');
      await page.waitForTimeout(150);
      await frame.evaluate(() => {
        const bench = (window as unknown as BenchWindow).__sidebarBench!;
        bench.keys = [];
        bench.pendingKey = null;
      });
      for (const char of query) {
        const before = await frame.evaluate(() => (window as unknown as BenchWindow).__sidebarBench!.keys.length);
        const event = keyEvent(char);
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...event });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: event.key, code: event.code });
        const changed = await frame
          .waitForFunction((count) => (window as unknown as BenchWindow).__sidebarBench!.keys.length > count, before, {
            timeout: 250,
            polling: 10,
          })
          .then(() => true)
          .catch(() => false);
        if (!changed) {
          unchanged++;
          await frame.evaluate(() => ((window as unknown as BenchWindow).__sidebarBench!.pendingKey = null));
        }
        await page.waitForTimeout(30); // an agent's typing pace is slower still
      }
      if ((await search.inputValue()) !== query)
        throw new Error(`typed «${await search.inputValue()}», not «${query}»`);
      const keys = await frame.evaluate(() => (window as unknown as BenchWindow).__sidebarBench!.keys);
      // Round 0 warms up (first queries pay for JIT and the stem cache).
      if (round > 0) {
        times.push(...keys.map((key) => key.dom - key.down));
        toInput.push(...keys.map((key) => key.input - key.down));
      }
    }
  }
  await cdp.detach();
  await search.press('Escape');
  // Closed for good before the tab goes, or the next tab reopens the sidebar on load (remembered per site).
  await page.waitForFunction(() => document.activeElement?.id === 'reply', null, { polling: 20 });
  await page.waitForTimeout(300);
  await page.close();
  return { times, toInput, unchanged };
}

export async function sidebarTiming(extensionDir: string): Promise<void> {
  let pages: PageServer | undefined;
  let packServer: PackServer | undefined;
  let browser: ExtensionBrowser | undefined;
  try {
    pages = await servePages();
    packServer = await startPackServer();
    browser = await launchWithExtension({ extensionDir });
    // tsx keeps function names through an `__name` helper that the browser does not have.
    await browser.context.addInitScript({ content: `var __name = (f) => f; (${instrument.toString()})();` });
    const options = await openExtensionPage(browser, 'options.html');
    const before = await callBackground(options, 'getStatus');

    const baseClick = await measureOpens(browser, pages, 'onClick');
    const baseOpen = await measureOpens(browser, pages, 'prepared');
    const baseKeys = await measureKeystrokes(browser, pages);

    const seedStart = performance.now();
    for (const pack of syntheticPacks(LIBRARY)) {
      packServer.route(`/${pack.id}.json`, serveStatic(JSON.stringify(pack), { etag: '"1"' }));
      const result = await callBackground(options, 'subscribe', {
        url: packServer.url(`/${pack.id}.json`),
        kind: 'json',
      });
      if (!result.ok || result.outcome.status !== 'updated')
        throw new Error(`subscribing to ${pack.id} failed: ${JSON.stringify(result)}`);
    }
    const seeded = await callBackground(options, 'getStatus');
    const seedMs = performance.now() - seedStart;
    await options.close();

    const bigClick = await measureOpens(browser, pages, 'onClick');
    const bigOpen = await measureOpens(browser, pages, 'prepared');
    const bigKeys = await measureKeystrokes(browser, pages);

    const skews = [...baseOpen.skew, ...bigOpen.skew];
    const skewLow = Math.max(...skews.map((s) => s.low));
    const skewHigh = Math.min(...skews.map((s) => s.high));
    console.log(
      `Library: ${before.templateCount} default templates (baseline), then ${seeded.templateCount} after subscribing ` +
        `to ${LIBRARY.toLocaleString('en')} synthetic ones in ${seeded.packs.length - before.packs.length} JSON packs ` +
        `from a local pack server (subscribe + sync: ${(seedMs / 1000).toFixed(1)} s).\n`,
    );
    const verdict = (value: number, budget: number) => (value <= budget ? `✓ ≤ ${budget} ms` : `✗ > ${budget} ms`);
    const row = (label: string, base: number[], big: number[], budget: number | null) => [
      label,
      ms(median(base)),
      ms(median(big)),
      ms(percentile(big, 95)),
      `${(median(big) / median(base)).toFixed(1)}×`,
      `${big.length}`,
      budget === null ? '—' : verdict(median(big), budget),
    ];
    console.log(
      `Sidebar open: trusted click on the launcher badge → first result option laid out and visible ` +
        `(IntersectionObserver in the sidebar frame). Cold = the tab's first open, in ${COLD_OPENS} fresh tabs per ` +
        `library and way: **prepared** (this build: the agent clicked into the reply box ${BEFORE_OPEN_MS} ms ` +
        `before, so the frame was made at idle, hidden and inert) beside **on click** (the approach before ` +
        `issue 19, which is still what happens where the box was focused by a script: the frame is created by the ` +
        `click). Warm = reopened after Escape, ${WARM_OPENS} per prepared tab.\n`,
    );
    const p95 = (values: number[]) => percentile(values, 95);
    table(
      [
        'sidebar open, +10k',
        'prepared (median)',
        'prepared p95',
        'on click (median)',
        'on click p95',
        'p95 ratio',
        'n',
        'budget',
      ],
      [
        [
          'cold: click → first option visible',
          ms(median(bigOpen.cold)),
          ms(p95(bigOpen.cold)),
          ms(median(bigClick.cold)),
          ms(p95(bigClick.cold)),
          `${(p95(bigOpen.cold) / p95(bigClick.cold)).toFixed(2)}×`,
          `${bigOpen.cold.length} + ${bigClick.cold.length}`,
          `${p95(bigOpen.cold) <= COLD_BUDGET_MS ? '✓ ≤' : '✗ >'} ${COLD_BUDGET_MS} ms p95 (prepared)`,
        ],
        [
          'warm: click → first option visible',
          ms(median(bigOpen.warm)),
          ms(p95(bigOpen.warm)),
          '—',
          '—',
          '—',
          `${bigOpen.warm.length}`,
          verdict(median(bigOpen.warm), WARM_BUDGET_MS),
        ],
      ],
    );
    console.log(`\nThe same with the default library, and where an on-click cold open's time goes:\n`);
    table(
      ['sidebar open', `default library (median)`, `+10k (median)`, '+10k p95', 'ratio', 'n'],
      [
        row('cold, prepared: click → first option visible', baseOpen.cold, bigOpen.cold, null),
        row('cold, on click: click → first option visible', baseClick.cold, bigClick.cold, null),
        row('on click, step: click → sidebar frame navigation starts', baseClick.coldFrame, bigClick.coldFrame, null),
        row(
          'on click, step: click → first screen requested (listRecentTemplates sent)',
          baseClick.coldLibrarySent,
          bigClick.coldLibrarySent,
          null,
        ),
        row('on click, step: click → first screen received', baseClick.coldLibrary, bigClick.coldLibrary, null),
        row('on click, step: click → first option in the DOM', baseClick.coldDom, bigClick.coldDom, null),
        row(
          'on click, step: listRecentTemplates round trip (sent → answered)',
          baseClick.coldLibraryTrip,
          bigClick.coldLibraryTrip,
          null,
        ),
        row('warm: click → first option visible', baseOpen.warm, bigOpen.warm, null),
      ].map((cells) => cells.slice(0, 6)),
    );
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b).map((value) => value.toFixed(0));
    console.log(
      `\nEach cold open at +10k, sorted (ms): prepared ${sorted(bigOpen.cold).join(', ')}; on click ` +
        `${sorted(bigClick.cold).join(', ')}.`,
    );
    console.log(
      `\nClock check: the page's and the sidebar frame's \`timeOrigin + now()\` agree within ` +
        `[${skewLow.toFixed(2)}, ${skewHigh.toFixed(2)}] ms (frame − page, bounded by CDP round trips), ` +
        `so open times carry about ±${Math.max(Math.abs(skewLow), Math.abs(skewHigh), 0.1).toFixed(1)} ms of clock error.\n`,
    );
    console.log(
      `Keystroke: keydown (event.timeStamp) → first DOM change in the results listbox (MutationObserver), both ` +
        `in the sidebar frame; ${QUERIES.map((q) => `«${q}»`).join(', ')} typed char by char as trusted CDP key ` +
        `events, ${KEY_ROUNDS} measured rounds after one warm-up round. Keystrokes whose results did not change ` +
        `the DOM: ${baseKeys.unchanged} (default), ${bigKeys.unchanged} (10k).\n`,
    );
    table(
      ['keystroke → results', 'default library', '+10k', 'ratio', 'n (10k)', 'budget (10k)'],
      [
        [
          'median',
          ms(median(baseKeys.times)),
          ms(median(bigKeys.times)),
          `${(median(bigKeys.times) / median(baseKeys.times)).toFixed(1)}×`,
          bigKeys.times.length,
          verdict(median(bigKeys.times), KEY_BUDGET_MS),
        ],
        [
          'of which keydown → input event',
          ms(median(baseKeys.toInput)),
          ms(median(bigKeys.toInput)),
          '—',
          bigKeys.toInput.length,
          '—',
        ],
        [
          'p95',
          ms(percentile(baseKeys.times, 95)),
          ms(percentile(bigKeys.times, 95)),
          `${(percentile(bigKeys.times, 95) / percentile(baseKeys.times, 95)).toFixed(1)}×`,
          bigKeys.times.length,
          verdict(percentile(bigKeys.times, 95), KEY_BUDGET_MS),
        ],
      ],
    );
  } finally {
    await browser?.close();
    await packServer?.close();
    await pages?.close();
  }
}
