import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredTemplate } from '@/lib/model';
import { readDataVersion } from '../../../lib/db/data-version';
import { SuflerDatabase, templateKey } from '../../../lib/db/database';
import { installPack } from '../../../lib/db/install-pack';
import { createLibraryTransferService, type LibraryTransferService } from '../../../lib/db/library-transfer-service';
import { PERSONAL_PACK_ID, type Template } from '../../../lib/model';
import { comparePackVersions } from '../../../lib/packs/pack-version';
import { parsePack } from '../../../lib/packs/parse-pack';
import { samplePack } from '../../fixtures/pack-server';

let counter = 0;
const freshDb = () => new SuflerDatabase(`transfer-${++counter}`, { indexedDB, IDBKeyRange });
const T0 = Date.UTC(2026, 10, 23, 10, 0);

const mine = (id: string, extra: Partial<Template> = {}): StoredTemplate => ({
  id,
  title: `Мой ${id}`,
  body: `Текст ${id}\nвторая строка, с "кавычками"`,
  tags: ['мои'],
  category: 'Личные',
  key: templateKey(PERSONAL_PACK_ID, id),
  packId: PERSONAL_PACK_ID,
  updatedAt: T0,
  ...extra,
});

describe('the agent’s own library: export and import', () => {
  let db: SuflerDatabase;
  let transfer: LibraryTransferService;
  beforeEach(async () => {
    db = freshDb();
    transfer = createLibraryTransferService(db);
    await installPack(db, samplePack(), 'subscription', T0); // pack templates are never exported or touched
    await db.templates.bulkAdd([mine('a', { shortcut: 'прив' }), mine('b', { note: 'ст. 25 ЗоЗПП' })]);
  });

  it.each(['json', 'csv'] as const)('round-trips through %s into an empty library', async (format) => {
    const exported = await transfer.exportLibrary({ format }, T0);
    expect(exported).toMatchObject({ count: 2, fileName: `sufler-2026-11-23.${format}` });
    const target = createLibraryTransferService(freshDb());
    const preview = await target.previewImport({ text: exported.text, format });
    expect(preview).toMatchObject({ ok: true, unchanged: 0, updated: [], conflicts: [], ignoredRules: 0 });
    if (!preview.ok) return;
    expect(preview.added.map((t) => t.id)).toEqual(['a', 'b']);
    const result = await target.applyImport(
      { text: exported.text, format, expectedDataVersion: preview.dataVersion, conflicts: 'skip' },
      T0 + 1,
    );
    expect(result).toMatchObject({ status: 'applied', added: 2, updated: 0 });
    // Re-exporting the imported library gives the same file.
    expect((await target.exportLibrary({ format }, T0)).text).toBe(exported.text);
  });

  it('exports a JSON pack that is valid and holds only personal templates', async () => {
    const { text } = await transfer.exportLibrary({ format: 'json' }, T0);
    const pack = JSON.parse(text);
    expect(pack).toMatchObject({ format: 'sufler-pack', id: 'personal', rules: [], policy: {} });
    expect(pack.templates.map((t: Template) => t.id)).toEqual(['a', 'b']);
    expect(pack.templates[0]).not.toHaveProperty('key');
  });

  it('previews added, updated, unchanged and conflicts before writing anything', async () => {
    const csv = [
      'id,title,body,tags,category,shortcut',
      'a,Мой a,"Текст a\nвторая строка, с ""кавычками""",мои,Личные,прив', // unchanged
      'b,Мой b,Новый текст,мои,Личные,', // updated (note dropped too)
      'c,Новый,Совсем новый,,Личные,', // added
      'd,МОЙ   a,Дубль по названию,,Личные,', // conflict: same title as «Мой a», other id
      'e,Другое,Дубль по сокращению,,Личные,прив', // conflict: shortcut used by «a»
    ].join('\n');
    const versionBefore = await readDataVersion(db);
    const preview = await transfer.previewImport({ text: csv, format: 'csv' });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(preview.unchanged).toBe(1);
    expect(preview.updated).toEqual([
      {
        before: expect.objectContaining({ id: 'b', body: expect.stringMatching(/^Текст b/) }),
        after: expect.objectContaining({ id: 'b', body: 'Новый текст' }),
      },
    ]);
    expect(preview.added.map((t) => t.id)).toEqual(['c']);
    expect(preview.conflicts.map((c) => [c.incoming.id, c.reason, c.existing.key])).toEqual([
      ['d', 'same-title', 'personal/a'],
      ['e', 'same-shortcut', 'personal/a'],
    ]);
    expect(await readDataVersion(db)).toBe(versionBefore);

    expect(
      await transfer.applyImport(
        { text: csv, format: 'csv', expectedDataVersion: preview.dataVersion, conflicts: 'skip' },
        T0 + 5,
      ),
    ).toMatchObject({ status: 'applied', added: 1, updated: 1, skipped: 2 });
    const keys = (await db.templates.where('packId').equals(PERSONAL_PACK_ID).toArray()).map((t) => t.id);
    expect(keys).toEqual(['a', 'b', 'c']);
    expect((await db.templates.get('personal/b'))?.body).toBe('Новый текст');
    expect((await db.templates.get('personal/a'))?.updatedAt).toBe(T0);
  });

  it('imports conflicts when asked, and refuses a preview that went stale', async () => {
    const json = JSON.stringify(
      samplePack({ id: 'someone-else', templates: [{ id: 'z', title: 'Мой a', body: 'x', tags: [], category: 'Д' }] }),
    );
    const preview = await transfer.previewImport({ text: json, format: 'json' });
    if (!preview.ok) throw new Error('preview failed');
    expect(preview.conflicts).toHaveLength(1);
    await db.templates.put(mine('late')); // the library changes between preview and apply
    await db.meta.put({ key: 'dataVersion', value: preview.dataVersion + 1 });
    expect(
      await transfer.applyImport(
        { text: json, format: 'json', expectedDataVersion: preview.dataVersion, conflicts: 'import' },
        T0,
      ),
    ).toMatchObject({ status: 'stale' });
    expect(await db.templates.get('personal/z')).toBeUndefined();
    expect(
      await transfer.applyImport(
        { text: json, format: 'json', expectedDataVersion: preview.dataVersion + 1, conflicts: 'import' },
        T0,
      ),
    ).toMatchObject({ status: 'applied', added: 1 });
    expect(await db.templates.get('personal/z')).toMatchObject({ title: 'Мой a' });
  });

  it('rejects a broken file whole, with the row and column', async () => {
    const csv = 'id,title,body\nx,Хороший,Текст\ny,Плохой,\n';
    expect(await transfer.previewImport({ text: csv, format: 'csv' })).toEqual({
      ok: false,
      errors: [{ path: 'строка 3, столбец «body»', message: '«Текст»: не заполнено' }],
    });
    expect(
      await transfer.applyImport(
        { text: csv, format: 'csv', expectedDataVersion: await readDataVersion(db), conflicts: 'skip' },
        T0,
      ),
    ).toMatchObject({ status: 'failed' });
    expect(await db.templates.get('personal/x')).toBeUndefined();
    expect(await transfer.previewImport({ text: '{"format": ', format: 'json' })).toMatchObject({ ok: false });
  });

  it('counts the rules of an imported pack without importing them', async () => {
    const rule = {
      id: 'r',
      severity: 'error' as const,
      message: 'м',
      patterns: ['п'],
      suggestions: ['а', 'б'],
      examples: { bad: ['[[п]]'], good: ['х'] },
    };
    const preview = await transfer.previewImport({
      text: JSON.stringify(samplePack({ rules: [rule] })),
      format: 'json',
    });
    expect(preview).toMatchObject({ ok: true, ignoredRules: 1 });
  });
});

describe('«Экспорт как пакет команды» (issue 15)', () => {
  it('is a pack a lead can publish as is: its own id and name, a version that grows with each export', async () => {
    const db = freshDb();
    await db.templates.bulkPut([mine('a'), mine('b')]);
    const transfer = createLibraryTransferService(db);
    const first = await transfer.exportLibrary({ format: 'json', team: { name: 'Поддержка «Домотеки»' } }, T0);
    const later = await transfer.exportLibrary({ format: 'json', team: { name: 'Поддержка «Домотеки»' } }, T0 + 60_000);
    const pack = parsePack(first.text).pack!;
    expect(pack).toMatchObject({
      id: 'team-podderzhka-domoteki',
      name: 'Поддержка «Домотеки»',
      version: '2026.11.23.1000',
    });
    expect(pack.id).not.toBe(PERSONAL_PACK_ID);
    expect(pack.templates.map((template) => template.id)).toEqual(['a', 'b']);
    expect(first.fileName).toBe('team-podderzhka-domoteki-2026.11.23.1000.json');
    expect(comparePackVersions(parsePack(later.text).pack!.version, pack.version)).toBeGreaterThan(0);
  });
});
