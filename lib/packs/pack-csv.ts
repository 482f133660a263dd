import Papa from 'papaparse';
import { defineMessages } from '../i18n';
import { type DataError, PACK_FORMAT, PACK_FORMAT_VERSION, type Pack, type Template } from '../model';
import { convertMacroPlaceholders } from '../templates/convert-macro-placeholders';
import { fnv1a } from './fnv1a';
import { LIMITS } from './pack-schema';
import { parsePack } from './parse-pack';
import { slugify } from './slugify';

const t = defineMessages({
  ru: {
    tooLarge: (size: string) => `таблица слишком большая: ${size} МБ, допустимо не больше 5 МБ`,
    row: (row: number) => `строка ${row}`,
    rowColumn: (row: number, column: string) => `строка ${row}, столбец «${column}»`,
    unclosedQuote:
      'кавычка не закрыта: ячейка с запятыми или переносами строк берётся в двойные кавычки целиком, а кавычка внутри ячейки удваивается ("")',
    strayQuote: 'лишняя кавычка внутри ячейки: кавычку внутри ячейки нужно удвоить ("")',
    empty: 'таблица пустая: нужна строка заголовков и хотя бы один шаблон',
    secondColumn: (field: string) => `второй столбец для поля «${field}»: оставьте один`,
    noColumn: (name: string, russian: string, headers: string[]) =>
      `нет столбца «${name}» (или «${russian}»); заголовки: ${headers.map((cell) => `«${cell}»`).join(', ')}`,
    tooManyCells: (cells: number, columns: number) =>
      `в строке ${cells} ячеек, а столбцов в заголовке ${columns}: проверьте кавычки вокруг ячеек с запятыми`,
    duplicateId: (id: string, first: number) => `идентификатор «${id}» уже занят строкой ${first}`,
    duplicateTitle: (first: number) =>
      `такое же название уже в строке ${first}: без столбца id названия должны различаться`,
    noTemplates: 'в таблице нет ни одного шаблона под заголовками',
  },
  en: {
    tooLarge: (size: string) => `the sheet is too large: ${size} MB, at most 5 MB allowed`,
    row: (row: number) => `row ${row}`,
    rowColumn: (row: number, column: string) => `row ${row}, column “${column}”`,
    unclosedQuote:
      'a quote is not closed: a cell with commas or line breaks goes in double quotes as a whole, and a quote inside a cell is doubled ("")',
    strayQuote: 'a stray quote inside a cell: a quote inside a cell must be doubled ("")',
    empty: 'the sheet is empty: it needs a header row and at least one template',
    secondColumn: (field: string) => `a second column for the field “${field}”: keep one`,
    noColumn: (name: string, _russian: string, headers: string[]) =>
      `no column “${name}”; headers: ${headers.map((cell) => `“${cell}”`).join(', ')}`,
    tooManyCells: (cells: number, columns: number) =>
      `the row has ${cells} cells and the header ${columns} columns: check the quotes around cells with commas`,
    duplicateId: (id: string, first: number) => `the id “${id}” is already taken by row ${first}`,
    duplicateTitle: (first: number) =>
      `the same title is already in row ${first}: without an id column titles must differ`,
    noTemplates: 'the sheet has no templates under the headers',
  },
});

/**
 * Templates as a spreadsheet: the layout Google Sheets' «Файл → Опубликовать в интернете → CSV» produces
 * (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes, `""` for a quote).
 *
 * Mapping (header row first; header names are case-insensitive, «ё» = «е», surrounding spaces ignored):
 *
 *   field     English     Russian                           required  notes
 *   id        id          идентификатор                     no        see «Stable ids» below
 *   title     title       название, заголовок               yes
 *   body      body, text  текст, текст ответа, ответ        yes       line breaks kept; `{{…}}` macros → `[…]`
 *   tags      tags        теги, тэги, метки                 no        split on «,» or «;»
 *   category  category    категория, раздел                 no        empty → «Без категории»
 *   shortcut  shortcut    сокращение, шорткат               no        one word
 *   note      note        примечание, источник              no        shown to the agent, never inserted
 *
 * Other columns are ignored (leads keep helper columns in their sheets). Row numbers in errors are the
 * spreadsheet's rows (the header is row 1; a cell with line breaks is still one row), so a lead can find
 * them in Sheets. A file saved by Excel with «;» or tabs is accepted: the header line decides the delimiter.
 *
 * Stable ids: the `id` column when it is present and filled; otherwise an id derived from the title —
 * transliterated slug + 8 hex digits of a hash of the title (case, «ё»/«е» and extra spaces don't matter):
 * «Возврат в течение 7 дней» → `vozvrat-v-techenie-7-dney-937ccd63`. Renaming such a title therefore
 * changes the id: agents lose that template's usage statistics and customised copies lose their link.
 * Add an `id` column before renaming titles of a published sheet.
 *
 * A broken row fails the whole file: either every row is valid or no pack is produced.
 */

