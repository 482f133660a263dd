import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, servePages } from '../demo/serve-pages';
import { buildFixturePages } from '../fixtures/pages/build-fixture-pages';
import {
  callBackground,
  inClosedRoot,
  launcher,
  launcherLabel,
  openDemo,
  openExtensionPage,
  ownUi,
  pingAgents,
  sidebarFrame,
  useExtensionBrowser,
} from './extension-harness';

/**
 * The page is hostile: each test runs one attack the way a page's own script would (page-world
 * `evaluate`, untrusted events, its own frames) against the built extension, and checks it gets nothing.
 * The agent's own actions are Playwright's real mouse and keyboard (trusted input).
 */
describe('a hostile page', () => {
  const env = useExtensionBrowser(buildFixturePages);
  /** A second origin on the same host: another tenant's widget (the agent script runs there too). */
  let tenant: PageServer;
  beforeAll(async () => {
    tenant = await servePages();
  });
  afterAll(() => tenant?.close());

  const PHRASE = 'ничем не могу помочь';
  const open = async (query = '') => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/hostile/helpdesk.html${query}`);
    return page;
  };
  const reply = (page: Page) => page.getByRole('textbox', { name: 'Ответ клиенту' });
  /** The sidebar's host as the page sees it (a plain div; its closed root and frame are out of reach). */
  const sidebarHostState = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('[data-sufler-ui="sidebar"]') as HTMLElement | null;
      return host ? { hidden: host.hidden, inert: host.inert } : null;
    });
  const openSidebar = async (page: Page) => {
    await reply(page).click();
    await launcher(page).click();
    return sidebarFrame(page);
  };

  it('that defines our old element names and patches attachShadow gets no internals, root or frame', async () => {
    const page = await open();
    await reply(page).click();
    await page.keyboard.type(`Анна, ${PHRASE}.`);
    await expect.poll(() => launcherLabel(page)).toMatch(/ошибки: 1/);
    const sidebar = await openSidebar(page);
    await sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first().waitFor();
    expect(await sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').count()).toBeGreaterThan(0);
    // The inline picker's frame is prepared at idle after the agent's click in the box: count it in too.
    await expect.poll(() => page.locator(ownUi('picker')).count()).toBe(1);

    const loot = await page.evaluate(() => {
      const w = window as unknown as { loot: { internals: unknown[]; shadowRoots: unknown[] } };
      const hosts = [...document.querySelectorAll('[data-sufler-ui]')];
      /** Every iframe the page can reach: its document and every open shadow root, however deep. */
      const frames: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          if (element.localName === 'iframe') frames.push((element as HTMLIFrameElement).src);
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(document);
      const internals = hosts.map((host) => {
        try {
          (host as HTMLElement).attachInternals();
          return 'got internals';
        } catch (error) {
          return (error as Error).name;
        }
      });
      return {
        captured: w.loot.internals.length,
        patchedRoots: w.loot.shadowRoots.length,
        kinds: hosts.map((host) => `${host.localName}:${host.getAttribute('data-sufler-ui')}`).sort(),
        openRoots: hosts.filter((host) => host.shadowRoot !== null).map((host) => host.getAttribute('data-sufler-ui')),
        frames,
        framesSeen: window.frames.length,
        internals,
      };
    });
    expect(loot.captured).toBe(0);
    expect(loot.patchedRoots).toBe(0);
    // Built-in hosts: no page can have defined them, none takes internals.
    expect(loot.kinds).toEqual(['div:launcher', 'div:picker', 'div:sidebar', 'div:underlines']);
    expect(loot.internals.every((result) => result === 'NotSupportedError')).toBe(true);
    // Sidebar and inline picker (frames and their URLs), badge (the count), underlines (the flagged phrase): all
    // closed.
    expect(loot.openRoots).toEqual([]);
    expect(loot.frames).toEqual([]);
    // A debugger sees what the page cannot: the count is there, behind the closed root.
    expect(await launcherLabel(page)).toMatch(/ошибки: 1/);
    await page.close();
  });

  it('that frames the sidebar page itself, even at its real address, gets a dead frame', async () => {
    const page = await open();
    const real = await openSidebar(page);
    // The attacker at its best: it knows the per-session address of the frame (no page can learn it any
    // more: it is only in the closed root, read here as a debugger would).
    const address = await inClosedRoot<string>(
      page,
      ownUi('sidebar'),
      'function () { return this.querySelector("iframe").src; }',
    );
    expect(address).not.toContain(env.browser.extensionId);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.name = 'guessed-token';
      frame.src = src;
      frame.style.cssText = 'position:fixed;left:0;top:0;width:380px;height:600px;opacity:0.01';
      document.body.append(frame);
    }, address);
    await expect.poll(() => page.frames().some((frame) => frame.name() === 'guessed-token')).toBe(true);
    const framed = page.frames().find((frame) => frame.name() === 'guessed-token')!;
    await framed.getByRole('alert').filter({ hasText: 'открыл не Суфлёр' }).waitFor();
    expect(await framed.getByRole('option').count()).toBe(0);
    expect(await framed.getByRole('searchbox').count()).toBe(0);
    // Its own messages (what a clickjacked click would send) are refused by the background.
    const refused = await framed.evaluate(
      () =>
        new Promise<string>((resolve) =>
          chrome.runtime.sendMessage(
            { id: 1, type: 'insertIntoPage', data: { text: 'Подмена', templateKey: 'x', site: '' }, timestamp: 1 },
            (response) => resolve(response?.err?.message ?? 'answered'),
          ),
        ),
    );
    expect(refused).toMatch(/not opened by Суфлёр/);
    expect(await reply(page).inputValue()).toBe('');
    // The real sidebar still works.
    expect(await real.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('never hears the extension id, and a forged «content script started» event does not stop the agent', async () => {
    const page = await open();
    await reply(page).click();
    await page.waitForTimeout(300);
    const id = env.browser.extensionId;
    expect(
      (await page.evaluate(() => (window as unknown as { loot: { messages: string[] } }).loot.messages)).join(),
    ).not.toContain(id);
    // The id of a published extension is public: the page forges WXT's event for our agent script.
    await page.evaluate((id) => {
      const type = `${id}:agent:wxt:content-script-started`;
      const detail = { contentScriptName: 'agent', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, contentScriptName: 'agent', messageId: 'forged' }, '*');
    }, id);
    await page.waitForTimeout(200);
    expect(await pingAgents(env.browser)).toContain(page.url());
    await page.keyboard.type(`Анна, ${PHRASE}.`);
    await expect.poll(() => launcherLabel(page)).toMatch(/ошибки: 1/);
    await launcher(page).click();
    await sidebarFrame(page);
    await page.close();
  });

  it('cannot read the findings: no open root holds them, no highlight is registered, a scripted click opens no card', async () => {
    const page = await open();
    await reply(page).click();
    await page.keyboard.type(`Анна, к сожалению, ${PHRASE}. Хорошего дня!`);
    await expect.poll(() => launcherLabel(page)).toMatch(/ошибки: 1/);
    const span = await inClosedRoot<{ x: number; y: number }>(
      page,
      ownUi('underlines'),
      'function () { const r = this.querySelector("span").getBoundingClientRect(); return { x: (r.left + r.right) / 2, y: r.bottom - 4 }; }',
    );
    // The page clicks and hovers exactly where the underline is.
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      for (const type of ['pointermove', 'mousemove', 'click'])
        target.dispatchEvent(
          new (type === 'pointermove' ? PointerEvent : MouseEvent)(type, {
            clientX: x,
            clientY: y,
            bubbles: true,
            composed: true,
          }),
        );
    }, span);
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => ({
      card: [...document.querySelectorAll('[data-sufler-ui="card"]')].filter((host) => !(host as HTMLElement).hidden)
        .length,
      text: [...document.querySelectorAll('[data-sufler-ui]')]
        .map((host) => host.shadowRoot?.textContent ?? '')
        .join(''),
      highlights: [...((CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.keys() ?? [])],
    }));
    expect(seen.card).toBe(0);
    expect(seen.text).not.toContain('помочь');
    expect(seen.highlights).toEqual([]);
    // The agent's own click on the same spot does open it (the attack failed, not the card).
    await page.mouse.click(span.x, span.y);
    const card = page.getByRole('dialog', { name: /Замечание Суфлёра/ });
    await card.waitFor();
    // The card's root is open: the page clicks its suggestion and «Пропустить», and presses keys on them.
    const draft = await reply(page).inputValue();
    await page.evaluate(() => {
      const root = document.querySelector('[data-sufler-ui="card"]')!.shadowRoot!;
      for (const button of root.querySelectorAll('button')) {
        button.click();
        for (const key of ['Enter', ' '])
          button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      }
    });
    await page.waitForTimeout(300);
    expect(await reply(page).inputValue()).toBe(draft);
    expect(await launcherLabel(page)).toMatch(/ошибки: 1/);
    await page.close();
  });

  it('cannot open the sidebar with a scripted click on the badge, nor probe the extension by its static id', async () => {
    // On a site where the sidebar was never open (it reopens where the agent left it open).
    const page = await env.browser.context.newPage();
    await page.goto(`${tenant.origin}/fixtures/pages/hostile/helpdesk.html`);
    await reply(page).click();
    await expect.poll(() => launcher(page).count()).toBe(1);
    await page.evaluate(() => {
      const host = document.querySelector('[data-sufler-ui="launcher"]') as HTMLElement;
      const { left, top } = host.getBoundingClientRect();
      host.click();
      document
        .elementFromPoint(left + 5, top + 5)
        ?.dispatchEvent(
          new MouseEvent('click', { bubbles: true, composed: true, clientX: left + 5, clientY: top + 5 }),
        );
    });
    await page.waitForTimeout(500);
    // The agent's click in the box prepared a frame (issue 19): still hidden and inert, so not opened.
    expect(await sidebarHostState(page)).toEqual({ hidden: true, inert: true });
    const probes = await page.evaluate(async (id) => {
      const paths = ['sidebar.html', 'manifest.json', 'content-scripts/agent.js', 'options.html'];
      return Promise.all(
        paths.map((path) =>
          fetch(`chrome-extension://${id}/${path}`).then(
            () => `${path}: readable`,
            () => `${path}: refused`,
          ),
        ),
      );
    }, env.browser.extensionId);
    expect(probes.every((probe) => probe.endsWith('refused'))).toBe(true);
    await page.close();
  });

  it('gets no prepared sidebar frame by focusing the box itself, and loses one it unhides', async () => {
    const page = await env.browser.context.newPage();
    // The page focuses its box itself on load: a scripted focus, no user activation (Playwright's own
    // `evaluate` would carry a user gesture).
    await page.addInitScript(() =>
      addEventListener('load', () => (document.getElementById('reply') as HTMLElement | null)?.focus()),
    );
    await page.goto(`${tenant.origin}/fixtures/pages/hostile/helpdesk.html`);
    const hasFrame = () => page.frames().some((frame) => frame.url().endsWith('/sidebar.html'));
    // A scripted focus has no user activation: no frame is prepared for it.
    await expect.poll(() => launcher(page).count()).toBe(1);
    await page.waitForTimeout(1000);
    expect(hasFrame()).toBe(false);
    // The agent's own click prepares one at idle, hidden and inert.
    await reply(page).click();
    await expect.poll(hasFrame).toBe(true);
    expect(await sidebarHostState(page)).toEqual({ hidden: true, inert: true });
    // The page shows it to put it under a decoy: the agent gives the frame up at once.
    await page.evaluate(() => {
      const host = document.querySelector('[data-sufler-ui="sidebar"]') as HTMLElement;
      host.hidden = false;
      host.inert = false;
    });
    await expect.poll(hasFrame).toBe(false);
    expect(await sidebarHostState(page)).toBeNull();
    // The agent's own open still works, with a new frame that claims its tab.
    await launcher(page).click();
    const frame = await sidebarFrame(page);
    await frame.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first().waitFor();
    expect(await frame.getByText('Эту панель открыл не Суфлёр').count()).toBe(0);
    expect(await sidebarHostState(page)).toEqual({ hidden: false, inert: false });
    await page.close();
  });

  it('sends nothing and counts nothing with a scripted click on «Отправить всё равно»', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    const sentAnyway = async () =>
      (await callBackground(options, 'getLintStats', { days: 1 })).reduce((sum, row) => sum + row.sentAnyway, 0);
    const before = await sentAnyway();
    const page = await openDemo(env.browser, env.pages);
    await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    await page.keyboard.type(`Анна, ${PHRASE}.`);
    await page.waitForTimeout(150);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('alertdialog').waitFor();
    // The page's script finds the button in the dialog's open root and clicks it, then presses keys.
    await page.evaluate(() => {
      const root = document.querySelector('[data-sufler-ui="guard-dialog"]')!.shadowRoot!;
      const send = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Отправить всё равно')!;
      send.click();
      send.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      send.focus();
      for (const key of ['Enter', ' '])
        send.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    });
    await page.waitForTimeout(300);
    const sent = () => page.evaluate(() => (window as unknown as { sentMessages?: number }).sentMessages ?? 0);
    expect(await sent()).toBe(0);
    expect(await page.getByRole('alertdialog').count()).toBe(1);
    expect(await sentAnyway()).toBe(before);
    // The agent's own click sends, once, and is counted.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Отправить всё равно' }).click();
    await expect.poll(sent).toBe(1);
    await expect.poll(sentAnyway).toBe(before + 1);
    await page.close();
    await options.close();
  });

  it('in a cross-origin subframe that focuses itself gets no insert: it goes to the box the agent focused', async () => {
    const widget = `${tenant.origin}/fixtures/pages/hostile/tenant.html`;
    const page = await open(`?tenant=${encodeURIComponent(widget)}`);
    await expect.poll(() => page.frames().some((candidate) => candidate.url() === widget)).toBe(true);
    const frame = (): Frame => page.frames().find((candidate) => candidate.url() === widget)!;
    await frame().locator('#foreign').waitFor();
    await reply(page).click();
    await page.keyboard.type('Номер заказа Д-1048213. ');
    const sidebar = await openSidebar(page);
    // The other tenant's widget takes the focus by script, then by the agent's own click (still another origin).
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage('focus-yourself', '*'));
    await expect.poll(() => frame().evaluate(() => document.activeElement?.id)).toBe('foreign');
    // The agent script runs in the widget too and saw the focus: its badge is at the widget's box.
    await expect.poll(() => frame().locator(ownUi('launcher')).count()).toBe(1);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).click();
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).fill('ожидание');
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).press('Enter');
    const form = sidebar.getByRole('form');
    if (await form.isVisible().catch(() => false)) {
      for (const field of await form.getByRole('textbox').all()) await field.fill('проверка');
      // The agent's gender is asked once when a template has gendered forms and settings do not know it.
      const gender = form.getByRole('radio').first();
      if ((await gender.count()) > 0) await gender.check();
      await form.getByRole('button', { name: 'Вставить' }).click();
    }
    await expect.poll(() => reply(page).inputValue()).not.toBe('Номер заказа Д-1048213. ');
    expect(await frame().locator('#foreign').inputValue()).toBe('');

    await frame().locator('#foreign').click();
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).fill('ожидание');
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).press('Enter');
    // The form comes back pre-filled with this conversation's values: inserting them must not reach the widget.
    const again = sidebar.getByRole('form');
    await again.waitFor();
    await again.getByRole('button', { name: 'Вставить' }).click();
    await page.waitForTimeout(500);
    expect(await frame().locator('#foreign').inputValue()).toBe('');
    await page.close();
  });

  it('that steals the focus from the sidebar while the agent types is called out in the sidebar', async () => {
    const page = await open('?steal=1500');
    const sidebar = await openSidebar(page);
    const search = sidebar.getByRole('searchbox', { name: /Поиск/ });
    await expect
      .poll(() => search.evaluate((input) => input === document.activeElement && document.hasFocus()))
      .toBe(true);
    // The agent keeps typing; the page pulls the focus into its own input 1.5 s after the sidebar took it.
    for (const key of 'возврат повреждённого товара курьером') {
      await page.keyboard.type(key);
      await page.waitForTimeout(80);
    }
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('page-search');
    expect(await page.locator('#page-search').inputValue()).not.toBe('');
    await sidebar.getByRole('alert').filter({ hasText: 'Страница забрала фокус' }).waitFor();
    await page.close();
  });

  it('gets text, never markup, from a pack field or a fill-in value full of HTML', async () => {
    const markup = '<img src=x onerror="window.pwned=1">';
    const options = await openExtensionPage(env.browser, 'options.html');
    const saved = await callBackground(options, 'createTemplate', {
      title: `Разметка ${markup}<b>жирно</b>`,
      body: `${markup}Заказ [номер заказа] в пути.`,
      tags: ['<script>window.pwned=3</script>'],
      category: 'Личные',
      note: markup,
    });
    expect(saved.ok).toBe(true);
    await options.close();
    const page = await env.browser.context.newPage();
    await page.goto(`${env.pages.origin}/fixtures/pages/editors/contenteditable.html`);
    await page.getByTestId('reply-box').click();
    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).fill('разметка');
    await expect
      .poll(() => sidebar.getByRole('listbox', { name: 'Шаблоны' }).getByRole('option').first().textContent())
      .toContain('<b>жирно</b>');
    expect(await sidebar.locator('body img, body b, body script').count()).toBe(0);
    await sidebar.getByRole('searchbox', { name: /Поиск/ }).press('Enter');
    const field = sidebar.getByRole('textbox', { name: 'номер заказа' });
    await field.fill('<b onclick="window.pwned=2">Д-1</b>');
    await field.press('Enter');
    await expect
      .poll(() => page.getByTestId('reply-box').textContent())
      .toBe(`${markup}Заказ <b onclick="window.pwned=2">Д-1</b> в пути.`);
    expect(await page.getByTestId('reply-box').locator('img, b, script').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });
});
