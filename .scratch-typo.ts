import { buildPackFromDir } from './lib/packs/build-pack';
import { createSearchIndex } from './lib/search/search-index';
import { searchTemplates } from './lib/search/search-templates';
const { pack } = await buildPackFromDir('templates');
const idx = createSearchIndex(pack!.templates);
const cases: [string, string][] = [
 ['гарнатийный ремонт','warranty-repair'], ['курьер опаздал','delivery-late-apology'], ['промокд','compensation-promo-code'],
 ['возрват','return-within-7-days'], ['отмнеить заказ','order-cancel'], ['приложене вылетает','app-crash-report'],
 ['сломалсь','defect-rights'], ['пароль забл','password-reset'], ['оплтаа не прошла','payment-failed'], ['трек номр','delivery-tracking'],
 ['комплектущие','missing-components'], ['уведомленя','app-notifications'], ['претензя','written-claim-received'], ['руковдитель','escalate-to-manager'],
 ['сбой','app-known-outage'], ['сбйо','app-known-outage'], ['чек','payment-receipt'], ['чке','payment-receipt'], ['фот','ask-photo'], ['фтоо','ask-photo'],
];
let h1 = 0, h3 = 0;
for (const [q, want] of cases) {
  const hits = searchTemplates(idx, q, { now: 0, limit: 5 });
  const pos = hits.findIndex(h => h.id === want);
  if (pos === 0) h1++; if (pos >= 0 && pos < 3) h3++;
  console.log(pos, q, hits.slice(0,3).map(h=>h.id).join(' '));
}
console.log('typo hit@1', h1, 'hit@3', h3, 'of', cases.length);
