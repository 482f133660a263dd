import { SITE_PROFILES } from './sites';

/**
 * Hosted helpdesks and chats our agents work in whose page structure we cannot read (closed products): the
 * agent script runs there for the coach and the guard, but no profile reads fields (the agent can teach them).
 * Products with a profile (lib/sites/*) declare their own matches.
 */
const HOSTS_WITHOUT_PROFILE = [
  '*://*.zendesk.com/*',
  '*://*.freshdesk.com/*',
  '*://app.intercom.com/*',
  '*://secure.helpscout.net/*',
  '*://app.frontapp.com/*',
  '*://*.gorgias.com/*',
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

/**
 * Where the always-on agent script runs without asking: the profiles' hosts and the hosts above. Any other
 * site is enabled per origin from the popup (an optional host permission for that origin only).
 */
export const HELPDESK_MATCHES: string[] = [
  ...new Set([...SITE_PROFILES.flatMap((profile) => profile.matches), ...HOSTS_WITHOUT_PROFILE]),
];

/** Added to test builds only: the demo helpdesk and the e2e fixture pages are served from here. */
export const TEST_HOST_MATCHES = ['http://127.0.0.1/*'];
