import { defineMessages } from '../i18n';
import {
  type ConflictChoice,
  type DataError,
  type ImportConflict,
  type ImportPreview,
  type ImportResult,
  type LibraryExport,
  type LibraryFormat,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type Pack,
  PERSONAL_PACK_ID,
  type StoredTemplate,
  type Template,
} from '../model';
import { parseCsvPack, templatesToCsv } from '../packs/pack-csv';
import { parsePack } from '../packs/parse-pack';
import { slugify } from '../packs/slugify';
import { bumpDataVersion, readDataVersion } from './data-version';
import { type SuflerDatabase, templateKey } from './database';
import { sameContent, templateContent } from './install-pack';

const t = defineMessages({
  ru: {
    stale: 'библиотека изменилась после предпросмотра — посмотрите изменения ещё раз',
    // The names an exported file carries when the agent gave none (a team pack's name is the lead's own).
    personalName: 'Мои шаблоны',
    teamName: 'Пакет команды',
  },
  en: {
    stale: 'the library changed after the preview: review the changes again',
    personalName: 'My templates',
    teamName: 'Team pack',
  },
});

/**
 * The agent's own library (the personal pack): export as a JSON pack or CSV, and import either back,
 * all-or-nothing, after a preview. Import merges by template id: new ids are added, known ids are
 * overwritten, templates missing from the file are kept. Rules in an imported pack are not imported (the
 * personal library holds templates only); the preview counts them.
 *
 * A conflict is an incoming template that would make the library ambiguous: a different id with the same
 * title as one of the agent's templates, or a shortcut another template in the library already uses.
 * The agent chooses to skip conflicts or import them anyway. The preview carries the data version it was
 * computed against; applying recomputes inside the write transaction and refuses if the library changed
 * in between, so what is applied is exactly what was previewed.
 */

