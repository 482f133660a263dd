import type { SiteFieldId, SiteFieldLocator } from '../model';

/**
 * Where one field's value sits on a page: an element's text (or one attribute), or the page's URL, and
 * optionally a pattern that cuts the value out of a longer text («Заказ Д-1048213» → «Д-1048213»): its
 * first capture group, or the whole match when it has none. The same shape as a pack's `sites` entries.
 */
export type FieldLocator = SiteFieldLocator;

/**
 * A send control that generic detection (a button saying «Отправить»/«Send» near the box) misses. Why it is
 * needed is in the profile's evidence (`SiteEvidence.sendControls`).
 */
export interface SendControlSpec {
  id: string;
  /** CSS selector of the control (tested against each element of the click's composed path). */
  selector: string;
  /** The control counts only for a reply box inside its closest ancestor matching this. */
  scope: string;
}

/**
 * Everything Суфлёр knows about one helpdesk, in one file under lib/sites/ (the shape of
 * lib/editor/strategies/*): which pages it is for, the fields a template can use, its send control and any
 * insert quirk. The same file exports the profile's `SiteEvidence` (why, fixtures) next to it.
 */
export interface SiteProfile {
  id: string;
  /**
   * Manifest match patterns where the agent script runs by itself (the product's cloud hosts). Self-hosted
   * installs are enabled per origin from the popup; `recognizes` then tells the page apart.
   */
  matches: string[];
  /** Whether this page is one of the product's conversation pages (URL or a DOM signature). Cheap. */
  recognizes(doc: Document, location: Location): boolean;
  fields: Partial<Record<SiteFieldId, FieldLocator>>;
  sendControls?: SendControlSpec[];
  /** An editor quirk of this product, if any (insert strategies live in lib/editor/strategies). */
  insertQuirk?: string;
}

/**
 * What proves a profile: the product, where its markup comes from, why each send control is needed, and the
 * fixture pages (test/fixtures/pages/sites/, checked by test/unit/sites/site-profiles.test.ts and
 * test/e2e/site-profiles.test.ts). A separate export of the profile's file, gathered in lib/sites/evidence.ts,
 * which only tests import: the always-on agent script carries what it runs, not the proof (its size budget).
 */
export interface SiteEvidence {
  /** The product, for people (test names, notes). */
  product: string;
  /** Where the markup comes from: repository, file, commit. */
  why: string;
  /** Why each of the profile's send controls is needed, by control id. */
  sendControls?: Record<string, string>;
  /** Fixture pages under test/fixtures/pages/sites/, with the URL suffix that makes `recognizes` true. */
  fixtures: { page: string; query?: string; expect: Partial<Record<SiteFieldId, string>> }[];
}