export interface CsvPackOptions {
  packId: string;
  name: string;
  /** Defaults to `csv-<hash of the text>`, so the version changes exactly when the sheet does. */
  version?: string;
  description?: string;
  locale?: string;
}

export interface ParseCsvPackResult {
  pack: Pack | null;
  errors: DataError[];
}

export const DEFAULT_CSV_CATEGORY = 'Без категории';

type Field = 'id' | 'title' | 'body' | 'tags' | 'category' | 'shortcut' | 'note';

const HEADER_ALIASES: Record<Field, string[]> = {
  id: ['id', 'идентификатор'],
  title: ['title', 'название', 'заголовок'],
  body: ['body', 'text', 'текст', 'текст ответа', 'ответ'],
  tags: ['tags', 'теги', 'тэги', 'метки'],
  category: ['category', 'категория', 'раздел'],
  shortcut: ['shortcut', 'сокращение', 'шорткат'],
  note: ['note', 'примечание', 'источник'],
};

const FIELD_BY_HEADER = new Map<string, Field>(
  (Object.entries(HEADER_ALIASES) as [Field, string[]][]).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const),
  ),
);

const normalizeHeader = (text: string) => normalizeText(text.replace(/^\uFEFF/, ''));
const normalizeText = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

export function parseCsvPack(text: string, options: CsvPackOptions): ParseCsvPackResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.packBytes) {
    return fail('', t.tooLarge((bytes / 1024 / 1024).toFixed(1)));
  }
  const source = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(source, { delimiter: detectDelimiter(source), skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    return fail(t.row(row), quoteError.code === 'MissingQuotes' ? t.unclosedQuote : t.strayQuote);
  }

  const rows = parsed.data;
  const headerIndex = rows.findIndex((row) => !isBlank(row));
  if (headerIndex < 0) return fail(t.row(1), t.empty);
  const header = rows[headerIndex];
  const columns = new Map<Field, number>();
  const errors: DataError[] = [];
  header.forEach((cell, index) => {
    const field = FIELD_BY_HEADER.get(normalizeHeader(cell));
    if (!field) return;
    if (columns.has(field)) {
      errors.push({
        path: t.rowColumn(headerIndex + 1, cell.trim()),
        message: t.secondColumn(field),
      });
    }
    columns.set(field, index);
  });
  for (const field of ['title', 'body'] as const) {
    if (!columns.has(field)) {
      errors.push({
        path: t.row(headerIndex + 1),
        message: t.noColumn(
          HEADER_ALIASES[field][0],
          HEADER_ALIASES[field].find((name) => /[а-я]/.test(name)) ?? '',
          header.map((cell) => cell.trim()),
        ),
      });
    }
  }
  if (errors.length > 0) return { pack: null, errors };

  const columnName = (field: Field) => {
    const index = columns.get(field);
    return index === undefined ? field : header[index].replace(/^\uFEFF/, '').trim();
  };
  const where = (row: number, field?: Field) => (field ? t.rowColumn(row, columnName(field)) : t.row(row));

  const templates: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  const idRows = new Map<string, number>();
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const cells = rows[index];
    const row = index + 1;
    if (isBlank(cells)) continue;
    if (cells.length > header.length && cells.slice(header.length).some((cell) => cell.trim() !== '')) {
      errors.push({
        path: where(row),
        message: t.tooManyCells(cells.length, header.length),
      });
      continue;
    }
    const cell = (field: Field): string | undefined => {
      const column = columns.get(field);
      const value = column === undefined ? undefined : unescapeFormula((cells[column] ?? '').replace(/\r\n?/g, '\n'));
      return value === undefined || value.trim() === '' ? undefined : value;
    };
    const title = cell('title');
    const explicitId = cell('id')?.trim();
    const id = explicitId ?? (title ? deriveTemplateId(title) : undefined);
    if (id !== undefined) {
      const first = idRows.get(id);
      if (first !== undefined) {
        errors.push(
          explicitId
            ? { path: where(row, 'id'), message: t.duplicateId(id, first) }
            : {
                path: where(row, 'title'),
                message: t.duplicateTitle(first),
              },
        );
        continue;
      }
      idRows.set(id, row);
    }
    const body = cell('body');
    const template: Record<string, unknown> = {
      id,
      title,
      // Sheets are often pasted from helpdesk macros: `{{ticket.requester.first_name}}` becomes `[Имя]`.
      body: body === undefined ? body : convertMacroPlaceholders(body),
      tags: splitTags(cell('tags') ?? ''),
      category: cell('category') ?? DEFAULT_CSV_CATEGORY,
    };
    const shortcut = cell('shortcut');
    if (shortcut !== undefined) template.shortcut = shortcut;
    const note = cell('note');
    if (note !== undefined) template.note = note;
    templates.push(template);
    rowNumbers.push(row);
  }
  if (errors.length > 0) return { pack: null, errors };
  if (templates.length === 0) return fail(t.row(headerIndex + 2), t.noTemplates);

  const result = parsePack({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: options.packId,
    name: options.name,
    version: options.version ?? `csv-${fnv1a(text)}`,
    description: options.description ?? '',
    locale: options.locale ?? 'ru',
    templates,
    rules: [],
    policy: {},
  });
  if (result.pack) return result;
  return {
    pack: null,
    errors: result.errors.map((error) => {
      const match = /^templates\[(\d+)\](?:\.(\w+))?/.exec(error.path);
      if (!match) return error;
      const field = match[2] as Field | undefined;
      return {
        path: where(rowNumbers[Number(match[1])], field && field in HEADER_ALIASES ? field : undefined),
        message: error.message,
      };
    }),
  };
}

