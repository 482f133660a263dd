import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SuflerDatabase, templateKey } from '../../../lib/db/database';
import { createPersonalLibraryService } from '../../../lib/db/personal-library-service';

let counter = 0;
const fresh = () => {
  const db = new SuflerDatabase(`personal-${++counter}`, { indexedDB, IDBKeyRange });
  return { db, personal: createPersonalLibraryService(db, () => 1000) };
};
const draft = {
  title: 'Спасибо за ожидание',
  body: '[Имя], спасибо, что подождали!',
  tags: ['ожидание'],
  category: 'Личные',
};

describe('the personal library', () => {
  it('creates templates with stable ASCII ids, unique even for the same title', async () => {
    const { personal } = fresh();
    const first = await personal.createTemplate(draft);
    const second = await personal.createTemplate(draft);
    expect(first).toMatchObject({
      ok: true,
      template: { id: 'my-spasibo-za-ozhidanie', key: 'personal/my-spasibo-za-ozhidanie' },
    });
    expect(second).toMatchObject({ ok: true, template: { id: 'my-spasibo-za-ozhidanie-2' } });
  });

  it('returns field errors in Russian instead of saving an invalid template', async () => {
    const { personal, db } = fresh();
    const result = await personal.createTemplate({ ...draft, body: '   ', shortcut: 'два слова' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.path).sort()).toEqual(['body', 'shortcut']);
    expect(await db.templates.count()).toBe(0);
  });

  it('says «Текст»: не заполнено for an empty template, not zod’s English', async () => {
    const { personal } = fresh();
    const result = await personal.createTemplate({ ...draft, title: '', body: '' });
    expect(!result.ok && result.errors).toEqual([
      { path: 'title', message: '«Название»: не заполнено' },
      { path: 'body', message: '«Текст»: не заполнено' },
    ]);
  });

  it('refuses to edit a team pack template, and copies one into the personal library', async () => {
    const { personal, db } = fresh();
    await db.templates.add({
      ...draft,
      id: 'wait',
      key: templateKey('team', 'wait'),
      packId: 'team',
      updatedAt: 1,
      shortcut: 'жду',
    });
    await expect(personal.updateTemplate({ key: 'team/wait', draft })).rejects.toThrow(/скопируйте его в личные/);
    const copy = await personal.copyToPersonal({ key: 'team/wait' });
    expect(copy).toMatchObject({ packId: 'personal', title: draft.title, shortcut: undefined });
  });

  it('keeps the link of a customised copy to its pack template when the agent edits it', async () => {
    const { personal, db } = fresh();
    const origin = { packId: 'team', templateId: 'wait', base: { title: 't', body: 'b', tags: [], category: 'c' } };
    await db.templates.add({
      ...draft,
      id: 'team.wait',
      key: 'personal/team.wait',
      packId: 'personal',
      updatedAt: 1,
      origin,
    });
    const saved = await personal.updateTemplate({
      key: 'personal/team.wait',
      draft: { ...draft, body: 'Новый текст, [Имя].' },
    });
    expect(saved).toMatchObject({ ok: true, template: { body: 'Новый текст, [Имя].', origin } });
  });

  it('deletes with undo, and bulk-tags only personal templates', async () => {
    const { personal, db } = fresh();
    const created = await personal.createTemplate(draft);
    const key = created.ok ? created.template.key : '';
    await db.templates.add({ ...draft, id: 'x', key: 'team/x', packId: 'team', updatedAt: 1 });
    expect(await personal.bulkTag({ keys: [key, 'team/x'], add: ['вежливость'], remove: ['ожидание'] })).toBe(1);
    expect((await db.templates.get(key))?.tags).toEqual(['вежливость']);
    const deleted = await personal.deleteTemplates({ keys: [key, 'team/x'] });
    expect(deleted.map((t) => t.key)).toEqual([key]);
    expect(await db.templates.count()).toBe(1);
    await personal.restoreTemplates({ templates: deleted });
    expect((await db.templates.get(key))?.tags).toEqual(['вежливость']);
  });
});

describe('the personal library against the rest of the library (issue 15)', () => {
  it('refuses a shortcut another template already has, naming that template, but keeps a template’s own', async () => {
    const { personal } = fresh();
    const first = await personal.createTemplate({ ...draft, shortcut: 'ждём' });
    const second = await personal.createTemplate({ ...draft, title: 'Другой', shortcut: 'ЖДЁМ' });
    expect(second).toEqual({
      ok: false,
      errors: [
        {
          path: 'shortcut',
          message:
            'Сокращение «ЖДЁМ» уже у шаблона «Спасибо за ожидание»: в поиске они будут мешать друг другу — выберите другое',
        },
      ],
    });
    // Saving the first one again with its own shortcut is no clash.
    expect(
      first.ok &&
        (await personal.updateTemplate({ key: first.template.key, draft: { ...draft, shortcut: 'ждём' } })).ok,
    ).toBe(true);
  });

  it('refuses a category that differs from an existing one only by case', async () => {
    const { personal } = fresh();
    await personal.createTemplate({ ...draft, category: 'Заказы' });
    const result = await personal.createTemplate({ ...draft, category: 'заказы' });
    expect(!result.ok && result.errors).toEqual([
      {
        path: 'category',
        message: 'Категория «заказы» уже есть как «Заказы»: напишите её так же, иначе в списке будет две',
      },
    ]);
    expect((await personal.createTemplate({ ...draft, category: 'Заказы' })).ok).toBe(true);
  });

  it('turns a pasted helpdesk macro into the placeholder that fills itself, on save as on import', async () => {
    const { personal } = fresh();
    const result = await personal.createTemplate({ ...draft, body: 'С уважением, {{agent_name}}. Ваш {{ticket.id}}' });
    expect(result.ok && result.template.body).toBe('С уважением, [Имя агента]. Ваш [номер обращения]');
  });
});
