import { startAgent } from '@/lib/agent/start-agent';
import { HELPDESK_MATCHES } from '@/lib/site-matches';

export default defineContentScript({
  matches: HELPDESK_MATCHES,
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main: (ctx) => startAgent(ctx.signal, { sidebarUrl: browser.runtime.getURL('/sidebar.html') }),
});
