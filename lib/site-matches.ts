/**
 * Where the always-on agent script runs without asking: the helpdesk and chat apps our agents work in.
 * Any other site is enabled per origin from the popup (an optional host permission for that origin only).
 */
export const HELPDESK_MATCHES = [
  '*://*.zendesk.com/*',
  '*://*.freshdesk.com/*',
  '*://app.intercom.com/*',
  '*://secure.helpscout.net/*',
  '*://app.frontapp.com/*',
  '*://*.gorgias.com/*',
  '*://app.chatwoot.com/*',
  '*://*.zammad.com/*',
  '*://*.usedesk.ru/*',
  '*://*.jivosite.com/*',
  '*://app.jivo.ru/*',
  '*://*.bitrix24.ru/*',
  '*://*.bitrix24.com/*',
  '*://*.okdesk.ru/*',
  '*://*.omnidesk.ru/*',
  '*://web.telegram.org/*',
  '*://web.whatsapp.com/*',
  '*://vk.com/*',
  '*://mail.google.com/*',
];

/** Added to test builds only: the demo helpdesk and the e2e fixture pages are served from here. */
export const TEST_HOST_MATCHES = ['http://127.0.0.1/*'];
