import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { SuflerDatabase, templateKey } from '../../../lib/db/database';
import { installBundledPack, installPack } from '../../../lib/db/install-pack';
import { createLibraryService } from '../../../lib/db/library-service';
import { type Pack, PERSONAL_PACK_ID } from '../../../lib/model';

let counter = 0;
const freshDb = () => new SuflerDatabase(`test-${++counter}`, { indexedDB, IDBKeyRange });

const pack = (version: string, ids: string[]): Pack => ({
  format: 'sufler-pack',
  formatVersion: 1,
  id: 'sufler-default',
  name: 'Базовая',
  version,
  description: '',
  locale: 'ru',
  templates: ids.map((id) => ({ id, title: `Шаблон ${id}`, body: `Текст ${id}, [Имя]`, tags: [], category: 'Разное' })),
  rules: [
    {
      id: 'cannot-help',
      severity: 'error',
      message: 'Почему',
      patterns: ['ничем не могу помочь'],
      suggestions: ['а', 'б'],
      examples: { bad: ['[[ничем не могу помочь]]'], good: ['помогу'] },
    },
  ],
  policy: {},
});

describe('installing packs', () => {
  let db: SuflerDatabase;
  beforeEach(() => {
    db = freshDb();
  });

  it('seeds the bundled pack once and skips the write while its content hash is unchanged', async () => {
    expect(await installBundledPack(db, pack('1', ['a', 'b']), 'hash-1', 1000)).toBe('installed');
    expect(await installBundledPack(db, pack('1', ['a', 'b']), 'hash-1', 2000)).toBe('current');
    const status = await createLibraryService(db).getStatus();
    expect(status).toMatchObject({ templateCount: 2, ruleCount: 1, dataVersion: 1 });
    expect(status.packs).toEqual([
      { id: 'sufler-default', name: 'Базовая', version: '1', source: 'bundled', updatedAt: 1000 },
    ]);
  });

  it('refreshes the bundled pack on update without touching personal templates or usage', async () => {
    await installBundledPack(db, pack('1', ['a', 'b']), 'hash-1', 1000);
    await db.templates.add({
      id: 'mine',
      key: templateKey(PERSONAL_PACK_ID, 'mine'),
      packId: PERSONAL_PACK_ID,
      title: 'Мой шаблон',
      body: 'Привет, [Имя]',
      tags: [],
      category: 'Личные',
      updatedAt: 1500,
    });
    const library = createLibraryService(db, () => 1600);
    await library.recordUsage({ templateKey: templateKey('sufler-default', 'a'), site: 'https://example.zendesk.com' });

    expect(await installBundledPack(db, pack('2', ['a', 'c']), 'hash-2', 3000)).toBe('installed');

    const keys = (await library.listTemplates()).map((t) => t.key).sort();
    expect(keys).toEqual(['personal/mine', 'sufler-default/a', 'sufler-default/c']);
    expect(await db.usage.toArray()).toEqual([
      { id: 1, templateKey: 'sufler-default/a', site: 'https://example.zendesk.com', at: 1600 },
    ]);
    expect(await db.packs.get('sufler-default')).toMatchObject({ version: '2', installedAt: 1000, updatedAt: 3000 });
  });

  it('leaves the previous version whole when an install fails midway', async () => {
    await installPack(db, pack('1', ['a', 'b']), 'subscription', 1000);
    const broken = pack('2', ['x', 'x']); // duplicate key: bulkAdd fails inside the transaction
    await expect(installPack(db, broken, 'subscription', 2000)).rejects.toThrow();
    expect((await db.templates.toArray()).map((t) => t.id).sort()).toEqual(['a', 'b']);
    expect(await db.packs.get('sufler-default')).toMatchObject({ version: '1' });
  });

  it('keeps data across reopening the database (a service-worker restart or extension update)', async () => {
    await installBundledPack(db, pack('1', ['a']), 'hash-1', 1000);
    const name = db.name;
    db.close();
    const reopened = new SuflerDatabase(name, { indexedDB, IDBKeyRange });
    expect(await reopened.templates.count()).toBe(1);
    expect(await installBundledPack(reopened, pack('1', ['a']), 'hash-1', 2000)).toBe('current');
  });

  it('serves lint rules grouped by pack with each pack build output', async () => {
    await installPack(db, { ...pack('1', ['a']), compiled: { lexicon: { могу: 'мочь' } } }, 'bundled', 1000);
    const rules = await createLibraryService(db).getLintRules();
    expect(rules.packs).toEqual([
      {
        packId: 'sufler-default',
        compiled: { lexicon: { могу: 'мочь' } },
        rules: [expect.objectContaining({ id: 'cannot-help', key: 'sufler-default/cannot-help' })],
      },
    ]);
  });
});
