import { SITE_PROFILES } from './sites';

/**
 * Hosted helpdesks and chats our agents work in whose page structure we cannot read (closed products): the
 * agent script runs there for the coach and the guard, but no profile reads fields (the agent can teach them).
 * Products with a profile (lib/sites/*) declare their own matches (Telegram Web's host comes with the Web K
 * profile and still covers Web A). HTTPS only: every one of them is served
 * over HTTPS, and a plain-http page on the same host (a captive portal, a man in the middle) must not get an
 * agent that inserts templates and fill-in values into it.
 */
const HOSTS_WITHOUT_PROFILE = [
  'https://*.zendesk.com/*',
  'https://*.freshdesk.com/*',
  'https://app.intercom.com/*',
  'https://secure.helpscout.net/*',
  'https://app.frontapp.com/*',
  'https://*.gorgias.com/*',
  'https://*.usedesk.ru/*',
  'https://*.jivosite.com/*',
  'https://app.jivo.ru/*',
  'https://*.bitrix24.ru/*',
  'https://*.bitrix24.com/*',
  'https://*.okdesk.ru/*',
  'https://*.omnidesk.ru/*',
  'https://web.whatsapp.com/*',
  'https://vk.com/*',
  'https://mail.google.com/*',
];

/**
 * Where the always-on agent script runs without asking: the profiles' hosts and the hosts above. Any other
 * site is enabled per origin from the popup (an optional host permission for that origin only).
 */
export const HELPDESK_MATCHES: string[] = [
  ...new Set([...SITE_PROFILES.flatMap((profile) => profile.matches), ...HOSTS_WITHOUT_PROFILE]),
];

/** Added to test builds only: the demo helpdesk and the e2e fixture pages are served from here. */
export const TEST_HOST_MATCHES = ['http://127.0.0.1/*'];
