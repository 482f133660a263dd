import { type DataError, PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../model';
import { describeIssues, russianErrorMap } from './describe-issues';
import { LIMITS, packSchema } from './pack-schema';
import { splitPackSites } from './pack-sites';

export interface ParsePackResult {
  /** The validated pack, or null when any error was found (a pack is accepted whole or not at all). */
  pack: Pack | null;
  errors: DataError[];
  /** Parts refused while the rest was accepted: broken `sites` entries, each naming the entry. */
  warnings?: DataError[];
}

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
    if (looksLikeHtml(input)) return fail('', WEB_PAGE_NOT_PACK);
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
  const result = packSchema.safeParse(data, { error: russianErrorMap });
  if (!result.success) return { pack: null, errors: describeIssues(result.error.issues) };
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

/** What a sign-in page, a captive portal or a sheet's preview page is: HTML where a pack was expected. */
export const WEB_PAGE_NOT_PACK = 'по адресу открылась веб-страница (вход?), а не пакет — дайте прямую ссылку на файл';

/** A body that opens with a tag is a web page, whatever the server called it. */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*<(?:!doctype|html|head|body|!--|\?xml|[a-z])/i.test(text.slice(0, 512));
}

/** V8's JSON.parse messages, in Russian (they are English whatever the browser's language). */
const JSON_ERRORS: [RegExp, (match: RegExpExecArray) => string][] = [
  [
    /Unexpected end of JSON input|Unterminated string/,
    () => 'файл обрывается на середине (не хватает кавычки или скобки)',
  ],
  [
    /Expected double-quoted property name|Expected property name/,
    () => 'ожидается имя поля в двойных кавычках (лишняя запятая перед «}»?)',
  ],
  [/Expected ',' or '}'/, () => 'после значения нужна запятая или «}»'],
  [/Expected ',' or ']'/, () => 'после элемента списка нужна запятая или «]»'],
  [/Bad control character/, () => 'в тексте внутри кавычек недопустимый символ (перевод строки пишется как \\n)'],
  [/Bad escaped character|Bad Unicode escape/, () => 'неверная последовательность с «\\» внутри кавычек'],
  [/Unexpected non-whitespace character after JSON/, () => 'после конца пакета есть лишний текст'],
  [/Unexpected token '(.)'/, (match) => `неожиданный символ «${match[1]}»`],
];

/** Adds the line and column to V8's "… at position N" so the error can be found in an editor. */
function describeJsonError(text: string, error: Error): string {
  const found = JSON_ERRORS.map(([pattern, word]) => {
    const match = pattern.exec(error.message);
    return match ? word(match) : null;
  }).find((worded) => worded !== null);
  const what = found ?? 'нарушен синтаксис JSON';
  const position = /at position (\d+)/.exec(error.message);
  if (!position) return what;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${what} (строка ${line}, столбец ${column})`;
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
