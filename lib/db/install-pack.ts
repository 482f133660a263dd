import {
  type Pack,
  type PackSource,
  PERSONAL_PACK_ID,
  type StoredRule,
  type StoredTemplate,
  type Template,
  type TemplateContent,
} from '../model';
import { bumpDataVersion } from './data-version';
import { type SuflerDatabase, templateKey } from './database';

export interface InstallPackOptions {
  /** Recorded on the pack header: the subscription that installed it. */
  subscriptionId?: string;
  /**
   * Runs inside the same transaction after the pack is written (e.g. saving a subscription's ETag), so the
   * validators can never claim a version that is not installed. Tables: packs, templates, rules, meta,
   * subscriptions.
   */
  alsoInTransaction?: () => Promise<void>;
}

/** What an install changed, for «обновлено: …» in options and for tests. */
export interface InstallPackReport {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Customised copies that gained «в пакете есть новая версия» in this install. */
  customisedWithUpdate: number;
  /** Customised copies whose template the pack no longer has. */
  customisedRemovedUpstream: number;
}

/**
 * Replaces one pack's header, templates and rules in a single transaction: either the whole new version
 * is in place or the old one is untouched. Personal templates are never rewritten, except the agent's
 * customised copies of this pack's templates, which only get their upstream mark updated: while a copy
 * exists the pack's own row is not installed, and a template removed upstream disappears unless customised.
 * Usage rows are keyed by stable template keys and so survive; unchanged templates keep their `updatedAt`
 * and are not rewritten (a 10,000-template pack with one edit costs one put).
 */
export async function installPack(
  db: SuflerDatabase,
  pack: Pack,
  source: PackSource,
  now: number,
  options: InstallPackOptions = {},
): Promise<InstallPackReport> {
  const { templates, rules, ...header } = pack;
  const report: InstallPackReport = {
    added: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    customisedWithUpdate: 0,
    customisedRemovedUpstream: 0,
  };
  await db.transaction('rw', [db.packs, db.templates, db.rules, db.meta, db.subscriptions], async () => {
    const incoming = new Map<string, Template>();
    for (const template of templates) {
      // Checked here, not only by parsePack: a pack object from code must not install half of a duplicate.
      if (incoming.has(template.id)) throw new Error(`Pack ${pack.id}: duplicate template id "${template.id}"`);
      incoming.set(template.id, template);
    }

    const previous = await db.packs.get(pack.id);
    const customised = await db.templates
      .where('packId')
      .equals(PERSONAL_PACK_ID)
      .filter((template) => template.origin?.packId === pack.id)
      .toArray();
    const customisedIds = new Set<string>();
    const copyUpdates: StoredTemplate[] = [];
    for (const copy of customised) {
      const origin = copy.origin!;
      customisedIds.add(origin.templateId);
      const upstream = incoming.get(origin.templateId);
      let next = origin;
      if (!upstream) {
        if (!origin.removedUpstream) {
          next = { packId: origin.packId, templateId: origin.templateId, base: origin.base, removedUpstream: true };
          report.customisedRemovedUpstream++;
        }
      } else {
        const content = templateContent(upstream);
        if (sameContent(content, origin.base)) {
          if (origin.upstream || origin.removedUpstream) {
            next = { packId: origin.packId, templateId: origin.templateId, base: origin.base };
          }
        } else if (!origin.upstream || !sameContent(origin.upstream, content) || origin.removedUpstream) {
          next = {
            packId: origin.packId,
            templateId: origin.templateId,
            base: origin.base,
            upstream: { ...content, packVersion: pack.version, seenAt: now },
          };
          report.customisedWithUpdate++;
        }
      }
      if (next !== origin) copyUpdates.push({ ...copy, origin: next });
    }

    // toArray (getAll) rather than each (a cursor): an order of magnitude faster on big packs.
    const old = new Map<string, StoredTemplate>();
    for (const template of await db.templates.where('packId').equals(pack.id).toArray()) old.set(template.id, template);
    const writes: StoredTemplate[] = [];
    for (const template of templates) {
      if (customisedIds.has(template.id)) continue;
      const before = old.get(template.id);
      if (before && sameContent(templateContent(before), templateContent(template))) {
        report.unchanged++;
        continue;
      }
      if (before) report.updated++;
      else report.added++;
      writes.push({ ...template, key: templateKey(pack.id, template.id), packId: pack.id, updatedAt: now });
    }
    const removedKeys = [...old.values()]
      .filter((template) => !incoming.has(template.id) || customisedIds.has(template.id))
      .map((template) => template.key);
    report.removed = [...old.keys()].filter((id) => !incoming.has(id)).length;

    await db.templates.bulkDelete(removedKeys);
    await db.templates.bulkPut(writes);
    if (copyUpdates.length > 0) await db.templates.bulkPut(copyUpdates);
    await db.rules.where('packId').equals(pack.id).delete();
    await db.rules.bulkAdd(
      rules.map((rule): StoredRule => ({ ...rule, key: templateKey(pack.id, rule.id), packId: pack.id })),
    );
    await db.packs.put({
      ...header,
      source,
      installedAt: previous?.installedAt ?? now,
      updatedAt: now,
      ...(options.subscriptionId ? { subscriptionId: options.subscriptionId } : {}),
    });
    await options.alsoInTransaction?.();
    await bumpDataVersion(db);
  });
  return report;
}

/**
 * Removes a pack's header, templates and rules in one transaction (unsubscribing). Customised copies stay
 * the agent's, marked as removed upstream; usage rows stay too.
 */
export async function uninstallPack(
  db: SuflerDatabase,
  packId: string,
  options: Pick<InstallPackOptions, 'alsoInTransaction'> = {},
): Promise<void> {
  await db.transaction('rw', [db.packs, db.templates, db.rules, db.meta, db.subscriptions], async () => {
    // primaryKeys + bulkDelete (getAllKeys) instead of a deleting cursor: much faster on big packs.
    await db.templates.bulkDelete(await db.templates.where('packId').equals(packId).primaryKeys());
    await db.rules.bulkDelete(await db.rules.where('packId').equals(packId).primaryKeys());
    await db.packs.delete(packId);
    await db.templates
      .where('packId')
      .equals(PERSONAL_PACK_ID)
      .filter((template) => template.origin?.packId === packId)
      .modify((template) => {
        const { upstream: _dropped, ...origin } = template.origin!;
        template.origin = { ...origin, removedUpstream: true };
      });
    await options.alsoInTransaction?.();
    await bumpDataVersion(db);
  });
}

export function templateContent(template: TemplateContent): TemplateContent {
  const content: TemplateContent = {
    title: template.title,
    body: template.body,
    tags: [...template.tags],
    category: template.category,
  };
  if (template.shortcut !== undefined) content.shortcut = template.shortcut;
  if (template.note !== undefined) content.note = template.note;
  if (template.synonyms !== undefined) content.synonyms = [...template.synonyms];
  return content;
}

export function sameContent(a: TemplateContent, b: TemplateContent): boolean {
  return (
    a.title === b.title &&
    a.body === b.body &&
    a.category === b.category &&
    (a.shortcut ?? '') === (b.shortcut ?? '') &&
    (a.note ?? '') === (b.note ?? '') &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, index) => tag === b.tags[index]) &&
    (a.synonyms ?? []).join('\n') === (b.synonyms ?? []).join('\n')
  );
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
