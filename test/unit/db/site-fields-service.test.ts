import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SuflerDatabase } from '../../../lib/db/database';
import { createSiteFieldsService } from '../../../lib/db/site-fields-service';
import type { StoredPack } from '../../../lib/model';

let counter = 0;
const freshDb = () => new SuflerDatabase(`site-fields-${++counter}`, { indexedDB, IDBKeyRange });

describe('site fields service', () => {
  it('stores taught fields per site, and the agent’s own win over a pack’s for the same page', async () => {
    const db = freshDb();
    const service = createSiteFieldsService(db, () => 1000);
    await db.packs.put({
      id: 'team',
      name: 'Команда',
      version: '1',
      description: '',
      locale: 'ru',
      format: 'sufler-pack',
      formatVersion: 1,
      policy: {},
      source: 'subscription',
      installedAt: 1,
      updatedAt: 1,
      sites: [
        {
          id: 'desk',
          match: 'https://desk.example.ru/*',
          fields: { customerName: { selector: '.pack-name' }, ticketId: { pattern: '/t/(\\d+)' } },
        },
      ],
    } as StoredPack);
    await service.saveLearnedField('https://desk.example.ru:8443', 'customerName', { selector: '.my-name' });
    expect(await service.listLearnedSites()).toEqual([
      {
        id: 'desk.example.ru',
        match: 'https://desk.example.ru/*',
        fields: { customerName: { selector: '.my-name' } },
        updatedAt: 1000,
      },
    ]);
    expect(await service.locatorsFor('https://desk.example.ru/t/5')).toEqual({
      customerName: { selector: '.my-name' },
      ticketId: { pattern: '/t/(\\d+)' },
    });
    expect(await service.locatorsFor('https://other.example.ru/t/5')).toEqual({});
  });

  it('refuses a broken locator, naming the site, and keeps what was there', async () => {
    const service = createSiteFieldsService(freshDb(), () => 1);
    await expect(service.saveLearnedField('https://a.example.ru', 'orderNumber', { selector: 'div[' })).rejects.toThrow(
      /сайт «a\.example\.ru», поле «orderNumber».*не CSS-селектор/,
    );
    const result = await service.saveLearnedSite({
      id: 'a',
      match: 'https://a.example.ru/*',
      fields: { orderNumber: { pattern: '(' } },
    });
    expect(result.ok).toBe(false);
    expect(await service.listLearnedSites()).toEqual([]);
  });
});