/** «2026.12.02.0145» (UTC): compared as numbers by comparePackVersions, later exports are newer. */
function teamVersion(now: number): string {
  const iso = new Date(now).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '.')}.${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

export function createLibraryTransferService(db: SuflerDatabase) {
  const personal = () => db.templates.where('packId').equals(PERSONAL_PACK_ID).toArray();

  async function computePreview(text: string, format: LibraryFormat): Promise<ImportPreview> {
    const parsed = parseImport(text, format);
    if (!parsed.pack) return { ok: false, errors: parsed.errors };
    const mine = await personal();
    const byId = new Map(mine.map((template) => [template.id, template]));
    const byTitle = new Map(mine.map((template) => [normalizeTitle(template.title), template]));
    const shortcuts = new Map<string, StoredTemplate>();
    for (const template of await db.templates.toArray()) {
      if (template.shortcut) shortcuts.set(template.shortcut.toLowerCase(), template);
    }

    const preview = {
      ok: true as const,
      dataVersion: await readDataVersion(db),
      added: [] as Template[],
      updated: [] as { before: Template; after: Template }[],
      unchanged: 0,
      conflicts: [] as ImportConflict[],
      ignoredRules: parsed.pack.rules.length,
    };
    for (const incoming of parsed.pack.templates) {
      const existing = byId.get(incoming.id);
      if (existing && sameContent(templateContent(existing), templateContent(incoming))) {
        preview.unchanged++;
        continue;
      }
      const sameTitle = byTitle.get(normalizeTitle(incoming.title));
      const sameShortcut = incoming.shortcut ? shortcuts.get(incoming.shortcut.toLowerCase()) : undefined;
      const selfKey = templateKey(PERSONAL_PACK_ID, incoming.id);
      if (sameTitle && sameTitle.id !== incoming.id) {
        preview.conflicts.push({ incoming, existing: describe(sameTitle), reason: 'same-title' });
      } else if (sameShortcut && sameShortcut.key !== selfKey) {
        preview.conflicts.push({ incoming, existing: describe(sameShortcut), reason: 'same-shortcut' });
      } else if (existing) {
        preview.updated.push({ before: plainTemplate(existing), after: incoming });
      } else {
        preview.added.push(incoming);
      }
    }
    return preview;
  }

  return {
    /**
     * The agent's templates as a file. `team` makes it a team pack a lead publishes as is: an id of its own
     * (the personal pack's id is refused by every subscription), the lead's name for it, and a version that
     * grows with each export (`2026.12.02.0145`), so agents' extensions take each new export as an update.
     */
    async exportLibrary(
      { format, team }: { format: LibraryFormat; team?: { name: string } },
      now: number,
    ): Promise<LibraryExport> {
      const templates = (await personal()).map(plainTemplate).sort((a, b) => a.id.localeCompare(b.id));
      const date = new Date(now).toISOString().slice(0, 10);
      if (format === 'csv' && !team) {
        return {
          fileName: `sufler-${date}.csv`,
          mimeType: 'text/csv;charset=utf-8',
          text: templatesToCsv(templates),
          count: templates.length,
        };
      }
      const teamName = team?.name.trim() || t.teamName;
      const pack: Pack = {
        format: PACK_FORMAT,
        formatVersion: PACK_FORMAT_VERSION,
        id: team ? `team-${slugify(teamName) || 'pack'}`.slice(0, 64) : PERSONAL_PACK_ID,
        name: team ? teamName : t.personalName,
        version: team ? teamVersion(now) : date,
        description: '',
        locale: 'ru',
        templates,
        rules: [],
        policy: {},
      };
      // Taught sites travel with the library, so a lead can publish them in the team pack.
      const sites = (await db.learnedSites.orderBy('id').toArray()).map(({ id, match, fields }) => ({
        id,
        match,
        fields,
      }));
      if (sites.length > 0) pack.sites = sites;
      return {
        fileName: team ? `${pack.id}-${pack.version}.json` : `sufler-${date}.json`,
        mimeType: 'application/json',
        text: `${JSON.stringify(pack, null, 2)}\n`,
        count: templates.length,
      };
    },

    /** What an import would change; nothing is written. */
    previewImport({ text, format }: { text: string; format: LibraryFormat }): Promise<ImportPreview> {
      return db.transaction('r', [db.templates, db.meta], () => computePreview(text, format));
    },

    /** Applies an import in one transaction, exactly as previewed at `expectedDataVersion`. */
    async applyImport(
      {
        text,
        format,
        expectedDataVersion,
        conflicts,
      }: { text: string; format: LibraryFormat; expectedDataVersion: number; conflicts: ConflictChoice },
      now: number,
    ): Promise<ImportResult> {
      return db.transaction('rw', [db.templates, db.meta, db.learnedSites], async (): Promise<ImportResult> => {
        const preview = await computePreview(text, format);
        if (!preview.ok) return { status: 'failed', errors: preview.errors };
        if (preview.dataVersion !== expectedDataVersion) {
          return {
            status: 'stale',
            message: t.stale,
          };
        }
        const incoming = [
          ...preview.added,
          ...preview.updated.map(({ after }) => after),
          ...(conflicts === 'import' ? preview.conflicts.map(({ incoming: template }) => template) : []),
        ];
        const existing = new Map((await personal()).map((template) => [template.id, template]));
        await db.templates.bulkPut(
          incoming.map((template): StoredTemplate => {
            const before = existing.get(template.id);
            // A customised copy keeps its link to the pack; only its content is replaced.
            return {
              ...template,
              key: templateKey(PERSONAL_PACK_ID, template.id),
              packId: PERSONAL_PACK_ID,
              updatedAt: now,
              ...(before?.origin ? { origin: before.origin } : {}),
            };
          }),
        );
        // Sites in the file join the agent's taught sites; one the agent already taught (same id) stays theirs.
        let sitesAdded = 0;
        for (const site of parseImport(text, format).pack?.sites ?? []) {
          if (await db.learnedSites.get(site.id)) continue;
          await db.learnedSites.put({ ...site, updatedAt: now });
          sitesAdded++;
        }
        const dataVersion = incoming.length + sitesAdded > 0 ? await bumpDataVersion(db) : preview.dataVersion;
        return {
          status: 'applied',
          added: preview.added.length + (conflicts === 'import' ? preview.conflicts.length : 0),
          updated: preview.updated.length,
          skipped: conflicts === 'skip' ? preview.conflicts.length : 0,
          dataVersion,
        };
      });
    },
  };
}

export type LibraryTransferService = ReturnType<typeof createLibraryTransferService>;

function parseImport(text: string, format: LibraryFormat): { pack: Pack | null; errors: DataError[] } {
  if (format === 'csv') return parseCsvPack(text, { packId: PERSONAL_PACK_ID, name: t.personalName });
  return parsePack(text.replace(/^\uFEFF/, ''));
}

function plainTemplate(template: Template): Template {
  return { id: template.id, ...templateContent(template) };
}

function describe(template: StoredTemplate) {
  return { key: template.key, title: template.title, packId: template.packId };
}

const normalizeTitle = (title: string) => title.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
