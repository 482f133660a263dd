import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAgentConfigService } from '../../../lib/db/agent-config-service';
import { SuflerDatabase } from '../../../lib/db/database';
import { createLibraryService } from '../../../lib/db/library-service';
import { createLintStatsService } from '../../../lib/db/lint-stats-service';
import { createPersonalLibraryService } from '../../../lib/db/personal-library-service';
import { createSettingsService } from '../../../lib/db/settings-service';
import { createBackgroundHandlers } from '../../../lib/messaging/background-handlers';
import { createPageRouter } from '../../../lib/messaging/page-router';
import { BACKGROUND_MESSAGES } from '../../../lib/messaging/protocol';
import { type BackgroundHandlers, registerBackgroundHandlers } from '../../../lib/messaging/register-background';
import { effectivePolicy } from '../../../lib/packs/effective-policy';

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
    const db = new SuflerDatabase('protocol', { indexedDB, IDBKeyRange });
    const handlers = createBackgroundHandlers({
      library: createLibraryService(db),
      settings: createSettingsService(db),
      router: createPageRouter({ queryActiveTab: async () => undefined, session: fakeBrowser.storage.session }),
      personal: createPersonalLibraryService(db),
      stats: createLintStatsService(db),
      agentConfig: createAgentConfigService({
        library: createLibraryService(db),
        settings: createSettingsService(db),
        getEffectivePolicy: async () => effectivePolicy([]),
      }),
      notifyChanged: () => {},
    });
    expect(Object.keys(handlers).sort()).toEqual([...BACKGROUND_MESSAGES].sort());
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
