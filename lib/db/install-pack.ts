import type { Pack } from '../model';
import { bumpDataVersion } from './data-version';
import { type PackSource, type StoredRule, type StoredTemplate, type SuflerDatabase, templateKey } from './database';

/**
 * Replaces one pack's header, templates and rules in a single transaction: either the whole new version
 * is in place or the old one is untouched. Other packs and the agent's personal templates are never
 * read or written here; usage rows are keyed by stable template ids and so survive the update.
 */
export async function installPack(db: SuflerDatabase, pack: Pack, source: PackSource, now: number): Promise<void> {
  const { templates, rules, ...header } = pack;
  await db.transaction('rw', [db.packs, db.templates, db.rules, db.meta], async () => {
    const previous = await db.packs.get(pack.id);
    await db.templates.where('packId').equals(pack.id).delete();
    await db.rules.where('packId').equals(pack.id).delete();
    await db.templates.bulkAdd(
      templates.map(
        (template): StoredTemplate => ({
          ...template,
          key: templateKey(pack.id, template.id),
          packId: pack.id,
          updatedAt: now,
        }),
      ),
    );
    await db.rules.bulkAdd(
      rules.map((rule): StoredRule => ({ ...rule, key: templateKey(pack.id, rule.id), packId: pack.id })),
    );
    await db.packs.put({ ...header, source, installedAt: previous?.installedAt ?? now, updatedAt: now });
    await bumpDataVersion(db);
  });
}

const BUNDLED_HASH_KEY = 'bundledPackHash';

/**
 * Seeds the bundled default pack on install and refreshes it whenever its content changes (extension
 * update). `contentHash` is computed at build time; an unchanged pack costs one read on each start.
 */
export async function installBundledPack(
  db: SuflerDatabase,
  pack: Pack,
  contentHash: string,
  now: number,
): Promise<'installed' | 'current'> {
  const stored = await db.meta.get(BUNDLED_HASH_KEY);
  if (stored?.value === contentHash && (await db.packs.get(pack.id))) return 'current';
  await installPack(db, pack, 'bundled', now);
  await db.meta.put({ key: BUNDLED_HASH_KEY, value: contentHash });
  return 'installed';
}
