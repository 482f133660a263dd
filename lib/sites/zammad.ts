import { ORDER_NUMBER_IN_TEXT } from './order-number-pattern';
import type { SiteEvidence, SiteProfile } from './site-profile';

const NEW_UI_TICKET = /\/desktop\/tickets\/\d+/;

/**
 * Zammad. The new agent UI (zammad/zammad app/frontend/apps/desktop):
 * - the ticket view's top bar is a `header` with a breadcrumb `nav > ol > li`, whose last item is an `h1`
 *   with `aria-current="page"` reading «Ticket#31001» (TicketDetailTopBar/TopBarHeader.vue @ 2242e3b3a44350b8f8be151e31a72f851acf1d10,
 *   components/CommonBreadcrumb/CommonBreadcrumb.vue @ 11b14611567f8bb51e2321897c8c642e8b6e7954);
 * - below it the customer's full name is the first `p` (a CommonLabel) of the `.mb-1` row and the title an element
 *   with `role="heading" aria-level="2"` (the CommonInlineEdit's label). Current markup:
 *   TicketDetailTopBar/components/TopBarHeaderFull.vue @ 0983bdb7a7beb8d4995f3c09ca48c8d2a9b369b9; the older
 *   TopBarHeader/TicketInformation.vue @ 211d8ad4d150a96788c07b5c23c99580d0417abe had the same row inside a
 *   `.basis-full` column, so the selectors name only the row and the header, and read both releases;
 *   the order number is read from the title, where agents and web forms put it;
 * - the reply goes out with «Обновить»/«Update» in the bottom bar, outside the reply panel: a CommonButton of
 *   variant `submit`, i.e. a `button.bg-yellow-300` (views/TicketDetailView.vue @ 004cffd611fee7ac99c2d21ce2e7b0843959b686
 *   `#bottomBar`, TicketDetailBottomBar/TicketAgentUpdateButton.vue @ 11b14611567f8bb51e2321897c8c642e8b6e7954,
 *   components/CommonButton/CommonButton.vue @ 08ed25622b3c021b3ef1127a1b05c5d349fe7d37). It says neither send nor
 *   reply and is not near the box, so generic detection misses it.
 * The legacy UI's «Обновить» is `.js-attributeBar .js-submit` (see the entry below).
 */
export const zammad: SiteProfile = {
  id: 'zammad',
  matches: ['https://*.zammad.com/*'],
  recognizes: (doc, location) => NEW_UI_TICKET.test(location.href) || doc.querySelector('.ticketZoom') !== null,
  fields: {
    customerName: { selector: 'header .mb-1 > p:first-child' },
    ticketId: { selector: 'header nav ol > li:last-child [aria-current="page"]', pattern: '(\\d+)\\s*$' },
    orderNumber: { selector: 'header [role="heading"][aria-level="2"]', pattern: ORDER_NUMBER_IN_TEXT },
  },
  sendControls: [
    {
      id: 'zammad-desktop-update',
      selector: 'button.bg-yellow-300',
      scope: 'body',
    },
    {
      id: 'zammad-ticket-update',
      selector: '.active.content .js-attributeBar .js-submit',
      scope: '.active.content',
    },
  ],
};

export const zammadEvidence: SiteEvidence = {
  product: 'Zammad',
  why: 'Vue templates of zammad/zammad app/frontend/apps/desktop (files and commits above)',
  sendControls: {
    'zammad-desktop-update':
      'New agent UI: «Обновить»/«Update» is a `button.bg-yellow-300` in the bottom bar, outside the reply ' +
      'panel (app/frontend/apps/desktop/pages/ticket/views/TicketDetailView.vue `#bottomBar`, ' +
      'components/CommonButton/CommonButton.vue variant submit). Fixture: sites/zammad.html.',
    'zammad-ticket-update':
      "Legacy UI: Zammad sends the reply with the ticket's «Обновить»/«Update», a `div.btn.js-submit` (no button " +
      'role, says neither send nor reply: app/assets/javascripts/app/views/ticket_zoom/attribute_bar.jst.eco), ' +
      'and its submit shortcut (Shift+Enter; Ctrl+Alt+Enter in the old layout) clicks exactly this selector ' +
      '(app/assets/javascripts/app/controllers/_plugin/keyboard_shortcuts.coffee). Fixture: guard/zammad.html.',
  },
  fixtures: [
    {
      page: 'zammad.html',
      query: '?route=/desktop/tickets/42',
      expect: {
        customerName: 'Игорь Петров',
        firstName: 'Игорь',
        ticketId: '31042',
        orderNumber: '1048213',
      },
    },
  ],
};
