/**
 * Where the always-on agent script runs without asking: the helpdesk and chat apps our agents work in.
 * HTTPS only: every one of them is served over HTTPS, and a plain-http page on the same host (a captive
 * portal, a man in the middle) must not get an agent that inserts templates and fill-in values into it.
 * Any other site is enabled per origin from the popup (an optional host permission for that origin only).
 */
export const HELPDESK_MATCHES = [
  'https://*.zendesk.com/*',
  'https://*.freshdesk.com/*',
  'https://app.intercom.com/*',
  'https://secure.helpscout.net/*',
  'https://app.frontapp.com/*',
  'https://*.gorgias.com/*',
  'https://app.chatwoot.com/*',
  'https://*.zammad.com/*',
  'https://*.usedesk.ru/*',
  'https://*.jivosite.com/*',
  'https://app.jivo.ru/*',
  'https://*.bitrix24.ru/*',
  'https://*.bitrix24.com/*',
  'https://*.okdesk.ru/*',
  'https://*.omnidesk.ru/*',
  'https://web.telegram.org/*',
  'https://web.whatsapp.com/*',
  'https://vk.com/*',
  'https://mail.google.com/*',
];

/** Added to test builds only: the demo helpdesk and the e2e fixture pages are served from here. */
export const TEST_HOST_MATCHES = ['http://127.0.0.1/*'];
