import type { PageFields, SiteFieldId } from '../model';
import type { FieldLocator } from './site-profile';

/** Longer values are not a name or a number: a selector that hit a container. */
const MAX_VALUE_LENGTH = 120;
/** Text read from an element is capped before a pattern runs, so a locator on `body` stays linear and cheap. */
const MAX_TEXT_LENGTH = 4000;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A compiled pattern, or null when the source is not a valid regular expression (packs are checked earlier). */
export function compileFieldPattern(source: string): RegExp | null {
  try {
    return new RegExp(source, 'iu');
  } catch {
    return null;
  }
}

/** The raw text a locator points at: the element's text or attribute, or the URL; undefined when absent. */
export function locatedText(
  locator: FieldLocator,
  doc: Document,
  location: Pick<Location, 'href'>,
): string | undefined {
  if (!locator.selector) return location.href;
  let element: Element | null;
  try {
    element = doc.querySelector(locator.selector);
  } catch {
    return undefined; // an invalid selector reads nothing
  }
  if (!element) return undefined;
  const raw = locator.attribute ? element.getAttribute(locator.attribute) : element.textContent;
  return raw == null ? undefined : collapse(raw.slice(0, MAX_TEXT_LENGTH));
}

/** The value a locator reads on this page, or undefined. Never throws. */
export function readField(locator: FieldLocator, doc: Document, location: Pick<Location, 'href'>): string | undefined {
  const text = locatedText(locator, doc, location);
  if (!text) return undefined;
  let value = text;
  if (locator.pattern) {
    const match = compileFieldPattern(locator.pattern)?.exec(text);
    if (!match) return undefined;
    value = collapse(match[1] ?? match[0]);
  }
  return value && value.length <= MAX_VALUE_LENGTH ? value : undefined;
}

/** First name only: templates greet by name («Анна, здравствуйте!»), not by full name. */
export function firstNameOf(fullName: string | undefined): string | undefined {
  const first = fullName?.trim().split(/\s+/)[0];
  return first && /\p{L}/u.test(first) ? first : undefined;
}

/** Reads every located field; a first name is derived from the full name when not located by itself. */
export function readFields(
  locators: Partial<Record<SiteFieldId, FieldLocator>>,
  doc: Document,
  location: Pick<Location, 'href'>,
): PageFields {
  const fields: PageFields = {};
  for (const [id, locator] of Object.entries(locators) as [SiteFieldId, FieldLocator][]) {
    const value = readField(locator, doc, location);
    if (value) fields[id] = value;
  }
  if (!fields.firstName) {
    const first = firstNameOf(fields.customerName);
    if (first) fields.firstName = first;
  }
  return fields;
}
