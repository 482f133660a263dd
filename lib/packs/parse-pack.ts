import { z } from 'zod';
import { type DataError, PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../model';
import { LIMITS, packSchema } from './pack-schema';
import { splitPackSites } from './pack-sites';

export interface ParsePackResult {
  /** The validated pack, or null when any error was found (a pack is accepted whole or not at all). */
  pack: Pack | null;
  errors: DataError[];
  /** Parts refused while the rest was accepted: broken `sites` entries, each naming the entry. */
  warnings?: DataError[];
}

const zodRussian = z.locales.ru().localeError;
const TYPE_NAMES: Record<string, string> = {
  string: 'строка',
  number: 'число',
  boolean: 'да/нет (true или false)',
  array: 'список',
  object: 'объект',
};

/** Zod's Russian messages, made plainer for team leads: a missing field is named as missing, types in Russian. */
const russianErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'обязательное поле не заполнено';
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    const received = Array.isArray(issue.input) ? 'список' : (TYPE_NAMES[typeof issue.input] ?? typeof issue.input);
    return `ожидается ${expected}, а здесь ${received}`;
  }
  return zodRussian(issue);
};

/**
 * Validates a pack given as JSON text or as an already parsed value. Never throws: every problem is
 * returned with its JSON path and a message in Russian, so a team lead can fix them all in one pass.
 */
export function parsePack(input: unknown): ParsePackResult {
  let data = input;
  if (typeof input === 'string') {
    const bytes = utf8Length(input);
    if (bytes > LIMITS.packBytes) {
      return fail('', `пакет слишком большой: ${formatMb(bytes)}, допустимо не больше ${formatMb(LIMITS.packBytes)}`);
    }
    try {
      data = JSON.parse(input);
    } catch (error) {
      return fail('', `это не JSON: ${describeJsonError(input, error as Error)}`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('', 'пакет должен быть JSON-объектом вида { "format": "sufler-pack", … }');
  }
  const header = data as Record<string, unknown>;
  if (header.format !== PACK_FORMAT) {
    return fail('format', `это не пакет Суфлёра: ожидается "format": "${PACK_FORMAT}"`);
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > PACK_FORMAT_VERSION) {
    return fail(
      'formatVersion',
      `пакет в формате версии ${header.formatVersion}, а эта версия Суфлёра понимает только версию ${PACK_FORMAT_VERSION} — обновите расширение`,
    );
  }

  // Broken site entries are refused one by one (named in `warnings`); the rest of the pack is judged as usual.
  const sites = splitPackSites(header.sites);
  if (header.sites !== undefined) data = { ...header, sites: sites.sites };
  const result = packSchema.safeParse(data, { error: russianErrors });
  if (!result.success) {
    return {
      pack: null,
      errors: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const pack = result.data as Pack;
  const errors = [...duplicateIds(pack.templates, 'templates'), ...duplicateIds(pack.rules, 'rules')];
  for (const ruleId of Object.keys(pack.policy.severityOverrides ?? {})) {
    if (!pack.rules.some((rule) => rule.id === ruleId)) {
      errors.push({ path: `policy.severityOverrides.${ruleId}`, message: `в пакете нет правила «${ruleId}»` });
    }
  }
  if (errors.length > 0) return { pack: null, errors };
  return sites.errors.length > 0 ? { pack, errors: [], warnings: sites.errors } : { pack, errors: [] };
}

function duplicateIds(items: { id: string }[], field: string): DataError[] {
  const firstIndex = new Map<string, number>();
  const errors: DataError[] = [];
  items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) firstIndex.set(item.id, index);
    else
      errors.push({
        path: `${field}[${index}].id`,
        message: `идентификатор «${item.id}» уже занят элементом ${field}[${first}]`,
      });
  });
  return errors;
}

/** `['templates', 3, 'title']` → `templates[3].title` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/** Adds the line and column to V8's "… at position N" so the error can be found in an editor. */
function describeJsonError(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${error.message.replace(/ in JSON at position \d+.*$/, '')} (строка ${line}, столбец ${column})`;
}

function fail(path: string, message: string): ParsePackResult {
  return { pack: null, errors: [{ path, message }] };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} МБ`;
}
