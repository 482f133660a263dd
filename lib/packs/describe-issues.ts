import type { z } from 'zod';
import type { DataError } from '../model';

/**
 * Zod issues in written Russian, naming the field as the options page and templates/README.md name it:
 * «Название»: не заполнено — not «Too small: expected string to have >=1 characters», nor zod's own
 * Russian («ожидалось, что string будет иметь >=1 символ»), which still speaks in types and operators.
 */

/** Field labels as the UI shows them; the key is the field's name, or `parent.name` where it differs. */
const FIELD_LABELS: Record<string, string> = {
  // A template (the options page's template editor uses the same words).
  'templates.id': 'Идентификатор шаблона',
  title: 'Название',
  body: 'Текст',
  category: 'Категория',
  tags: 'Теги',
  shortcut: 'Сокращение',
  note: 'Основание или заметка',
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

const TYPE_NAMES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  boolean: 'да/нет (true или false)',
  array: 'список',
  object: 'объект',
  undefined: 'пусто',
};

/** The UI's name of the field an issue is about: the last named key of its path (list items named by their list). */
export function fieldLabel(path: readonly PropertyKey[]): string | null {
  const keys = path.filter((key): key is string => typeof key === 'string');
  const last = keys.at(-1);
  if (last === undefined) return null;
  const parent = keys.at(-2);
  return FIELD_LABELS[`${parent}.${last}`] ?? FIELD_LABELS[last] ?? last;
}

function received(input: unknown): string {
  if (Array.isArray(input)) return 'список';
  if (input === null) return 'null';
  return TYPE_NAMES[typeof input] ?? typeof input;
}

function plural(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const chars = (count: number) => `${count} ${plural(count, 'знак', 'знака', 'знаков')}`;
const items = (count: number) => `${count} ${plural(count, 'элемент', 'элемента', 'элементов')}`;

/** What is wrong, without the field's name (describeIssue adds it). */
function predicate(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'не заполнено';
      return `ожидается ${TYPE_NAMES[issue.expected] ?? issue.expected}, а здесь ${received(issue.input)}`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? 'не заполнено' : `нужно не меньше ${chars(minimum)}`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return minimum <= 1 ? 'нужен хотя бы один элемент' : `нужно не меньше ${items(minimum)}`;
      }
      return `не меньше ${minimum}`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? `, а здесь ${issue.input.length}` : '';
        return `не длиннее ${chars(maximum)}${length}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `не больше ${items(maximum)}`;
      return `не больше ${maximum}`;
    }
    case 'invalid_value':
      return `допустимо: ${issue.values.map((value) => `«${String(value)}»`).join(', ')}`;
    case 'unrecognized_keys':
      return `неизвестное поле ${issue.keys.map((key) => `«${key}»`).join(', ')} — проверьте написание`;
    case 'invalid_format':
      return 'неверный формат';
    case 'not_multiple_of':
      return `должно делиться на ${issue.divisor}`;
    default:
      return 'неверное значение';
  }
}

/** Passed to `safeParse(…, { error })`: schema-level messages (pack-schema.ts) still win over it. */
export const russianErrorMap: z.core.$ZodErrorMap = (issue) => predicate(issue);

/** One issue as «Название»: не заполнено; the field stays unnamed only for the pack as a whole. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const label = issue.code === 'unrecognized_keys' ? null : fieldLabel(issue.path);
  return label ? `«${label}»: ${issue.message}` : issue.message;
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
