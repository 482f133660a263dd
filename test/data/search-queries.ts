/**
 * What agents type into the sidebar, and the template of the bundled library (templates/) they are after.
 * Shared by the data test (each expected template in the top 3) and the search bench (hit@1 / hit@3 of our
 * pipeline beside Fuse.js with default options).
 *
 * Written against the finished library, as an agent would phrase it — not copied from titles or tags: word
 * forms and word order differ, typos are the usual ones (a dropped, doubled or swapped letter), wrong-layout
 * queries are the same phrases typed with the English layout on.
 */
export type QueryKind = 'colloquial' | 'synonym' | 'word-form' | 'typo' | 'layout' | 'multi-word' | 'shortcut';

export interface SearchQueryCase {
  query: string;
  expected: string;
  kind: QueryKind;
}

export const SEARCH_QUERIES: SearchQueryCase[] = [
  // Colloquial: how a customer put it, retyped by the agent.
  { query: 'вернуть деньги', expected: 'refund-timing', kind: 'colloquial' },
  { query: 'курьер опоздал', expected: 'delivery-late-apology', kind: 'colloquial' },
  { query: 'сломалось', expected: 'defect-rights', kind: 'colloquial' },
  { query: 'где заказ', expected: 'delivery-tracking', kind: 'colloquial' },
  { query: 'где мой заказ', expected: 'delivery-tracking', kind: 'colloquial' },
  { query: 'промокод', expected: 'compensation-promo-code', kind: 'colloquial' },
  { query: 'где деньги', expected: 'refund-not-arrived', kind: 'colloquial' },
  { query: 'клиент злится', expected: 'calm-angry-customer', kind: 'colloquial' },
  { query: 'позовите руководителя', expected: 'escalate-to-manager', kind: 'colloquial' },
  { query: 'угрожает судом', expected: 'complaint-threat', kind: 'colloquial' },
  { query: 'приложение вылетает', expected: 'app-crash-report', kind: 'colloquial' },
  { query: 'сайт не работает', expected: 'site-not-working', kind: 'colloquial' },
  { query: 'не включается', expected: 'device-wont-turn-on', kind: 'colloquial' },
  { query: 'привет', expected: 'greeting-first-reply', kind: 'colloquial' },

  // Synonyms and paraphrases: the idea, in other words than the title.
  { query: 'когда привезут', expected: 'delivery-when', kind: 'synonym' },
  { query: 'поменять размер', expected: 'return-exchange-size', kind: 'synonym' },
  { query: 'оплата не проходит', expected: 'payment-failed', kind: 'synonym' },
  { query: 'купон не применился', expected: 'promo-code-not-applied', kind: 'synonym' },
  { query: 'нет инструкции в коробке', expected: 'missing-components', kind: 'synonym' },
  { query: 'не тот цвет прислали', expected: 'wrong-item-sent', kind: 'synonym' },
  { query: 'хочу предложить функцию', expected: 'feature-request', kind: 'synonym' },
  { query: 'посылка потерялась', expected: 'delivery-marked-delivered-missing', kind: 'synonym' },
  { query: 'до нового года успеем', expected: 'delivery-holiday-deadline', kind: 'synonym' },
  { query: 'самовывоз', expected: 'delivery-pickup-storage', kind: 'synonym' },
  { query: 'до свидания', expected: 'closing-resolved', kind: 'synonym' },

  // Word forms: cases, numbers, verb forms that differ from the template's.
  { query: 'сроки возврата денег', expected: 'refund-timing', kind: 'word-form' },
  { query: 'деньги не вернули', expected: 'refund-not-arrived', kind: 'word-form' },
  { query: 'деньги списали дважды', expected: 'payment-double-charge', kind: 'word-form' },
  { query: 'пришел поврежденный', expected: 'damaged-in-delivery', kind: 'word-form' },
  { query: 'разбитый товар', expected: 'damaged-in-delivery', kind: 'word-form' },
  { query: 'не хватает деталей', expected: 'missing-components', kind: 'word-form' },
  { query: 'ремонт больше 45 дней', expected: 'warranty-repair-delayed', kind: 'word-form' },
  { query: 'как настроить', expected: 'setup-instructions', kind: 'word-form' },
  { query: 'собрать шкаф', expected: 'setup-assembly-service', kind: 'word-form' },
  { query: 'вернуть товар', expected: 'return-within-7-days', kind: 'word-form' },
  { query: 'сломался телефон', expected: 'complex-goods-15-days', kind: 'word-form' },
  { query: 'отзывы плохие', expected: 'reply-negative-review', kind: 'word-form' },

  // Typos.
  { query: 'гарантиный ремонт', expected: 'warranty-repair', kind: 'typo' },
  { query: 'курер не приехал', expected: 'delivery-courier-no-show', kind: 'typo' },
  { query: 'промакод не работает', expected: 'promo-code-not-applied', kind: 'typo' },
  { query: 'денги не пришли', expected: 'refund-not-arrived', kind: 'typo' },
  { query: 'возрат без чека', expected: 'return-no-receipt', kind: 'typo' },
  { query: 'отменит заказ', expected: 'order-cancel', kind: 'typo' },
  { query: 'поменять адресс', expected: 'delivery-address-change', kind: 'typo' },
  { query: 'спасибо за ожидане', expected: 'thanks-for-waiting', kind: 'typo' },

  // The English layout left on.
  { query: 'djpdhfn', expected: 'return-within-7-days', kind: 'layout' },
  { query: 'gfhjkm', expected: 'password-reset', kind: 'layout' },
  { query: 'ghjvjrjl', expected: 'compensation-promo-code', kind: 'layout' },
  { query: 'rehmth yt ghbt[fk', expected: 'delivery-courier-no-show', kind: 'layout' },
  { query: 'jnvtybnm pfrfp', expected: 'order-cancel', kind: 'layout' },
  { query: ',hfr', expected: 'defect-rights', kind: 'layout' },
  { query: 'cfqn yt hf,jnftn', expected: 'site-not-working', kind: 'layout' },

  // Longer phrases, as they come to mind.
  { query: 'клиент пишет уже третий раз', expected: 'repeat-contact', kind: 'multi-word' },
  { query: 'долго не отвечали извините', expected: 'apology-slow-response', kind: 'multi-word' },
  { query: 'подарок нужен срочно', expected: 'delivery-urgent-gift', kind: 'multi-word' },
  { query: 'уточню и вернусь', expected: 'wait-check-15-min', kind: 'multi-word' },
  { query: 'ошибка на экране', expected: 'device-error-code', kind: 'multi-word' },
  { query: 'изменить адрес доставки', expected: 'delivery-address-change', kind: 'multi-word' },

  // Shortcuts.
  { query: 'безчека', expected: 'return-no-receipt', kind: 'shortcut' },
  { query: 'невкл', expected: 'device-wont-turn-on', kind: 'shortcut' },
];
