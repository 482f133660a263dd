import { defineMessages } from '../i18n';
import { PERSONAL_PACK_ID, type StoredTemplate, type TemplateContent } from '../model';
import { bumpDataVersion } from './data-version';
import { type SuflerDatabase, templateKey } from './database';
import { templateContent } from './install-pack';

const t = defineMessages({
  ru: { notFound: 'шаблон не найден — возможно, пакет уже обновился' },
  en: { notFound: 'template not found — the pack may have been updated already' },
});

/**
 * The agent's customised copies of pack templates. Customising moves the template into the personal pack
 * (id `<packId>.<templateId>`, a valid pack id) with an `origin` link; the pack's own row is removed and is
 * not reinstalled by syncs while the copy exists, so the library never shows both. Each sync then marks the
 * copy when the pack's version moves away from `origin.base` (install-pack.ts); the agent either takes the
 * pack's version (the copy goes, the pack row returns) or keeps theirs (the mark clears until the next
 * upstream change). Usage recorded under the pack key stays; stats can join it through `origin`.
 */
export function createCustomisedTemplateService(db: SuflerDatabase) {
  const write = <T>(fn: () => Promise<T>) => db.transaction('rw', [db.templates, db.packs, db.meta], fn);

  return {
    /** Creates (or updates) the agent's copy of a pack template with their edits. Returns the copy's key. */
    async customiseTemplate(
      { key, changes }: { key: string; changes: Partial<TemplateContent> },
      now: number,
    ): Promise<{ ok: true; key: string } | { ok: false; message: string }> {
      return write(async () => {
        const source = await db.templates.get(key);
        if (!source) return { ok: false as const, message: t.notFound };
        if (source.packId === PERSONAL_PACK_ID) {
          await db.templates.put({ ...source, ...changes, updatedAt: now });
          await bumpDataVersion(db);
          return { ok: true as const, key: source.key };
        }
        const id = `${source.packId}.${source.id}`;
        const copy: StoredTemplate = {
          ...templateContent(source),
          ...changes,
          id,
          key: templateKey(PERSONAL_PACK_ID, id),
          packId: PERSONAL_PACK_ID,
          updatedAt: now,
          origin: { packId: source.packId, templateId: source.id, base: templateContent(source) },
        };
        await db.templates.delete(source.key);
        await db.templates.put(copy);
        await bumpDataVersion(db);
        return { ok: true as const, key: copy.key };
      });
    },

    /** «Взять версию из пака»: drops the copy and puts the pack's current version back in the library. */
    async acceptUpstream({ key }: { key: string }, now: number): Promise<{ ok: boolean }> {
      return write(async () => {
        const copy = await db.templates.get(key);
        const origin = copy?.origin;
        if (!copy || !origin) return { ok: false };
        await db.templates.delete(copy.key);
        const packInstalled = Boolean(await db.packs.get(origin.packId));
        if (!origin.removedUpstream && packInstalled) {
          const content = origin.upstream ? stripUpstreamMeta(origin.upstream) : origin.base;
          await db.templates.put({
            ...content,
            id: origin.templateId,
            key: templateKey(origin.packId, origin.templateId),
            packId: origin.packId,
            updatedAt: now,
          });
        }
        await bumpDataVersion(db);
        return { ok: true };
      });
    },

    /** «Оставить мою версию»: the upstream version becomes the new base, so the mark clears. */
    async keepMine({ key }: { key: string }): Promise<{ ok: boolean }> {
      return write(async () => {
        const copy = await db.templates.get(key);
        const origin = copy?.origin;
        if (!copy || !origin) return { ok: false };
        const next: StoredTemplate = { ...copy };
        if (origin.removedUpstream) delete next.origin;
        else if (origin.upstream) {
          next.origin = {
            packId: origin.packId,
            templateId: origin.templateId,
            base: stripUpstreamMeta(origin.upstream),
          };
        }
        await db.templates.put(next);
        await bumpDataVersion(db);
        return { ok: true };
      });
    },
  };
}

export type CustomisedTemplateService = ReturnType<typeof createCustomisedTemplateService>;

function stripUpstreamMeta(upstream: NonNullable<StoredTemplate['origin']>['upstream'] & object): TemplateContent {
  const { packVersion: _version, seenAt: _seenAt, ...content } = upstream;
  return content;
}
