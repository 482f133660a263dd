import type { z } from 'zod';
import { defineMessages, enPlural, locale, ruPlural } from '../i18n';
import type { DataError } from '../model';

/**
 * Zod issues in written Russian, naming the field as the options page and templates/README.md name it:
 * «Название»: не заполнено — not «Too small: expected string to have >=1 characters», nor zod's own
 * Russian («ожидалось, что string будет иметь >=1 символ»), which still speaks in types and operators.
 */

/** Field labels as the UI shows them; the key is the field's name, or `parent.name` where it differs. */
const FIELD_LABELS_RU: Record<string, string> = {
  // A template (the options page's template editor uses the same words).
  'templates.id': 'Идентификатор шаблона',
  title: 'Название',
  body: 'Текст',
  category: 'Категория',
  tags: 'Теги',
  shortcut: 'Сокращение',
  note: 'Основание или заметка',
  synonyms: 'Синонимы',
  // The pack's header.
  id: 'Идентификатор пакета',
  name: 'Название пакета',
  version: 'Версия',
  description: 'Описание',
  locale: 'Язык',
  format: 'Формат',
  formatVersion: 'Версия формата',
  templates: 'Шаблоны',
  rules: 'Правила',
  policy: 'Политика команды',
  compiled: 'Собранные данные',
  // A rule.
  'rules.id': 'Идентификатор правила',
  severity: 'Важность',
  message: 'Объяснение',
  patterns: 'Фразы правила',
  exceptions: 'Исключения',
  suggestions: 'Варианты замены',
  examples: 'Примеры',
  bad: 'Плохие примеры',
  good: 'Хорошие примеры',
  // The policy.
  guardMode: 'Проверка перед отправкой',
  locked: 'Закрепить',
  newHireMode: 'Режим новичка',
  syncIntervalMinutes: 'Интервал синхронизации, минут',
  severityOverrides: 'Важность правил',
};

const TYPE_NAMES_RU: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  boolean: 'да/нет (true или false)',
  array: 'список',
  object: 'объект',
  undefined: 'пусто',
};

const FIELD_LABELS_EN: Record<string, string> = {
  'templates.id': 'Template id',
  title: 'Title',
  body: 'Text',
  category: 'Category',
  tags: 'Tags',
  shortcut: 'Shortcut',
  note: 'Source or note',
  synonyms: 'Synonyms',
  id: 'Pack id',
  name: 'Pack name',
  version: 'Version',
  description: 'Description',
  locale: 'Language',
  format: 'Format',
  formatVersion: 'Format version',
  templates: 'Templates',
  rules: 'Rules',
  policy: 'Team policy',
  compiled: 'Compiled data',
  'rules.id': 'Rule id',
  severity: 'Severity',
  message: 'Explanation',
  patterns: 'Rule phrases',
  exceptions: 'Exceptions',
  suggestions: 'Replacements',
  examples: 'Examples',
  bad: 'Bad examples',
  good: 'Good examples',
  guardMode: 'Check before sending',
  locked: 'Lock',
  newHireMode: 'New-hire mode',
  syncIntervalMinutes: 'Sync interval, minutes',
  severityOverrides: 'Rule severities',
};

const TYPE_NAMES_EN: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes/no (true or false)',
  array: 'a list',
  object: 'an object',
  undefined: 'nothing',
};

const typeNames = () => (locale() === 'en' ? TYPE_NAMES_EN : TYPE_NAMES_RU);

