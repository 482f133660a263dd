// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_SEND_CONTROLS } from '@/lib/guard/find-send-control';
import { HELPDESK_MATCHES } from '@/lib/site-matches';
import { profilesFor, readProfileFields, SITE_PROFILES } from '@/lib/sites';
import { readField } from '@/lib/sites/read-fields';

const PAGES = join(import.meta.dirname, '../../fixtures/pages/sites');
const ORIGIN = 'http://127.0.0.1:4000/fixtures/pages/sites/';

/** Loads a fixture page into happy-dom's document at the URL the e2e test opens it with. */
function open(page: string, query = ''): Location {
  const html = readFileSync(join(PAGES, page), 'utf8');
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ORIGIN}${page}${query}`);
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  // Attributes of <body> are lost by innerHTML on <html>; copy them (FreeScout keys on body.body-conv).
  const body = /<body([^>]*)>/i.exec(html)?.[1] ?? '';
  for (const [, name, value] of body.matchAll(/([\w-]+)="([^"]*)"/g)) document.body.setAttribute(name, value);
  return window.location;
}

describe('built-in site profiles', () => {
  for (const profile of SITE_PROFILES) {
    for (const fixture of profile.fixtures) {
      it(`${profile.id}: ${fixture.page} exists, is recognized and every field reads`, () => {
        expect(existsSync(join(PAGES, fixture.page))).toBe(true);
        const location = open(fixture.page, fixture.query);
        expect(profilesFor(document, location).map((p) => p.id)).toEqual([profile.id]);
        expect(readProfileFields(document, location)).toEqual(fixture.expect);
        // Every declared field is proven by the fixture.
        for (const field of Object.keys(profile.fields)) expect(fixture.expect).toHaveProperty(field);
      });
    }
  }

  it('every profile but the demo has a fixture; ids are unique', () => {
    const ids = SITE_PROFILES.map((profile) => profile.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const profile of SITE_PROFILES)
      if (profile.id !== 'demo-helpdesk') expect(profile.fixtures.length).toBeGreaterThan(0);
  });

  it('a page no profile knows reads nothing', () => {
    const location = open('../hostile.html');
    expect(profilesFor(document, location)).toEqual([]);
    expect(readProfileFields(document, location)).toEqual({});
  });

  it('runs the agent on the known helpdesks over HTTPS only (issue 12: `*://` gave plain-http pages an agent)', () => {
    for (const match of HELPDESK_MATCHES) expect(match).toMatch(/^https:\/\//);
  });

  it('derives the manifest matches and the known send controls from the profiles', () => {
    for (const profile of SITE_PROFILES) for (const match of profile.matches) expect(HELPDESK_MATCHES).toContain(match);
    expect(new Set(HELPDESK_MATCHES).size).toBe(HELPDESK_MATCHES.length);
    expect(KNOWN_SEND_CONTROLS.map((control) => control.id)).toEqual(['zammad-desktop-update', 'zammad-ticket-update']);
    const location = open('zammad.html', '?route=/desktop/tickets/42');
    const update = KNOWN_SEND_CONTROLS.find((control) => control.id === 'zammad-desktop-update');
    expect(update?.matches(location)).toBe(true);
    expect(document.querySelectorAll(update?.selector ?? '')).toHaveLength(1);
    expect(update?.matches(open('chatwoot.html', '?route=/app/accounts/1/conversations/4821'))).toBe(false);
  });
});

describe('readField', () => {
  it('reads from the URL, cuts a value out of text, and never throws on a bad selector or pattern', () => {
    document.body.innerHTML = '<p class="subj">  Заказ\n  Д-1048213 не пришёл </p>';
    const at = { href: 'https://desk.example/tickets/777?x=1' };
    expect(readField({ pattern: '/tickets/(\\d+)' }, document, at)).toBe('777');
    expect(readField({ selector: '.subj', pattern: 'заказ\\s+(\\S+)' }, document, at)).toBe('Д-1048213');
    expect(readField({ selector: '.subj' }, document, at)).toBe('Заказ Д-1048213 не пришёл');
    expect(readField({ selector: 'p[' }, document, at)).toBeUndefined();
    expect(readField({ selector: '.subj', pattern: '(' }, document, at)).toBeUndefined();
    expect(readField({ selector: '.missing' }, document, at)).toBeUndefined();
  });
});
