import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../lib/i18n';
import { checkSiteEntry, splitPackSites } from '../../../lib/packs/pack-sites';
import { parsePack } from '../../../lib/packs/parse-pack';

const brokenSites = readFileSync('test/fixtures/packs/broken-sites.json', 'utf8');

describe('a pack’s sites section', () => {
  it('refuses each broken entry with a message naming it, and keeps the rest of the pack', () => {
    const { pack, errors, warnings } = parsePack(brokenSites);
    expect(errors).toEqual([]);
    expect(pack?.templates.map((template) => template.id)).toEqual(['greeting']);
    expect(pack?.sites?.map((site) => site.id)).toEqual(['shop-desk']);
    const messages = (warnings ?? []).map((warning) => `${warning.path}: ${warning.message}`);
    expect(messages).toEqual([
      'sites[1].fields.customerName.selector: сайт «bad-selector», поле «customerName»: «div[» — не CSS-селектор',
      'sites[2].fields.orderNumber.pattern: сайт «bad-pattern», поле «orderNumber»: «Заказ (» — не регулярное выражение',
      expect.stringMatching(
        /^sites\[3\]\.fields\.orderNumbr: сайт «bad-field»: неизвестное поле «orderNumbr»; допустимы customerName/,
      ),
      'sites[4].match: сайт «bad-match»: «desk.example.ru» — не шаблон адреса; пример: https://desk.example.ru/*',
    ]);
  });

  it('refuses a duplicate id and an entry that is not an object, naming them', () => {
    const entry = { id: 'x', match: 'https://x.example/*', fields: { ticketId: { pattern: '(\\d+)' } } };
    const split = splitPackSites([entry, entry, 42]);
    expect(split.sites).toEqual([entry]);
    expect(split.errors.map((error) => error.message)).toEqual([
      'сайт «x» уже описан выше; этот пропущен',
      expect.stringMatching(/^сайт №3: /),
    ]);
  });

  it('words a wrongly typed entry in Russian, naming it, as the rest of the pack is worded', () => {
    const messages = checkSiteEntry({ id: 'Shop Desk', match: 42, fields: { ticketId: { selector: '' } } }, 1).map(
      (error) => `${error.path}: ${error.message}`,
    );
    expect(messages).toEqual([
      'sites[1].id: сайт «Shop Desk»: идентификатор: латинские строчные буквы, цифры, «-», «_», «.»',
      'sites[1].match: сайт «Shop Desk»: ожидается текст, а здесь число',
      'sites[1].fields.ticketId.selector: сайт «Shop Desk»: не заполнено',
    ]);
  });

  afterEach(() => setLocale(undefined));

  it('says the same in English in an English browser', () => {
    setLocale('en');
    const { warnings } = parsePack(brokenSites);
    expect((warnings ?? []).map((warning) => warning.message)).toEqual([
      'site “bad-selector”, field “customerName”: “div[” is not a CSS selector',
      'site “bad-pattern”, field “orderNumber”: “Заказ (” is not a regular expression',
      expect.stringMatching(/^site “bad-field”: unknown field “orderNumbr”; allowed: customerName \(customer name\)/),
      'site “bad-match”: “desk.example.ru” is not a match pattern; for example https://desk.example.com/*',
    ]);
    expect(checkSiteEntry({ id: 'x', match: 7, fields: {} }, 0).map((error) => error.message)).toEqual([
      'site “x”: expected text, got a number',
    ]);
  });

  it('needs a selector or a pattern for each field', () => {
    expect(checkSiteEntry({ id: 'y', match: '*://*.example.ru/*', fields: { ticketId: {} } }, 0)[0].message).toMatch(
      /укажите selector/,
    );
  });
});
