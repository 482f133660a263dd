import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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

  it('needs a selector or a pattern for each field', () => {
    expect(checkSiteEntry({ id: 'y', match: '*://*.example.ru/*', fields: { ticketId: {} } }, 0)[0].message).toMatch(
      /укажите selector/,
    );
  });
});
