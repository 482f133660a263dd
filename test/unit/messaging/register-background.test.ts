import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SuflerDatabase } from '../../../lib/db/database';
import { createBackgroundHandlers, createBackgroundServices } from '../../../lib/messaging/background-handlers';
import { createPageRouter } from '../../../lib/messaging/page-router';
import {
  type BackgroundHandlers,
  callerOf,
  type MessageSender,
  messagesFor,
  registerBackgroundHandlers,
} from '../../../lib/messaging/register-background';
import { createSiteAccess } from '../../../lib/messaging/site-access';

const EXTENSION_ID = 'our-extension-id';

/** Delivers a raw protocol message as Chrome would, with the given sender, and returns the reply. */
async function deliver(type: string, sender: MessageSender, data?: unknown) {
  return new Promise<{ res?: unknown; err?: { message: string } }>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(
      { id: 1, type, data, timestamp: Date.now() },
      sender as chrome.runtime.MessageSender,
      resolve,
    );
  });
}

describe('background protocol', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    fakeBrowser.reset();
  });

  const services = () =>
    createBackgroundServices(new SuflerDatabase('protocol', { indexedDB, IDBKeyRange }), {
      router: createPageRouter({
        queryActiveTab: async () => undefined,
        session: fakeBrowser.storage.session,
        injectScript: async () => undefined,
      }),
      siteAccess: createSiteAccess({
        activeTab: async () => undefined,
        scripting: fakeBrowser.scripting as never,
        removeOrigins: async () => true,
        agentScript: 'content-scripts/agent.js',
      }),
      fetch: () => Promise.reject(new Error('offline')),
      now: () => 0,
      notifyChanged: () => {},
    });

  it('lets each caller send only its own messages: agents what the agent needs, pages the rest', () => {
    const handlers = createBackgroundHandlers(services());
    // A page's agent (and so a compromised renderer): its tab's data, the rules, insert relays — no
    // library, settings, subscriptions, import or statistics reads, no other site's fill-in values.
    expect(messagesFor(handlers, 'agent').sort()).toEqual([
      // Inline insert (issue 13): one template at a time, rendered — the shortcut typed or the picker's choice.
      'expandShortcut',
      'expectPicker',
      'expectSidebar',
      'getAgentConfig',
      'getSiteState',
      'hideFindingCardInTop',
      'inlineInserted',
      'loadAgentUi',
      'openSidebar',
      'pickerInput',
      'recordLintEvent',
      // The template a finding's card offers (a rule's seeAlso), rendered on the agent's click.
      'renderSeeAlso',
      'replyBoxFocused',
      'reportFindings',
      // The site picker in the agent's own tab teaches that tab's site only (origin from the sender).
      'saveLearnedField',
      'saveSiteState',
      // A cross-origin widget's finding card and guard dialog, drawn by its own tab's top frame
      // (lib/messaging/page-router.ts).
      'showFindingCardInTop',
      'showGuardInTop',
    ]);
    const pageOnly = messagesFor(handlers, 'extensionPage');
    for (const message of [
      'saveSettings',
      'subscribe',
      'updateSubscription',
      'applyImport',
      'restoreTemplates',
      'listTemplates',
      'listTemplatePage',
      'getFillValues',
      'getPickerLibrary',
      'getPickerTemplatePage',
    ]) {
      expect(messagesFor(handlers, 'agent')).not.toContain(message);
    }
    expect(pageOnly).toContain('saveSettings');
    expect(pageOnly).not.toContain('insertIntoPage');
    // The sidebar: the page relays (insert, findings, fill-ins) besides what every extension page may send.
    expect(messagesFor(handlers, 'sidebar').sort()).toEqual(
      [
        ...pageOnly,
        'applyFinding',
        'claimSidebar',
        'closeSidebar',
        'getFillValues',
        'getFindings',
        'getPageContext',
        'ignoreFinding',
        'insertIntoPage',
        'insertSeeAlso',
        'saveFillValues',
      ].sort(),
    );
    // The picker frame: its claim, then the library to search it — no settings, writes or page relays.
    expect(messagesFor(handlers, 'picker').sort()).toEqual([
      'claimPicker',
      'getPickerLibrary',
      'getPickerTemplatePage',
    ]);
  });

  it('tells callers apart by what Chrome reports, not by anything they say', () => {
    const tab = { id: 3, url: 'https://acme.zendesk.com/agent/tickets/1' };
    expect(callerOf({ id: EXTENSION_ID, url: tab.url, tab, frameId: 0 }, EXTENSION_ID)).toBe('agent');
    expect(callerOf({ id: EXTENSION_ID, url: 'https://other.example/', tab, frameId: 7 }, EXTENSION_ID)).toBe('agent');
    expect(callerOf({ id: EXTENSION_ID, url: 'chrome-extension://dyn-id/sidebar.html', tab }, EXTENSION_ID)).toBe(
      'sidebar',
    );
    expect(
      callerOf({ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html`, tab }, EXTENSION_ID),
    ).toBe('extensionPage');
    expect(callerOf({ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` }, EXTENSION_ID)).toBe(
      'extensionPage',
    );
    expect(
      callerOf({ id: 'another-extension', url: `chrome-extension://${EXTENSION_ID}/popup.html` }, EXTENSION_ID),
    ).toBe(null);
    expect(callerOf({ id: EXTENSION_ID }, EXTENSION_ID)).toBe(null);
    // The picker page is framed into pages like the sidebar: a picker, never an extension page.
    expect(
      callerOf({ id: EXTENSION_ID, url: 'chrome-extension://dyn-id/picker.html', tab, frameId: 4 }, EXTENSION_ID),
    ).toBe('picker');
    expect(callerOf({ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/picker.html` }, EXTENSION_ID)).toBe(
      null,
    );
  });

  it('refuses an unclaimed picker frame everything but its claim, and a claimed one all but the library', async () => {
    let calls = 0;
    const count = () => ++calls;
    const handlers = {
      agent: { pickerInput: count },
      sidebar: {},
      picker: { claimPicker: () => ({ ok: false }), getPickerLibrary: count, getPickerTemplatePage: count },
      extensionPage: { saveSettings: count, listTemplates: count },
    } as unknown as BackgroundHandlers;
    let claimed = false;
    stop = registerBackgroundHandlers(handlers, EXTENSION_ID, Promise.resolve(), async (_, frame) =>
      frame === 'picker' ? claimed : false,
    );
    const tab = { id: 3, url: 'https://acme.zendesk.com/agent/tickets/1' };
    const picker = { id: EXTENSION_ID, url: 'chrome-extension://dyn/picker.html', tab, frameId: 5 };
    const agent = { id: EXTENSION_ID, url: tab.url, tab, frameId: 0 };
    expect((await deliver('getPickerLibrary', picker)).err?.message).toMatch(/not opened by Суфлёр/);
    expect((await deliver('getPickerTemplatePage', picker, { limit: 10 })).err?.message).toMatch(
      /not opened by Суфлёр/,
    );
    expect(await deliver('claimPicker', picker, { token: 'guess' })).toEqual({ res: { ok: false } });
    expect((await deliver('getPickerLibrary', agent)).err?.message).toMatch(/not a message for the agent/);
    claimed = true;
    expect(await deliver('getPickerLibrary', picker)).toEqual({ res: 1 });
    expect((await deliver('listTemplates', picker)).err?.message).toMatch(/not a message for the picker/);
    expect((await deliver('saveSettings', picker, {})).err?.message).toMatch(/picker/);
    expect((await deliver('pickerInput', picker, { query: 'x' })).err?.message).toMatch(/picker/);
    expect(calls).toBe(1);
  });

  it('refuses an agent the messages of extension pages, and an unclaimed sidebar frame everything', async () => {
    let calls = 0;
    const count = () => ++calls;
    const handlers = {
      agent: { getAgentConfig: count },
      sidebar: { claimSidebar: () => ({ ok: false }), insertIntoPage: count },
      extensionPage: { saveSettings: count, subscribe: count },
    } as unknown as BackgroundHandlers;
    let claimed = false;
    stop = registerBackgroundHandlers(handlers, EXTENSION_ID, Promise.resolve(), async () => claimed);
    const tab = { id: 3, url: 'https://acme.zendesk.com/agent/tickets/1' };
    const agent = { id: EXTENSION_ID, url: tab.url, tab, frameId: 0 };
    const sidebar = { id: EXTENSION_ID, url: 'chrome-extension://dyn/sidebar.html', tab, frameId: 9 };
    const options = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html` };

    expect(await deliver('getAgentConfig', agent)).toEqual({ res: 1 });
    expect((await deliver('saveSettings', agent, { guardMode: 'off' })).err?.message).toMatch(
      /not a message for the agent/,
    );
    expect((await deliver('subscribe', agent, { url: 'https://evil.example/p.json' })).err?.message).toMatch(/agent/);
    expect((await deliver('insertIntoPage', agent, { text: 'x' })).err?.message).toMatch(/agent/);
    expect((await deliver('insertIntoPage', sidebar, { text: 'x' })).err?.message).toMatch(/not opened by Суфлёр/);
    expect((await deliver('saveSettings', sidebar, {})).err?.message).toMatch(/not opened by Суфлёр/);
    expect(await deliver('claimSidebar', sidebar, { token: 'guess' })).toEqual({ res: { ok: false } });
    expect((await deliver('insertIntoPage', options, { text: 'x' })).err?.message).toMatch(/extensionPage/);
    expect(calls).toBe(1);

    claimed = true;
    expect(await deliver('insertIntoPage', sidebar, { text: 'x' })).toEqual({ res: 2 });
    expect(await deliver('saveSettings', options, {})).toEqual({ res: 3 });
  });

  it('answers this extension and refuses other extensions', async () => {
    let calls = 0;
    const handlers = {
      agent: {},
      sidebar: {},
      picker: {},
      extensionPage: { getStatus: () => ++calls },
    } as unknown as BackgroundHandlers;
    stop = registerBackgroundHandlers(handlers, EXTENSION_ID, Promise.resolve(), async () => false);

    expect(
      await deliver('getStatus', { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` }),
    ).toEqual({ res: 1 });
    const refused = await deliver('getStatus', { id: 'some-other-extension' });
    expect(refused.err?.message).toMatch(/untrusted sender/);
    expect(calls).toBe(1);
  });

  it('holds answers until start-up work is done', async () => {
    let release!: () => void;
    const ready = new Promise<void>((resolve) => {
      release = resolve;
    });
    let seeded = false;
    stop = registerBackgroundHandlers(
      {
        agent: {},
        sidebar: {},
        picker: {},
        extensionPage: { getStatus: () => seeded },
      } as unknown as BackgroundHandlers,
      EXTENSION_ID,
      ready,
      async () => false,
    );
    const answer = deliver('getStatus', { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` });
    seeded = true;
    release();
    expect(await answer).toEqual({ res: true });
  });
});
