import type { PageFields, SiteLocators } from '../model';
import { chatwoot } from './chatwoot';
import { demoHelpdesk } from './demo-helpdesk';
import { freescout } from './freescout';
import { firstNameOf, readFields } from './read-fields';
import type { SiteProfile } from './site-profile';
import { telegramK } from './telegram-k';
import { zammad } from './zammad';

/** Every built-in profile. The manifest matches and the known send controls are derived from these. */
export const SITE_PROFILES: readonly SiteProfile[] = [chatwoot, zammad, freescout, telegramK, demoHelpdesk];

/** The profiles that recognize this page (usually one). */
export function profilesFor(doc: Document, location: Location): SiteProfile[] {
  return SITE_PROFILES.filter((profile) => profile.recognizes(doc, location));
}

/** The fields the built-in profiles read on this page; the first profile to read a field wins. */
export function readProfileFields(doc: Document, location: Location): PageFields {
  const fields: PageFields = {};
  for (const profile of profilesFor(doc, location)) {
    for (const [id, value] of Object.entries(readFields(profile.fields, doc, location))) {
      fields[id as keyof PageFields] ??= value;
    }
  }
  return fields;
}

/**
 * What the page shows, for the sidebar's fill-ins: the built-in profiles' fields, with taught or pack locators
 * winning field by field. A taught full name without a taught first name still greets by the first name.
 */
export function readPageFields(doc: Document, location: Location, locators: SiteLocators = {}): PageFields {
  const fields = { ...readProfileFields(doc, location), ...readFields(locators, doc, location) };
  if (locators.customerName && !locators.firstName) fields.firstName = firstNameOf(fields.customerName);
  return fields;
}
