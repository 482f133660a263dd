import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SuflerDatabase } from '../../../lib/db/database';
import { createSettingsService } from '../../../lib/db/settings-service';

let counter = 0;
const fresh = () => {
  const db = new SuflerDatabase(`settings-${++counter}`, { indexedDB, IDBKeyRange });
  return { db, settings: createSettingsService(db) };
};

describe('settings', () => {
  it('saves patches, and null returns a setting to the team default', async () => {
    const { settings } = fresh();
    expect(await settings.getSettings()).toEqual({ agentName: '' });
    await settings.saveSettings({ agentName: 'Мария', agentGender: 'female', guardMode: 'warn' });
    expect(await settings.saveSettings({ guardMode: null })).toEqual({ agentName: 'Мария', agentGender: 'female' });
  });

  it('rejects an invalid value and keeps what was stored', async () => {
    const { settings } = fresh();
    await settings.saveSettings({ agentName: 'Мария' });
    await expect(settings.saveSettings({ guardMode: 'never' as never })).rejects.toThrow();
    expect(await settings.getSettings()).toEqual({ agentName: 'Мария' });
  });

  it('falls back to the defaults when the stored value is corrupted', async () => {
    const { db, settings } = fresh();
    await db.meta.put({ key: 'site:https://example.zendesk.com', value: { open: 'yes', width: 10_000 } });
    expect(await settings.getSiteState({ origin: 'https://example.zendesk.com' })).toEqual({ open: false, width: 380 });
    expect(await settings.saveSiteState({ origin: 'https://example.zendesk.com', open: true, width: 420 })).toEqual({
      open: true,
      width: 420,
    });
  });
});
