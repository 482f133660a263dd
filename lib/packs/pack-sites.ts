import { MatchPattern } from '@webext-core/match-patterns';
import { parse as parseSelector } from 'css-what';
import { z } from 'zod';
import { type DataError, type PackSite, SITE_FIELD_IDS, type SiteFieldId } from '../model';

/**
 * A pack's `sites` section: sites a team lead taught once for the whole team. Each entry is checked on its own
 * and a broken one is refused with a message naming it, while the rest of the pack (templates, rules, the other
 * sites) still installs: a typo in one locator must not cost the team its replies.
 */

export const SITE_LIMITS = { sites: 200, selectorChars: 500, patternChars: 300 } as const;

const FIELD_NAMES: Record<SiteFieldId, string> = {
  customerName: 'имя клиента',
  firstName: 'имя (без фамилии)',
  ticketId: 'номер обращения',
  orderNumber: 'номер заказа',
  customerEmail: 'e-mail клиента',
};

export const siteLocatorSchema = z.strictObject({
  selector: z.string().trim().min(1).max(SITE_LIMITS.selectorChars).optional(),
  attribute: z
    .string()
    .regex(/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/, { message: 'имя атрибута, например href или data-id' })
    .optional(),
  pattern: z.string().min(1).max(SITE_LIMITS.patternChars).optional(),
});

export const siteEntrySchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, {
      message: 'идентификатор: латинские строчные буквы, цифры, «-», «_», «.»',
    }),
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
      ? `сайт «${(raw as { id: string }).id}»`
      : `сайт №${index + 1}`;
  const parsed = siteEntrySchema.safeParse(raw);
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
      message: `${name}: «${entry.match}» — не шаблон адреса; пример: https://desk.example.ru/*`,
    });
  }
  const fieldIds = Object.keys(entry.fields);
  if (fieldIds.length === 0) errors.push({ path: `${at}.fields`, message: `${name}: нет ни одного поля` });
  for (const [field, locator] of Object.entries(entry.fields)) {
    const path = `${at}.fields.${field}`;
    if (!SITE_FIELD_IDS.includes(field as SiteFieldId)) {
      errors.push({
        path,
        message: `${name}: неизвестное поле «${field}»; допустимы ${SITE_FIELD_IDS.map((id) => `${id} (${FIELD_NAMES[id]})`).join(', ')}`,
      });
      continue;
    }
    if (!locator.selector && !locator.pattern) {
      errors.push({ path, message: `${name}, поле «${field}»: укажите selector (элемент) или pattern (по адресу)` });
    }
    if (locator.selector && !isValidSelector(locator.selector)) {
      errors.push({
        path: `${path}.selector`,
        message: `${name}, поле «${field}»: «${locator.selector}» — не CSS-селектор`,
      });
    }
    if (locator.pattern && !isValidPattern(locator.pattern)) {
      errors.push({
        path: `${path}.pattern`,
        message: `${name}, поле «${field}»: «${locator.pattern}» — не регулярное выражение`,
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
  if (!Array.isArray(raw)) return { sites: [], errors: [{ path: 'sites', message: 'ожидается список сайтов' }] };
  if (raw.length > SITE_LIMITS.sites) {
    return {
      sites: [],
      errors: [{ path: 'sites', message: `слишком много сайтов: ${raw.length}, допустимо ${SITE_LIMITS.sites}` }],
    };
  }
  const sites: unknown[] = [];
  const errors: DataError[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const problems = checkSiteEntry(entry, index);
    const id = (entry as { id?: string })?.id;
    if (problems.length === 0 && id && seen.has(id)) {
      problems.push({ path: `sites[${index}].id`, message: `сайт «${id}» уже описан выше; этот пропущен` });
    }
    if (problems.length > 0) errors.push(...problems);
    else {
      if (id) seen.add(id);
      sites.push(entry);
    }
  });
  return { sites, errors };
}
