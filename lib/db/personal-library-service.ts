import { defineMessages } from '../i18n';
import {
  type DataError,
  PERSONAL_PACK_ID,
  type SaveResult,
  type StoredTemplate,
  type Template,
  type TemplateDraft,
} from '../model';
import { describeIssues, russianErrorMap } from '../packs/describe-issues';
import { templateSchema } from '../packs/pack-schema';
import { slugify } from '../packs/slugify';
import { convertMacroPlaceholders } from '../templates/convert-macro-placeholders';
import { bumpDataVersion } from './data-version';
import { type SuflerDatabase, templateKey } from './database';

const t = defineMessages({
  ru: {
    shortcutTaken: (shortcut: string, title: string) =>
      `Сокращение «${shortcut}» уже у шаблона «${title}»: в поиске они будут мешать друг другу — выберите другое`,
    categoryCase: (typed: string, existing: string) =>
      `Категория «${typed}» уже есть как «${existing}»: напишите её так же, иначе в списке будет две`,
    notFound: 'Шаблон не найден: возможно, его уже удалили',
    teamReadOnly: 'Шаблоны из пакета команды не редактируются: сначала скопируйте его в личные',
    copyOf: (title: string) => `${title} (копия)`,
  },
  en: {
    shortcutTaken: (shortcut: string, title: string) =>
      `The shortcut “${shortcut}” already belongs to “${title}”: in the search they would clash — choose another`,
    categoryCase: (typed: string, existing: string) =>
      `The category “${typed}” already exists as “${existing}”: spell it the same, or the list shows two`,
    notFound: 'Template not found: it may have been deleted already',
    teamReadOnly: 'Team pack templates cannot be edited: copy it to your own templates first',
    copyOf: (title: string) => `${title} (copy)`,
  },
});

/**
 * The agent's own templates (the «personal» pack): create, edit, duplicate, delete with undo, bulk tags.
 * Team pack templates are read-only here: a sync replaces them as a whole (customising one is
 * customised-template-service.ts, which keeps the link to the pack).
 */
