import { ORDER_NUMBER_IN_TEXT } from './order-number-pattern';
import type { SiteEvidence, SiteProfile } from './site-profile';

/**
 * FreeScout (self-hosted only, so no manifest match: the agent enables it per origin from the popup). Its
 * conversation page (freescout-help-desk/freescout resources/views):
 * - `body.body-conv` holds `#conv-layout`; the subject is `#conv-subject .conv-subjtext` and the number
 *   `.conv-numnav strong` («# 1042») (conversations/view.blade.php @ d74af3e5c06376bfadd6d3995da8ad89ee4ecc36);
 * - the customer sidebar `#conv-layout-customer` includes `.customer-snippet` with `a.customer-name` and
 *   `li.customer-email a.contact-main` (customers/profile_snippet.blade.php @ 0bbbbc0c566a050c6ba6e8722c68feba22d011b3);
 * - the order number is read from the subject (e-mail subjects carry it: «Где мой заказ Д-1048213?»).
 * «Send Reply» is a `button.btn-reply-submit` that says send (conversations/editor_bottom_toolbar.blade.php
 * @ 0425b26bc90873e7cda095dec9b374ff403b6328): generic detection finds it.
 */
export const freescout: SiteProfile = {
  id: 'freescout',
  matches: [],
  recognizes: (doc) => doc.body?.classList.contains('body-conv') === true && doc.getElementById('conv-layout') !== null,
  fields: {
    customerName: { selector: '#conv-layout-customer .customer-snippet .customer-name' },
    customerEmail: { selector: '#conv-layout-customer .customer-email a.contact-main' },
    ticketId: { selector: '#conv-subject .conv-numnav strong' },
    orderNumber: { selector: '#conv-subject .conv-subjtext', pattern: ORDER_NUMBER_IN_TEXT },
  },
};

export const freescoutEvidence: SiteEvidence = {
  product: 'FreeScout',
  why: 'Blade templates of freescout-help-desk/freescout resources/views (files and commits above)',
  fixtures: [
    {
      page: 'freescout.html',
      expect: {
        customerName: 'Мария Кузнецова',
        firstName: 'Мария',
        customerEmail: 'm.kuznetsova@example.ru',
        ticketId: '1042',
        orderNumber: 'Д-1048213',
      },
    },
  ],
};
