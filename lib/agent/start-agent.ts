import { INSERT_FAILURE_MESSAGES, insertIntoReplyBox } from '../editor/insert-into-reply-box';
import { focusReplyBox } from '../editor/reply-box';
import { trackReplyBox } from '../editor/track-reply-box';
import { onMessage, type PageContext, sendMessage } from '../messaging/protocol';
import { createLauncherBadge } from './launcher-badge';
import { createSidebarHost, type SidebarHost } from './sidebar-host';
import { customerNameOnPage } from './site-adapters';

export interface AgentOptions {
  /** `browser.runtime.getURL('/sidebar.html')`, passed in so this module stays free of `browser.*`. */
  sidebarUrl: string;
}

/**
 * The always-on agent script, in every frame of a helpdesk page. Kept small: it follows the reply box,
 * inserts what the sidebar asks for, and (top frame only) hosts the sidebar frame, which is created on
 * first open. Everything it registers stops when `signal` aborts (extension update, navigation).
 */
export function startAgent(signal: AbortSignal, options: AgentOptions): void {
  const isTop = window === window.top;
  const launcher = createLauncherBadge(document, () => void sendMessage('openSidebar'), signal);
  const tracker = trackReplyBox(document, signal, (box) => {
    launcher.attachTo(box);
    if (box) void sendMessage('replyBoxFocused').catch(() => undefined);
  });

  const stops = [
    onMessage('agentPing', () => ({ url: location.href })),
    onMessage('insertText', async ({ data }) => {
      const target = tracker.current();
      if (!target) return { ok: false, reason: INSERT_FAILURE_MESSAGES['no-reply-box'] };
      const result = await insertIntoReplyBox(target.element, data.text, target.selection);
      return result.ok ? result : { ok: false, reason: INSERT_FAILURE_MESSAGES[result.reason] };
    }),
  ];

  if (isTop) {
    let sidebar: SidebarHost | null = null;
    const origin = location.origin;
    const show = async ({ focus = true } = {}) => {
      if (!sidebar) {
        const state = await sendMessage('getSiteState', { origin });
        sidebar = createSidebarHost(document, {
          frameUrl: options.sidebarUrl,
          width: state.width,
          onWidthChange: (width) => void sendMessage('saveSiteState', { origin, width }),
          replyBox: () => tracker.current()?.element ?? null,
        });
      }
      sidebar.open({ focus });
      void sendMessage('saveSiteState', { origin, open: true });
    };
    const hide = () => {
      sidebar?.close();
      void sendMessage('saveSiteState', { origin, open: false });
      const box = tracker.current()?.element;
      if (box?.isConnected) focusReplyBox(box);
    };

    stops.push(
      onMessage('toggleSidebar', async ({ data }) => {
        // The shortcut closes a sidebar the agent is in, and brings back one they left for the page.
        const open = data.open ?? !sidebar?.hasFocus;
        if (open) await show();
        else hide();
        return { open };
      }),
      onMessage('hideSidebar', hide),
      onMessage(
        'readPageContext',
        (): PageContext => ({
          origin,
          conversationKey: location.href.split('#')[0],
          customerName: customerNameOnPage(document, location),
        }),
      ),
    );
    // Reopen where the agent left it open on this site, without taking the focus from the page.
    void sendMessage('getSiteState', { origin })
      .then((state) => (state.open ? show({ focus: false }) : undefined))
      .catch(() => undefined);
    signal.addEventListener('abort', () => sidebar?.destroy(), { once: true });
  }

  signal.addEventListener(
    'abort',
    () => {
      launcher.destroy();
      for (const stop of stops) stop();
    },
    { once: true },
  );
}