/**
 * A stable id from a title: transliterated slug (at most 48 characters) + 8 hex digits of a hash of the
 * normalised title. Also what the library editor should use for a new personal template.
 */
export function deriveTemplateId(title: string): string {
  const normalized = normalizeText(title);
  return `${slugify(normalized) || 't'}-${fnv1a(normalized)}`;
}

export interface TemplatesToCsvOptions {
  /** A UTF-8 byte-order mark makes Excel read Cyrillic correctly; Google Sheets and our parser ignore it. */
  bom?: boolean;
}

/**
 * Templates as CSV with the English headers above and an `id` column (so ids survive a round trip).
 * Cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'` so a spreadsheet never runs them as
 * formulas, whatever follows; parseCsvPack strips it again.
 */
export function templatesToCsv(templates: readonly Template[], options: TemplatesToCsvOptions = {}): string {
  const fields: Field[] = ['id', 'title', 'body', 'tags', 'category', 'shortcut', 'note'];
  const data = templates.map((template) => [
    template.id,
    template.title,
    template.body,
    template.tags.join(', '),
    template.category,
    template.shortcut ?? '',
    template.note ?? '',
  ]);
  const csv = Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false });
  return `${options.bom === false ? '' : '\uFEFF'}${csv}\r\n`;
}

/**
 * Papa's own `escapeFormulae: true` pattern is `/^[=+\-@\t\r].*$/`: `.` stops at a line break, so a
 * multi-line cell (`=HYPERLINK(…)` then a newline) went out unescaped. Only the first character matters.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function splitTags(text: string): string[] {
  const tags = text
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Reverses Papa's `escapeFormulae` (a `'` before `=`, `+`, `-`, `@`, tab or CR). */
function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function fail(path: string, message: string): ParseCsvPackResult {
  return { pack: null, errors: [{ path, message }] };
}
