import { MatchPattern } from '@webext-core/match-patterns';
import { parse as parseSelector } from 'css-what';
import { z } from 'zod';
import { defineMessages } from '../i18n';
import { type DataError, type PackSite, SITE_FIELD_IDS, type SiteFieldId } from '../model';
import { russianErrorMap } from './describe-issues';

/**
 * A pack's `sites` section: sites a team lead taught once for the whole team. Each entry is checked on its own
 * and a broken one is refused with a message naming it, while the rest of the pack (templates, rules, the other
 * sites) still installs: a typo in one locator must not cost the team its replies.
 */

export const SITE_LIMITS = { sites: 200, selectorChars: 500, patternChars: 300 } as const;

const t = defineMessages({
  ru: {
    customerName: 'имя клиента',
    firstName: 'имя (без фамилии)',
    ticketId: 'номер обращения',
    orderNumber: 'номер заказа',
    customerEmail: 'e-mail клиента',
    site: (id: string) => `сайт «${id}»`,
    siteNumber: (position: number) => `сайт №${position}`,
    field: (site: string, field: string) => `${site}, поле «${field}»`,
    badId: 'идентификатор: латинские строчные буквы, цифры, «-», «_», «.»',
    badAttribute: 'имя атрибута, например href или data-id',
    badMatch: (site: string, match: string) =>
      `${site}: «${match}» — не шаблон адреса; пример: https://desk.example.ru/*`,
    noFields: (site: string) => `${site}: нет ни одного поля`,
    unknownField: (site: string, field: string, allowed: string) =>
      `${site}: неизвестное поле «${field}»; допустимы ${allowed}`,
    needsLocator: (field: string) => `${field}: укажите selector (элемент) или pattern (по адресу)`,
    badSelector: (field: string, selector: string) => `${field}: «${selector}» — не CSS-селектор`,
    badPattern: (field: string, pattern: string) => `${field}: «${pattern}» — не регулярное выражение`,
    duplicate: (id: string) => `сайт «${id}» уже описан выше; этот пропущен`,
    notList: 'ожидается список сайтов',
    tooMany: (count: number, limit: number) => `слишком много сайтов: ${count}, допустимо ${limit}`,
  },
  en: {
    customerName: 'customer name',
    firstName: 'first name',
    ticketId: 'ticket number',
    orderNumber: 'order number',
    customerEmail: 'customer e-mail',
    site: (id: string) => `site “${id}”`,
    siteNumber: (position: number) => `site no. ${position}`,
    field: (site: string, field: string) => `${site}, field “${field}”`,
    badId: 'id: lowercase Latin letters, digits, “-”, “_”, “.”',
    badAttribute: 'an attribute name, such as href or data-id',
    badMatch: (site: string, match: string) =>
      `${site}: “${match}” is not a match pattern; for example https://desk.example.com/*`,
    noFields: (site: string) => `${site}: no fields`,
    unknownField: (site: string, field: string, allowed: string) =>
      `${site}: unknown field “${field}”; allowed: ${allowed}`,
    needsLocator: (field: string) => `${field}: give a selector (an element) or a pattern (on the address)`,
    badSelector: (field: string, selector: string) => `${field}: “${selector}” is not a CSS selector`,
    badPattern: (field: string, pattern: string) => `${field}: “${pattern}” is not a regular expression`,
    duplicate: (id: string) => `site “${id}” is already described above; this one is skipped`,
    notList: 'a list of sites expected',
    tooMany: (count: number, limit: number) => `too many sites: ${count}, at most ${limit}`,
  },
});

export const siteLocatorSchema = z.strictObject({
  selector: z.string().trim().min(1).max(SITE_LIMITS.selectorChars).optional(),
  attribute: z
    .string()
    .regex(/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/, { error: () => t.badAttribute })
    .optional(),
  pattern: z.string().min(1).max(SITE_LIMITS.patternChars).optional(),
});

export const siteEntrySchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, { error: () => t.badId }),
  match: z.string().trim().min(1).max(300),
  fields: z.record(z.string(), siteLocatorSchema),
}) satisfies z.ZodType<PackSite, unknown>;

/** Whether a CSS selector parses (css-what: the selector grammar, without needing a DOM; works in the CLI too). */
export function isValidSelector(selector: string): boolean {
  try {
    parseSelector(selector);
    return true;
  } catch {
    return false;
  }
}

export function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

/** Everything wrong with one entry, each message naming it; empty when the entry is good. */
export function checkSiteEntry(raw: unknown, index: number): DataError[] {
  const at = `sites[${index}]`;
  const name =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? t.site((raw as { id: string }).id)
      : t.siteNumber(index + 1);
  // The same written-out messages as the rest of the pack («не заполнено», «ожидается текст, а здесь число»).
  const parsed = siteEntrySchema.safeParse(raw, { error: russianErrorMap });
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      path: [at, ...issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))].join(''),
      message: `${name}: ${issue.message}`,
    }));
  }
  const entry = parsed.data;
  const errors: DataError[] = [];
  try {
    new MatchPattern(entry.match);
  } catch {
    errors.push({
      path: `${at}.match`,
      message: t.badMatch(name, entry.match),
    });
  }
  const fieldIds = Object.keys(entry.fields);
  if (fieldIds.length === 0) errors.push({ path: `${at}.fields`, message: t.noFields(name) });
  for (const [field, locator] of Object.entries(entry.fields)) {
    const path = `${at}.fields.${field}`;
    if (!SITE_FIELD_IDS.includes(field as SiteFieldId)) {
      errors.push({
        path,
        message: t.unknownField(name, field, SITE_FIELD_IDS.map((id) => `${id} (${t[id]})`).join(', ')),
      });
      continue;
    }
    if (!locator.selector && !locator.pattern) {
      errors.push({ path, message: t.needsLocator(t.field(name, field)) });
    }
    if (locator.selector && !isValidSelector(locator.selector)) {
      errors.push({
        path: `${path}.selector`,
        message: t.badSelector(t.field(name, field), locator.selector),
      });
    }
    if (locator.pattern && !isValidPattern(locator.pattern)) {
      errors.push({
        path: `${path}.pattern`,
        message: t.badPattern(t.field(name, field), locator.pattern),
      });
    }
  }
  return errors;
}

/**
 * Splits a raw `sites` value into the entries that pass and the errors of those that do not. A duplicate id is
 * refused too (the first one stays). Non-array input is one error and no sites.
 */
export function splitPackSites(raw: unknown): { sites: unknown[]; errors: DataError[] } {
  if (raw === undefined) return { sites: [], errors: [] };
  if (!Array.isArray(raw)) return { sites: [], errors: [{ path: 'sites', message: t.notList }] };
  if (raw.length > SITE_LIMITS.sites) {
    return {
      sites: [],
      errors: [{ path: 'sites', message: t.tooMany(raw.length, SITE_LIMITS.sites) }],
    };
  }
  const sites: unknown[] = [];
  const errors: DataError[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const problems = checkSiteEntry(entry, index);
    const id = (entry as { id?: string })?.id;
    if (problems.length === 0 && id && seen.has(id)) {
      problems.push({ path: `sites[${index}].id`, message: t.duplicate(id) });
    }
    if (problems.length > 0) errors.push(...problems);
    else {
      if (id) seen.add(id);
      sites.push(entry);
    }
  });
  return { sites, errors };
}
