import { INSERT_FAILURE_MESSAGES, insertIntoReplyBox } from '../editor/insert-into-reply-box';
import { isTextControl, type ReplyBox, windowOf } from '../editor/reply-box';
import { saveSelection } from '../editor/saved-selection';
import { isFollowedByParentFrame, returnToReplyBox, trackReplyBox } from '../editor/track-reply-box';
import { createDraftLinter, type DraftLinter, decodeCompiledRules } from '../lint/lint-draft';
import { onMessage, sendMessage } from '../messaging/protocol';
import type { AgentConfig, Finding, InlineTrigger, InsertOutcome, LintEventKind, PageContext } from '../model';
import { loadAgentUi } from './agent-ui';
import { guardSends } from './guard-sends';
import { listenInline } from './inline-listener';
import { triggerForSite } from './inline-trigger';
import { createLauncherBadge } from './launcher-badge';
import { createLiveCoach } from './live-coach';
import type { SidebarHost } from './sidebar-host';
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
  const stops = [onMessage('agentPing', () => ({ url: location.href }))];
  signal.addEventListener(
    'abort',
    () => {
      for (const stop of stops) stop();
    },
    { once: true },
  );
  // A same-origin subframe (an editor iframe, TinyMCE's about:blank) is followed by its parent's agent,
  // which sees into it; only cross-origin frames, which the parent cannot reach, need their own.
  if (isFollowedByParentFrame(window)) return;

  const launcher = createLauncherBadge(document, () => void sendMessage('openSidebar'), signal);
  let linter: DraftLinter | null = null;
  let reported = '';
  /** The sidebar's «Замечания» follow the draft; only a change in the findings is worth a message. */
  const reportFindings = (findings: readonly Finding[], text: string) => {
    const drafted = findings.map((finding) => ({ ...finding, phrase: text.slice(finding.start, finding.end) }));
    const signature = JSON.stringify(drafted.map(({ ruleId, start, phrase }) => [ruleId, start, phrase]));
    if (signature === reported) return;
    reported = signature;
    void sendMessage('reportFindings', { findings: drafted }).catch(() => undefined);
  };
  let config: AgentConfig | null = null;
  const ui = () => loadAgentUi(() => sendMessage('loadAgentUi'));
  const record = (ruleId: string, kind: LintEventKind) =>
    void sendMessage('recordLintEvent', { ruleId, kind }).catch(() => undefined);
  const coach = createLiveCoach(signal, {
    loadCard: async (actions) => (await ui()).createFindingCard(document, actions),
    linter: () => linter,
    onFindings: (findings, text) => {
      launcher.setFindings(findings);
      reportFindings(findings, text);
    },
    replace: replaceSpan,
    record,
  });
  // Before the guard: while the picker is open, its Enter is the picker's, never a send.
  const site = topOrigin();
  let inlineTrigger: InlineTrigger = 'off';
  const loadTrigger = async () => {
    inlineTrigger = triggerForSite((await sendMessage('getSettings')).inlineTriggers, site);
  };
  void loadTrigger().catch(() => undefined);
  const inline = listenInline(signal, {
    trigger: () => inlineTrigger,
    load: async () =>
      (await ui()).createInlineInsert(document, {
        currentBox: () => tracker.current()?.element ?? null,
        trigger: () => inlineTrigger,
        library: () => sendMessage('getPickerLibrary'),
        fillIns: async () => {
          const [settings, context] = await Promise.all([sendMessage('getSettings'), sendMessage('getPageContext')]);
          const values = await sendMessage('getFillValues', { conversation: context.conversationKey }).catch(
            () => ({}),
          );
          return { values, context: { ...settings, ...context, now: new Date() } };
        },
        inserted: (template) =>
          void sendMessage('recordUsage', { templateKey: template.key, site }).catch(() => undefined),
      }),
  });
  const tracker = trackReplyBox(document, signal, (box) => {
    if (box) inline.watch(windowOf(box));
    launcher.attachTo(box);
    coach.attach(box);
    if (box) void sendMessage('replyBoxFocused').catch(() => undefined);
  });
  guardSends(signal, {
    ui,
    currentBox: () => tracker.current()?.element ?? null,
    mode: () => config?.guardMode ?? 'off',
    coach,
    record,
  });

  /** Rules arrive compiled by the background, once per change: the keystroke path only looks up words. */
  const loadRules = async () => {
    config = await sendMessage('getAgentConfig');
    linter = createDraftLinter(decodeCompiledRules(config.rules), { includeInfo: config.newHireMode });
    const box = tracker.current()?.element ?? null;
    coach.attach(null);
    coach.attach(box);
  };
  void loadRules().catch(() => undefined);

  stops.push(
    onMessage('rulesChanged', () => {
      inline.forget();
      void loadTrigger().catch(() => undefined);
      void loadRules().catch(() => undefined);
    }),
    onMessage('applyFindingInBox', ({ data }) => coach.apply(data.finding, data.index)),
    onMessage('ignoreFindingInBox', ({ data }) => coach.ignore(data.finding)),
    onMessage('insertText', async ({ data }) => {
      const target = tracker.current();
      if (!target) return { ok: false, reason: INSERT_FAILURE_MESSAGES['no-reply-box'] };
      const result = await insertIntoReplyBox(target.element, data.text, target.selection);
      return result.ok ? result : { ok: false, reason: INSERT_FAILURE_MESSAGES[result.reason] };
    }),
  );

  if (isTop) {
    let sidebar: SidebarHost | null = null;
    let creating: Promise<SidebarHost> | null = null;
    const origin = location.origin;
    const create = async () => {
      const [state, loaded] = await Promise.all([sendMessage('getSiteState', { origin }), ui()]);
      sidebar = loaded.createSidebarHost(document, {
        frameUrl: options.sidebarUrl,
        width: state.width,
        onWidthChange: (width) => void sendMessage('saveSiteState', { origin, width }),
        replyBox: () => tracker.current()?.element ?? null,
      });
      return sidebar;
    };
    const show = async ({ focus = true } = {}) => {
      // One host even when the shortcut and the restore on load race each other.
      creating ??= create();
      const host = sidebar ?? (await creating);
      host.open({ focus });
      void sendMessage('saveSiteState', { origin, open: true });
    };
    const hide = () => {
      sidebar?.close();
      void sendMessage('saveSiteState', { origin, open: false });
      const tracked = tracker.current();
      if (tracked) returnToReplyBox(tracked);
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

  signal.addEventListener('abort', () => launcher.destroy(), { once: true });
}

/** The helpdesk's origin, also from a cross-origin widget frame: per-site settings are the page's. */
function topOrigin(): string {
  const ancestors = location.ancestorOrigins;
  return ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1] : location.origin;
}

/** Replaces a span of the draft through the editor, as if the agent selected it and typed the suggestion. */
async function replaceSpan(
  box: ReplyBox,
  start: number,
  end: number,
  range: Range | null,
  text: string,
): Promise<InsertOutcome> {
  if (isTextControl(box)) box.setSelectionRange(start, end);
  else if (range)
    box.ownerDocument
      .getSelection()
      ?.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  const result = await insertIntoReplyBox(box, text, saveSelection(box));
  return result.ok ? result : { ok: false, reason: INSERT_FAILURE_MESSAGES[result.reason] };
}
