import type { SiteEvidence, SiteProfile } from './site-profile';

/**
 * The bundled demo helpdesk (test/demo/helpdesk.html, served from 127.0.0.1 in test builds only) marks the
 * requester with `data-customer-name`, the way many helpdesk themes expose it to their own scripts. No
 * manifest match: test builds add 127.0.0.1 themselves. Proven by test/e2e/sidebar.test.ts.
 */
export const demoHelpdesk: SiteProfile = {
  id: 'demo-helpdesk',
  matches: [],
  recognizes: (doc, location) =>
    location.hostname === '127.0.0.1' && doc.querySelector('[data-customer-name]') !== null,
  fields: { customerName: { selector: '[data-customer-name]' } },
};

export const demoHelpdeskEvidence: SiteEvidence = {
  product: 'Суфлёр demo helpdesk',
  why: 'our own demo page (test/demo/helpdesk.html)',
  fixtures: [],
};
