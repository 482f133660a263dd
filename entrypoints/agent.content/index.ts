import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { agentLifetime } from '@/lib/agent/agent-lifetime';
import { startAgent } from '@/lib/agent/start-agent';
import { HELPDESK_MATCHES } from '@/lib/site-matches';

export default defineContentScript({
  matches: HELPDESK_MATCHES,
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  // WXT would post its start-up message, extension id included, on the page's window.
  noScriptStartedPostMessage: true,
  main: () =>
    startAgent(
      agentLifetime({
        doc: document,
        isExtensionAlive: () => browser.runtime?.id !== undefined,
        // Private in WXT's types, public at run time: the event a new copy of this script dispatches.
        startedEvent: (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
          .SCRIPT_STARTED_MESSAGE_TYPE,
      }),
      { sidebarUrl: browser.runtime.getURL('/sidebar.html'), pickerUrl: browser.runtime.getURL('/picker.html') },
    ),
});
