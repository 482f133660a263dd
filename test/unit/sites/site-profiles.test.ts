// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_SEND_CONTROLS } from '@/lib/guard/find-send-control';
import { parsePack } from '@/lib/packs/parse-pack';
import { HELPDESK_MATCHES } from '@/lib/site-matches';
import { profilesFor, readProfileFields, SITE_PROFILES } from '@/lib/sites';
import { SITE_EVIDENCE } from '@/lib/sites/evidence';
import { readField, readFields } from '@/lib/sites/read-fields';

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
    for (const fixture of SITE_EVIDENCE[profile.id]?.fixtures ?? []) {
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

  it('every profile has its evidence: a why, a fixture (but the demo), a why for each send control; ids are unique', () => {
    const ids = SITE_PROFILES.map((profile) => profile.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(SITE_EVIDENCE).sort()).toEqual([...ids].sort());
    for (const profile of SITE_PROFILES) {
      const evidence = SITE_EVIDENCE[profile.id];
      expect(evidence.why, profile.id).not.toBe('');
      if (profile.id !== 'demo-helpdesk') expect(evidence.fixtures.length, profile.id).toBeGreaterThan(0);
      expect(Object.keys(evidence.sendControls ?? {})).toEqual(
        (profile.sendControls ?? []).map((control) => control.id),
      );
    }
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

describe('the Zammad profile across releases', () => {
  it('reads the customer from the older top bar too (TicketInformation.vue @ 211d8ad4: the row inside .basis-full)', () => {
    const location = open('zammad.html', '?route=/desktop/tickets/42');
    // The same ticket as the older release rendered it: avatar column, then `.grow.basis-full` with the `.mb-1` row.
    document.querySelector('header > .grid')!.outerHTML = `
      <div class="grid grid-cols-[max-content_1fr] gap-4 mx-10">
        <div class="flex mt-1"><span class="avatar">ИП</span></div>
        <div class="grow basis-full">
          <div class="flex flex-col justify-center mb-3.5">
            <div class="mb-1 flex items-center gap-1">
              <p class="inline-flex items-center justify-start text-normal text-sm leading-snug gap-x-1.25 flex items-center gap-1">Игорь Петров</p>
              <span class="inline-flex items-center justify-start text-normal text-sm leading-snug gap-x-1.25">ООО «Ромашка»</span>
            </div>
            <div class="group relative flex w-fit items-center gap-1 w-full"><div class="Content relative z-0 flex grow items-center">
              <span class="dark:text-white font-medium line-clamp-4 min-h-6" role="heading" aria-level="2">Заказ № 1048213 не доставлен в срок</span>
            </div></div>
          </div>
        </div>
      </div>`;
    const { customerEmail: _none, ...expected } = SITE_EVIDENCE.zammad.fixtures[0].expect;
    expect(readProfileFields(document, location)).toEqual(expected);
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

describe('the worked example of templates/README.md', () => {
  it('is a valid `sites` entry and reads «Д-1048213» from «Заказ Д-1048213 не пришёл», as the text says', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../templates/README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Sites'));
    const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(example).toBeTruthy();
    const { pack, errors, warnings } = parsePack({
      format: 'sufler-pack',
      formatVersion: 1,
      id: 'readme',
      name: 'README',
      version: '1',
      locale: 'ru',
      templates: [],
      ...JSON.parse(`{${example}}`),
    });
    expect(errors).toEqual([]);
    expect(warnings ?? []).toEqual([]);
    const [site] = pack?.sites ?? [];
    document.body.innerHTML =
      '<div class="ticket-head"><span data-role="client">Анна Смирнова</span><h1 class="subject">Заказ Д-1048213 не пришёл</h1></div>' +
      '<a class="client-mail" href="mailto:anna@example.ru">написать</a>';
    expect(readFields(site.fields, document, { href: 'https://desk.domoteka.ru/tickets/58213' })).toEqual({
      customerName: 'Анна Смирнова',
      firstName: 'Анна',
      orderNumber: 'Д-1048213',
      customerEmail: 'anna@example.ru',
      ticketId: '58213',
    });
  });
});
