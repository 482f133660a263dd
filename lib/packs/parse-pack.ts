import { defineMessages } from '../i18n';
import { type DataError, PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../model';
import { describeIssues, russianErrorMap } from './describe-issues';
import { LIMITS, packSchema } from './pack-schema';
import { splitPackSites } from './pack-sites';

const t = defineMessages({
  ru: {
    tooLarge: (size: string, limit: string) => `пакет слишком большой: ${size}, допустимо не больше ${limit}`,
    notJson: (reason: string) => `это не JSON: ${reason}`,
    notObject: 'пакет должен быть JSON-объектом вида { "format": "sufler-pack", … }',
    notPack: (format: string) => `это не пакет Суфлёра: ожидается "format": "${format}"`,
    newerFormat: (version: number, known: number) =>
      `пакет в формате версии ${version}, а эта версия Суфлёра понимает только версию ${known} — обновите расширение`,
    noSuchRule: (ruleId: string) => `в пакете нет правила «${ruleId}»`,
    duplicateId: (id: string, first: string) => `идентификатор «${id}» уже занят элементом ${first}`,
    webPage: 'по адресу открылась веб-страница (вход?), а не пакет — дайте прямую ссылку на файл',
    jsonEnd: 'файл обрывается на середине (не хватает кавычки или скобки)',
    jsonPropertyName: 'ожидается имя поля в двойных кавычках (лишняя запятая перед «}»?)',
    jsonCommaBrace: 'после значения нужна запятая или «}»',
    jsonCommaBracket: 'после элемента списка нужна запятая или «]»',
    jsonControl: 'в тексте внутри кавычек недопустимый символ (перевод строки пишется как \\n)',
    jsonEscape: 'неверная последовательность с «\\» внутри кавычек',
    jsonTrailing: 'после конца пакета есть лишний текст',
    jsonToken: (char: string) => `неожиданный символ «${char}»`,
    jsonSyntax: 'нарушен синтаксис JSON',
    at: (what: string, line: number, column: number) => `${what} (строка ${line}, столбец ${column})`,
    mb: (size: string) => `${size} МБ`,
  },
  en: {
    tooLarge: (size: string, limit: string) => `the pack is too large: ${size}, at most ${limit} allowed`,
    notJson: (reason: string) => `this is not JSON: ${reason}`,
    notObject: 'a pack must be a JSON object like { "format": "sufler-pack", … }',
    notPack: (format: string) => `this is not a Sufler pack: expected "format": "${format}"`,
    newerFormat: (version: number, known: number) =>
      `the pack is in format version ${version}, and this version of Sufler understands only version ${known}: update the extension`,
    noSuchRule: (ruleId: string) => `the pack has no rule “${ruleId}”`,
    duplicateId: (id: string, first: string) => `the id “${id}” is already taken by ${first}`,
    webPage: 'the link opened a web page (a sign-in?), not a pack: give a direct link to the file',
    jsonEnd: 'the file ends midway (a quote or bracket is missing)',
    jsonPropertyName: 'expected a field name in double quotes (an extra comma before “}”?)',
    jsonCommaBrace: 'a comma or “}” is needed after the value',
    jsonCommaBracket: 'a comma or “]” is needed after the list item',
    jsonControl: 'a character not allowed inside quotes (a line break is written as \\n)',
    jsonEscape: 'a wrong sequence with “\\” inside quotes',
    jsonTrailing: 'extra text after the end of the pack',
    jsonToken: (char: string) => `unexpected character “${char}”`,
    jsonSyntax: 'broken JSON syntax',
    at: (what: string, line: number, column: number) => `${what} (line ${line}, column ${column})`,
    mb: (size: string) => `${size} MB`,
  },
});

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
      return fail('', t.tooLarge(formatMb(bytes), formatMb(LIMITS.packBytes)));
    }
    if (looksLikeHtml(input)) return fail('', WEB_PAGE_NOT_PACK());
    try {
      data = JSON.parse(input);
    } catch (error) {
      return fail('', t.notJson(describeJsonError(input, error as Error)));
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('', t.notObject);
  }
  const header = data as Record<string, unknown>;
  if (header.format !== PACK_FORMAT) {
    return fail('format', t.notPack(PACK_FORMAT));
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > PACK_FORMAT_VERSION) {
    return fail('formatVersion', t.newerFormat(header.formatVersion, PACK_FORMAT_VERSION));
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
      errors.push({ path: `policy.severityOverrides.${ruleId}`, message: t.noSuchRule(ruleId) });
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
        message: t.duplicateId(item.id, `${field}[${first}]`),
      });
  });
  return errors;
}

/** What a sign-in page, a captive portal or a sheet's preview page is: HTML where a pack was expected. */
export const WEB_PAGE_NOT_PACK = () => t.webPage;

/** A body that opens with a tag is a web page, whatever the server called it. */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*<(?:!doctype|html|head|body|!--|\?xml|[a-z])/i.test(text.slice(0, 512));
}

/** V8's JSON.parse messages, in Russian (they are English whatever the browser's language). */
const JSON_ERRORS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/Unexpected end of JSON input|Unterminated string/, () => t.jsonEnd],
  [/Expected double-quoted property name|Expected property name/, () => t.jsonPropertyName],
  [/Expected ',' or '}'/, () => t.jsonCommaBrace],
  [/Expected ',' or ']'/, () => t.jsonCommaBracket],
  [/Bad control character/, () => t.jsonControl],
  [/Bad escaped character|Bad Unicode escape/, () => t.jsonEscape],
  [/Unexpected non-whitespace character after JSON/, () => t.jsonTrailing],
  [/Unexpected token '(.)'/, (match) => t.jsonToken(match[1])],
];

/** Adds the line and column to V8's "… at position N" so the error can be found in an editor. */
function describeJsonError(text: string, error: Error): string {
  const found = JSON_ERRORS.map(([pattern, word]) => {
    const match = pattern.exec(error.message);
    return match ? word(match) : null;
  }).find((worded) => worded !== null);
  const what = found ?? t.jsonSyntax;
  const position = /at position (\d+)/.exec(error.message);
  if (!position) return what;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return t.at(what, line, column);
}

function fail(path: string, message: string): ParsePackResult {
  return { pack: null, errors: [{ path, message }] };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function formatMb(bytes: number): string {
  return t.mb((bytes / 1024 / 1024).toFixed(1));
}