export function createPersonalLibraryService(db: SuflerDatabase, now: () => number = Date.now) {
  const validate = (id: string, draft: TemplateDraft) => {
    // A helpdesk macro pasted into the editor (`{{agent_name}}`) becomes our placeholder on save, as on import.
    const body = typeof draft.body === 'string' ? convertMacroPlaceholders(draft.body) : draft.body;
    const parsed = templateSchema.safeParse({ ...draft, body, id }, { error: russianErrorMap });
    return parsed.success
      ? { template: parsed.data as Template, errors: [] as DataError[] }
      : { template: null, errors: describeIssues(parsed.error.issues) };
  };

  const personalTemplate = async (key: string): Promise<StoredTemplate> => {
    const template = await db.templates.get(key);
    if (!template) throw new Error(t.notFound);
    if (template.packId !== PERSONAL_PACK_ID) {
      throw new Error(t.teamReadOnly);
    }
    return template;
  };

  /**
   * What the schema cannot see: the rest of the library. A shortcut another template already has (the
   * search would show both for it), and a category that differs from an existing one only by case
   * («заказы» next to «Заказы»: two rows in every category list).
   */
  const libraryErrors = async (template: Template, ownKey?: string): Promise<DataError[]> => {
    const others = (await db.templates.toArray()).filter((other) => other.key !== ownKey);
    const errors: DataError[] = [];
    const shortcut = template.shortcut?.toLocaleLowerCase('ru');
    const clash = shortcut && others.find((other) => other.shortcut?.toLocaleLowerCase('ru') === shortcut);
    if (clash) errors.push({ path: 'shortcut', message: t.shortcutTaken(template.shortcut!, clash.title) });
    const category = template.category.toLocaleLowerCase('ru');
    const near = others.find(
      (other) => other.category !== template.category && other.category.toLocaleLowerCase('ru') === category,
    );
    if (near) errors.push({ path: 'category', message: t.categoryCase(template.category, near.category) });
    return errors;
  };

  /** `origin` links a customised copy to its pack template; editing the copy must keep the link. */
  const save = async (template: Template, origin?: StoredTemplate['origin']): Promise<StoredTemplate> => {
    const stored: StoredTemplate = {
      ...template,
      ...(origin ? { origin } : {}),
      key: templateKey(PERSONAL_PACK_ID, template.id),
      packId: PERSONAL_PACK_ID,
      updatedAt: now(),
    };
    await db.transaction('rw', [db.templates, db.meta], async () => {
      await db.templates.put(stored);
      await bumpDataVersion(db);
    });
    return stored;
  };

  /** `my-<slug of the title>`, with `-2`, `-3` … when taken. */
  const freeId = async (title: string): Promise<string> => {
    const base = `my-${slugify(title) || 'template'}`;
    for (let attempt = 1; ; attempt++) {
      const id = attempt === 1 ? base : `${base}-${attempt}`;
      if (!(await db.templates.get(templateKey(PERSONAL_PACK_ID, id)))) return id;
    }
  };

  return {
    async createTemplate(draft: TemplateDraft): Promise<SaveResult> {
      const { template, errors } = validate(await freeId(draft.title ?? ''), draft);
      if (!template) return { ok: false, errors };
      const conflicts = await libraryErrors(template);
      return conflicts.length ? { ok: false, errors: conflicts } : { ok: true, template: await save(template) };
    },

    async updateTemplate({ key, draft }: { key: string; draft: TemplateDraft }): Promise<SaveResult> {
      const existing = await personalTemplate(key);
      const { template, errors } = validate(existing.id, draft);
      if (!template) return { ok: false, errors };
      const conflicts = await libraryErrors(template, key);
      return conflicts.length
        ? { ok: false, errors: conflicts }
        : { ok: true, template: await save(template, existing.origin) };
    },

    async copyToPersonal({ key }: { key: string }): Promise<StoredTemplate> {
      const source = await db.templates.get(key);
      if (!source) throw new Error(t.notFound);
      const { key: _key, packId, updatedAt: _updatedAt, id: _id, ...content } = source;
      const title = packId === PERSONAL_PACK_ID ? t.copyOf(content.title).slice(0, 200) : content.title;
      const { template } = validate(await freeId(title), { ...content, title, shortcut: undefined });
      return save(template!);
    },

    async deleteTemplates({ keys }: { keys: string[] }): Promise<StoredTemplate[]> {
      return db.transaction('rw', [db.templates, db.meta], async () => {
        const found = (await db.templates.bulkGet(keys)).filter(
          (template): template is StoredTemplate => template?.packId === PERSONAL_PACK_ID,
        );
        await db.templates.bulkDelete(found.map((template) => template.key));
        await bumpDataVersion(db);
        return found;
      });
    },

    async restoreTemplates({ templates }: { templates: StoredTemplate[] }): Promise<void> {
      const personal = templates.filter((template) => template.packId === PERSONAL_PACK_ID);
      await db.transaction('rw', [db.templates, db.meta], async () => {
        await db.templates.bulkPut(personal);
        await bumpDataVersion(db);
      });
    },

    async bulkTag({ keys, add, remove }: { keys: string[]; add: string[]; remove: string[] }): Promise<number> {
      const removing = new Set(remove.map((tag) => tag.trim().toLowerCase()));
      return db.transaction('rw', [db.templates, db.meta], async () => {
        const found = (await db.templates.bulkGet(keys)).filter(
          (template): template is StoredTemplate => template?.packId === PERSONAL_PACK_ID,
        );
        const at = now();
        await db.templates.bulkPut(
          found.map((template) => {
            const kept = template.tags.filter((tag) => !removing.has(tag.toLowerCase()));
            const tags = [...new Set([...kept, ...add.map((tag) => tag.trim()).filter(Boolean)])];
            return { ...template, tags, updatedAt: at };
          }),
        );
        await bumpDataVersion(db);
        return found.length;
      });
    },
  };
}
