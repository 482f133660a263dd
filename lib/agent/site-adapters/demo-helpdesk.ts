import { firstName, type SiteAdapter } from './site-adapter';

/**
 * The bundled demo helpdesk (test/demo/helpdesk.html) marks the requester with `data-customer-name`, the
 * way many helpdesk themes expose it to their own scripts. Proven by test/e2e/sidebar.test.ts.
 */
export const demoHelpdeskAdapter: SiteAdapter = {
  id: 'demo-helpdesk',
  matches: (location) => location.hostname === '127.0.0.1',
  customerName: (doc) => firstName(doc.querySelector('[data-customer-name]')?.textContent),
};
