import { access, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { buildLexicon } from '../lint/build-lexicon';
import { type DataError, PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../model';
import { buildSearchLexicon } from '../search/build-search-lexicon';
import { parsePack } from './parse-pack';

/**
 * Compiles a pack authoring folder into pack JSON (Node only: the CLI and the extension build use it).
 *
 *   pack.yaml        id, name, version, description, locale, policy
 *   replies/*.yaml   category: … + templates: [ … ]   (a template may override the file's category)
 *   rules/*.yaml     rules: [ … ]
 *   synonyms.yaml    synonyms: [ [деньги, бабки, средства], … ]   (optional; added to pack.yaml's own)
 *
 * Errors point at `file:line`, so a team lead can jump straight to the broken entry.
 */
export interface BuildPackResult {
  pack: Pack | null;
  errors: DataError[];
}

interface SourceRef {
  file: string;
  line: number;
}

export async function buildPackFromDir(dir: string): Promise<BuildPackResult> {
  const errors: DataError[] = [];
  const read = async (file: string) => {
    const text = await readFile(file, 'utf8');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const name = relative(dir, file);
    for (const error of doc.errors) {
      errors.push({
        path: `${name}:${error.linePos?.[0].line ?? 1}`,
        message: `ошибка YAML: ${error.message.split('\n')[0]}`,
      });
    }
    return { doc, lineCounter, name };
  };

  let header: Record<string, unknown> = {};
  try {
    const { doc } = await read(join(dir, 'pack.yaml'));
    header = (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch (error) {
    return {
      pack: null,
      errors: [{ path: 'pack.yaml', message: `не удалось прочитать: ${(error as Error).message}` }],
    };
  }

  const templates: unknown[] = [];
  const templateSources: SourceRef[] = [];
  for (const file of await yamlFiles(join(dir, 'replies'))) {
    const { doc, lineCounter, name } = await read(file);
    const list = doc.get('templates', true);
    const category = doc.get('category');
    if (!isSeq(list)) {
      errors.push({ path: `${name}:1`, message: 'нужен список «templates:»' });
      continue;
    }
    for (const item of list.items) {
      const value = isMap(item) ? (item.toJSON() as Record<string, unknown>) : item;
      templates.push(isMap(item) && category !== undefined ? { category, ...(value as object) } : value);
      templateSources.push({
        file: name,
        line: lineCounter.linePos((item as { range?: number[] }).range?.[0] ?? 0).line,
      });
    }
  }

  const rules: unknown[] = [];
  const ruleSources: SourceRef[] = [];
  for (const file of await yamlFiles(join(dir, 'rules'))) {
    const { doc, lineCounter, name } = await read(file);
    const list = doc.get('rules', true);
    if (!isSeq(list)) {
      errors.push({ path: `${name}:1`, message: 'нужен список «rules:»' });
      continue;
    }
    for (const item of list.items) {
      rules.push(isMap(item) ? item.toJSON() : item);
      ruleSources.push({ file: name, line: lineCounter.linePos((item as { range?: number[] }).range?.[0] ?? 0).line });
    }
  }
  const synonyms: unknown[] = Array.isArray(header.synonyms) ? [...header.synonyms] : [];
  const synonymSources: SourceRef[] = synonyms.map(() => ({ file: 'pack.yaml', line: 1 }));
  if (!Array.isArray(header.synonyms) || header.synonyms.length === 0) delete header.synonyms;
  const synonymsFile = join(dir, 'synonyms.yaml');
  if (await exists(synonymsFile)) {
    const { doc, lineCounter, name } = await read(synonymsFile);
    const list = doc.get('synonyms', true);
    if (!isSeq(list)) errors.push({ path: `${name}:1`, message: 'нужен список «synonyms:» — группы слов в [ ]' });
    else {
      for (const item of list.items) {
        synonyms.push(isSeq(item) ? item.toJSON() : item);
        synonymSources.push({
          file: name,
          line: lineCounter.linePos((item as { range?: number[] }).range?.[0] ?? 0).line,
        });
      }
    }
  }
  if (errors.length > 0) return { pack: null, errors };

  const draft = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    ...header,
    templates,
    rules,
    ...(synonyms.length > 0 ? { synonyms } : {}),
  };
  const parsed = parsePack(draft);
  const sources = { templates: templateSources, rules: ruleSources, synonyms: synonymSources };
  const located = parsed.errors.map((error) => locate(error, sources));
  if (!parsed.pack) return { pack: null, errors: located };
  // The word forms of the rules and of the library, so the runtime lints and searches every form without a
  // morphology dictionary.
  const pack: Pack = {
    ...parsed.pack,
    compiled: {
      ...parsed.pack.compiled,
      lint: await buildLexicon(parsed.pack.rules),
      search: await buildSearchLexicon(parsed.pack),
    },
  };
  return { pack, errors: located };
}

/** Maps `templates[3].title` to `replies/returns.yaml:12` so the error names the file a lead edits. */
function locate(error: DataError, sources: Record<string, SourceRef[]>): DataError {
  const match = /^(templates|rules|synonyms)\[(\d+)\](.*)$/.exec(error.path);
  const source = match ? sources[match[1]]?.[Number(match[2])] : undefined;
  if (!match || !source) return { path: `pack.yaml ${error.path}`.trim(), message: error.message };
  // The message already names the field as the UI does («Название»: …).
  return { path: `${source.file}:${source.line}`, message: error.message };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function yamlFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}
