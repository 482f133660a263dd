import { ORDER_NUMBER_IN_TEXT } from './order-number-pattern';
import type { SiteEvidence, SiteProfile } from './site-profile';

/**
 * Chatwoot's agent dashboard, conversation view (chatwoot/chatwoot, app/javascript/dashboard):
 * - the contact panel's name is an `h3` with `capitalize break-words cursor-pointer` and its e-mail a
 *   `mailto:` link (routes/dashboard/conversation/contact/ContactInfo.vue @ 00b18497b170d282d281093128d3062604981a04,
 *   rows from ContactInfoRow.vue);
 * - conversation custom attributes (where shops keep the order number) are rows of `.custom-attributes--panel`,
 *   label in an `h4`, value in a `p`; the attribute key is not in the DOM, so the row is found by its label text
 *   (routes/dashboard/conversation/customAttributes/CustomAttributes.vue @ 6d41583ecc986bbd8b10cafcb658ab67fc32a551,
 *   components/CustomAttribute.vue @ 0008fca511bb563b0f67e384823960b3f90294dd);
 * - the conversation number is only in the URL: /app/accounts/:accountId/conversations/:id
 *   (routes/dashboard/conversation/conversation.routes.js).
 * The reply's «Send» button says send, so generic detection finds it.
 */
export const chatwoot: SiteProfile = {
  id: 'chatwoot',
  matches: ['https://app.chatwoot.com/*'],
  recognizes: (_doc, location) => /\/app\/accounts\/\d+\/conversations\/\d+/.test(location.href),
  fields: {
    customerName: { selector: 'h3.capitalize.break-words.cursor-pointer' },
    customerEmail: { selector: 'a[href^="mailto:"]', attribute: 'href', pattern: '^mailto:(\\S+@\\S+)$' },
    orderNumber: { selector: '.custom-attributes--panel', pattern: ORDER_NUMBER_IN_TEXT },
    ticketId: { pattern: '/conversations/(\\d+)' },
  },
};

export const chatwootEvidence: SiteEvidence = {
  product: 'Chatwoot',
  why: 'Vue templates of chatwoot/chatwoot app/javascript/dashboard (files and commits above)',
  fixtures: [
    {
      page: 'chatwoot.html',
      query: '?route=/app/accounts/1/conversations/4821',
      expect: {
        customerName: 'Анна Смирнова',
        firstName: 'Анна',
        customerEmail: 'anna.smirnova@example.ru',
        orderNumber: 'Д-1048213',
        ticketId: '4821',
      },
    },
  ],
};