const t = defineMessages({
  ru: {
    empty: 'не заполнено',
    expected: (type: string, got: string) => `ожидается ${type}, а здесь ${got}`,
    minChars: (count: number) => `нужно не меньше ${ruPlural(count, 'знак', 'знака', 'знаков')}`,
    oneItem: 'нужен хотя бы один элемент',
    minItems: (count: number) => `нужно не меньше ${ruPlural(count, 'элемент', 'элемента', 'элементов')}`,
    min: (count: number) => `не меньше ${count}`,
    maxChars: (count: number, length?: number) =>
      `не длиннее ${ruPlural(count, 'знак', 'знака', 'знаков')}${length === undefined ? '' : `, а здесь ${length}`}`,
    maxItems: (count: number) => `не больше ${ruPlural(count, 'элемент', 'элемента', 'элементов')}`,
    max: (count: number) => `не больше ${count}`,
    allowed: (values: string[]) => `допустимо: ${values.map((value) => `«${value}»`).join(', ')}`,
    unknownField: (keys: string[]) =>
      `неизвестное поле ${keys.map((key) => `«${key}»`).join(', ')} — проверьте написание`,
    badFormat: 'неверный формат',
    multipleOf: (divisor: unknown) => `должно делиться на ${divisor}`,
    badValue: 'неверное значение',
    labelled: (label: string, message: string) => `«${label}»: ${message}`,
  },
  en: {
    empty: 'not filled in',
    expected: (type: string, got: string) => `expected ${type}, got ${got}`,
    minChars: (count: number) => `at least ${enPlural(count, 'character', 'characters')} needed`,
    oneItem: 'at least one item needed',
    minItems: (count: number) => `at least ${enPlural(count, 'item', 'items')} needed`,
    min: (count: number) => `at least ${count}`,
    maxChars: (count: number, length?: number) =>
      `at most ${enPlural(count, 'character', 'characters')}${length === undefined ? '' : `, here ${length}`}`,
    maxItems: (count: number) => `at most ${enPlural(count, 'item', 'items')}`,
    max: (count: number) => `at most ${count}`,
    allowed: (values: string[]) => `allowed: ${values.map((value) => `“${value}”`).join(', ')}`,
    unknownField: (keys: string[]) => `unknown field ${keys.map((key) => `“${key}”`).join(', ')}: check the spelling`,
    badFormat: 'wrong format',
    multipleOf: (divisor: unknown) => `must be a multiple of ${divisor}`,
    badValue: 'wrong value',
    labelled: (label: string, message: string) => `“${label}”: ${message}`,
  },
});

/** The UI's name of the field an issue is about: the last named key of its path (list items named by their list). */
export function fieldLabel(path: readonly PropertyKey[]): string | null {
  const keys = path.filter((key): key is string => typeof key === 'string');
  const last = keys.at(-1);
  if (last === undefined) return null;
  const parent = keys.at(-2);
  const labels = locale() === 'en' ? FIELD_LABELS_EN : FIELD_LABELS_RU;
  return labels[`${parent}.${last}`] ?? labels[last] ?? last;
}

function received(input: unknown): string {
  const types = typeNames();
  if (Array.isArray(input)) return types.array;
  if (input === null) return 'null';
  return types[typeof input] ?? typeof input;
}

/** What is wrong, without the field's name (describeIssue adds it). */
function predicate(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t.empty;
      return t.expected(typeNames()[issue.expected] ?? issue.expected, received(issue.input));
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? t.empty : t.minChars(minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return minimum <= 1 ? t.oneItem : t.minItems(minimum);
      }
      return t.min(minimum);
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') {
        return t.maxChars(maximum, typeof issue.input === 'string' ? issue.input.length : undefined);
      }
      if (issue.origin === 'array' || issue.origin === 'set') return t.maxItems(maximum);
      return t.max(maximum);
    }
    case 'invalid_value':
      return t.allowed(issue.values.map(String));
    case 'unrecognized_keys':
      return t.unknownField(issue.keys);
    case 'invalid_format':
      return t.badFormat;
    case 'not_multiple_of':
      return t.multipleOf(issue.divisor);
    default:
      return t.badValue;
  }
}

/** Passed to `safeParse(…, { error })`: schema-level messages (pack-schema.ts) still win over it. */
export const russianErrorMap: z.core.$ZodErrorMap = (issue) => predicate(issue);

/** One issue as «Название»: не заполнено; the field stays unnamed only for the pack as a whole. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const label = issue.code === 'unrecognized_keys' ? null : fieldLabel(issue.path);
  return label ? t.labelled(label, issue.message) : issue.message;
}

/** Zod's issues as the project's data errors: JSON path + Russian message, each problem once. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): DataError[] {
  const seen = new Set<string>();
  const errors: DataError[] = [];
  for (const issue of issues) {
    const error = { path: formatPath(issue.path), message: describeIssue(issue) };
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(error);
  }
  return errors;
}

/** `['templates', 3, 'title']` → `templates[3].title` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/** One error on one line, as the CLI and the options page list them: no stray «: » when there is no path. */
export function formatDataError(error: DataError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}
