import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SuflerDatabase } from '../../../lib/db/database';
import { createBackgroundHandlers, createBackgroundServices } from '../../../lib/messaging/background-handlers';
import { createPageRouter } from '../../../lib/messaging/page-router';
import { BACKGROUND_MESSAGES } from '../../../lib/messaging/protocol';
import { type BackgroundHandlers, registerBackgroundHandlers } from '../../../lib/messaging/register-background';
import { createSiteAccess } from '../../../lib/messaging/site-access';

const EXTENSION_ID = 'our-extension-id';

/** Delivers a raw protocol message as Chrome would, with the given sender, and returns the reply. */
async function deliver(type: string, sender: chrome.runtime.MessageSender, data?: unknown) {
  return new Promise<{ res?: unknown; err?: { message: string } }>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve);
  });
}

describe('background protocol', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    fakeBrowser.reset();
  });

  it('has a handler for every background message', () => {
    const services = createBackgroundServices(new SuflerDatabase('protocol', { indexedDB, IDBKeyRange }), {
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
    expect(Object.keys(createBackgroundHandlers(services)).sort()).toEqual([...BACKGROUND_MESSAGES].sort());
  });

  it('answers this extension and refuses other extensions', async () => {
    let calls = 0;
    const handlers = { getStatus: () => ++calls } as unknown as BackgroundHandlers;
    stop = registerBackgroundHandlers(handlers, EXTENSION_ID, Promise.resolve());

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
      { getStatus: () => seeded } as unknown as BackgroundHandlers,
      EXTENSION_ID,
      ready,
    );
    const answer = deliver('getStatus', { id: EXTENSION_ID });
    seeded = true;
    release();
    expect(await answer).toEqual({ res: true });
  });
});
