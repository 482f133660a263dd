import { readBoxText } from '../editor/box-text';
import { hasUserActivation, isTextControl, type ReplyBox, windowOf } from '../editor/reply-box';
import { saveSelection } from '../editor/saved-selection';
import { isFollowedByParentFrame, trackReplyBox } from '../editor/track-reply-box';
import { setLocale } from '../i18n';
import type { DraftLinter } from '../lint/lint-draft';
import {
  type AgentPingProtocol,
  type FrameProtocol,
  onTabMessages,
  sendToBackground,
  type TopFrameProtocol,
} from '../messaging/protocol';
import type {
  AgentConfig,
  Finding,
  GuardChoice,
  GuardInTopRequest,
  InsertOutcome,
  LintEventKind,
  PageContext,
} from '../model';
import { readPageFields } from '../sites';
import { type AgentUi, loadAgentUi } from './agent-ui';
import { guardSends } from './guard-sends';
import { listenInline } from './inline-listener';
import { createLauncherBadge } from './launcher-badge';
import { createLiveCoach } from './live-coach';
import { setOwnUiTheme } from './own-ui-host';
import { prepareOnce } from './prepare-frame';
import type { SidebarHost } from './sidebar-host';

export interface AgentOptions {
  /** `browser.runtime.getURL('/sidebar.html')`, passed in so this module stays free of `browser.*`. */
  sidebarUrl: string;
  /** `browser.runtime.getURL('/picker.html')`: the inline picker's list (lib/agent/picker-host.ts). */
  pickerUrl: string;
}

/**
 * The always-on agent script, in every frame of a helpdesk page. Kept small: it follows the reply box,
 * inserts what the sidebar asks for, and (top frame only) hosts the sidebar frame, which is created on
 * first open. Everything it registers stops when `signal` aborts (extension update, navigation).
 */
export function startAgent(signal: AbortSignal, options: AgentOptions): void {
  const isTop = window === window.top;
  const stops = [onTabMessages<AgentPingProtocol>({ agentPing: () => ({ url: location.href }) })];
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

  /**
   * The badge's (trusted) click. A subframe's badge asks the background, which tells the top frame's agent
   * (the sidebar's host); the top frame's opens its sidebar itself (below), without that round trip through
   * a worker that may be busy serving the frames their library (issue 19: ≈ 30 ms at 10k).
   */
  let openSidebar = () => void sendToBackground('openSidebar');
  const launcher = createLauncherBadge(document, () => openSidebar(), signal);
  let linter: DraftLinter | null = null;
  let reported = '';
  /** The sidebar's «Замечания» follow the draft; only a change in the findings is worth a message. */
  const reportFindings = (findings: readonly Finding[], text: string) => {
    const locked = config?.errorsLocked === true;
    const drafted = findings.map((finding) => ({
      ...finding,
      phrase: text.slice(finding.start, finding.end),
      ...(locked && finding.severity === 'error' ? { locked: true } : {}),
    }));
    const signature = JSON.stringify(
      drafted.map(({ ruleId, start, phrase, locked }) => [ruleId, start, phrase, locked]),
    );
    if (signature === reported) return;
    reported = signature;
    void sendToBackground('reportFindings', { findings: drafted }).catch(() => undefined);
  };
  let config: AgentConfig | null = null;
  /** Set with the linter: the coach's underlines (textarea mirror, rich-editor overlay) come from it. */
  let loadedUi: AgentUi | null = null;
  const ui = () => loadAgentUi(() => sendToBackground('loadAgentUi'));
  const record = (ruleId: string, kind: LintEventKind) =>
    void sendToBackground('recordLintEvent', { ruleId, kind }).catch(() => undefined);
  const coach = createLiveCoach(signal, {
    // A cross-origin subframe (a chat widget) may be too small for the card: the top page draws it.
    loadCard: async (actions) =>
      isTop
        ? (await ui()).createFindingCard(document, actions)
        : (await ui()).createFindingCardInTop(
            {
              show: (request) => sendToBackground('showFindingCardInTop', request),
              hide: () => sendToBackground('hideFindingCardInTop'),
            },
            actions,
          ),
    linter: () => linter,
    createMirror: (box, boxSignal) => loadedUi?.createTextControlMirror(box, boxSignal) ?? null,
    createRangeUnderlines: (box, boxSignal, onTextChange) =>
      loadedUi?.createRangeUnderlines(box, boxSignal, onTextChange) ?? null,
    onFindings: (findings, text) => {
      launcher.setFindings(findings);
      reportFindings(findings, text);
    },
    replace: async (...args) => replaceSpan(await ui(), ...args),
    record,
    errorsLocked: () => config?.errorsLocked === true,
    template: (id) => config?.seeAlso?.[id],
    renderTemplate: async (id) => (await sendToBackground('renderSeeAlso', { id }))?.text ?? null,
    praise: () => config?.newHireMode === true,
  });
  /** The linter with the on-demand script and the current rules, then the coach starts over with it. */
  let linting: Promise<void> | null = null;
  const loadLinter = () => {
    linting ??= (async () => {
      const [loaded, current] = await Promise.all([ui(), config ?? sendToBackground('getAgentConfig')]);
      const { createDraftLinter, decodeCompiledRules } = loaded;
      loadedUi = loaded;
      config = current;
      linter = createDraftLinter(decodeCompiledRules(current.rules), {
        includeInfo: current.newHireMode,
        context: { agentName: current.agentName, agentGender: current.agentGender },
      });
      const box = tracker.current()?.element ?? null;
      coach.attach(null);
      coach.attach(box);
    })().finally(() => {
      linting = null;
    });
    return linting;
  };
  // Before the guard: while the picker shows options, its Enter is the picker's, never a send.
  const inline = listenInline(signal, {
    trigger: () => config?.inlineTrigger ?? 'off',
    load: async () =>
      (await ui()).createInlineInsert({
        currentBox: () => tracker.current()?.element ?? null,
        trigger: () => config?.inlineTrigger ?? 'off',
        createPicker: async () => {
          // The frame proves it is ours with this token, held in its name: never in a URL the page could see.
          const token = crypto.randomUUID();
          await sendToBackground('expectPicker', { token });
          return (await ui()).createPickerHost(document, { frameUrl: options.pickerUrl, frameName: token });
        },
        send: (input) => sendToBackground('pickerInput', input),
        expand: (shortcut) => sendToBackground('expandShortcut', { shortcut }),
        inserted: () => void sendToBackground('inlineInserted').catch(() => undefined),
      }),
  });
  /** The agent (not a page script) has focused a reply box in this frame. */
  let agentFocused = false;
  /** Top frame: the agent focused a reply box, so the sidebar frame is made at idle (lib/agent/prepare-frame.ts). */
  let prepareSidebar = () => {};
  const tracker = trackReplyBox(document, signal, {
    onChange: (box) => {
      if (box) inline.watch(windowOf(box));
      launcher.attachTo(box);
      coach.attach(box);
      // The linter comes with the on-demand script: a page where the agent never focuses a box loads neither.
      if (box && !linter) void loadLinter().catch(() => undefined);
    },
    // Inserts follow the box the agent focused, not one a page script focused: a hostile subframe that
    // calls focus() on its own box has no user activation (it never had the agent's click or key).
    onFocus: (box) => {
      if (!hasUserActivation(box.ownerDocument.defaultView)) return;
      void sendToBackground('replyBoxFocused').catch(() => undefined);
      // The picker's and the sidebar's frames are made at idle, and only for the agent's own focus.
      agentFocused = true;
      inline.prepare();
      prepareSidebar();
    },
  });
  guardSends(signal, {
    ui,
    currentBox: () => tracker.current()?.element ?? null,
    mode: () => config?.guardMode ?? 'off',
    coach,
    // No linter yet, and the mode is not known to be off: a send now would go unchecked (issue 12).
    unjudged: () => !linter && config?.guardMode !== 'off',
    whenLinted: () => (linter ? Promise.resolve() : loadLinter()),
    record,
    // A cross-origin subframe (a chat widget) may be too small for a dialog: the top page draws it.
    showInTop: isTop ? undefined : (request) => sendToBackground('showGuardInTop', request),
  });

  /** Rules arrive compiled by the background, once per change: the keystroke path only looks up words. */
  const loadRules = async () => {
    config = await sendToBackground('getAgentConfig');
    setOwnUiTheme(document, config.theme);
    setLocale(config.language);
    // The site's trigger is known only now: a focus that came first could not prepare the picker yet.
    if (agentFocused) inline.prepare();
    if (linter || tracker.current()) await loadLinter();
  };
  // The guard's mode is needed before the first send, the linter only once a box is focused.
  void loadRules().catch(() => undefined);

  stops.push(
    onTabMessages<FrameProtocol>({
      rulesChanged: () => void loadRules().catch(() => undefined),
      applyFindingInBox: (data) => coach.apply(data.finding, data.index),
      ignoreFindingInBox: (data) => coach.ignore(data.finding),
      insertSeeAlsoInBox: (data) => coach.insertTemplate?.(data.finding, data.id),
      insertText: async (data) => {
        const { insertIntoReplyBox, insertFailureMessages, withoutRepeatedGreeting } = await ui();
        const target = tracker.current();
        if (!target) return { ok: false, reason: insertFailureMessages['no-reply-box'] };
        // The agent greeted already: the template goes in without greeting again.
        const { text, skipped } = withoutRepeatedGreeting(readBoxText(target.element).text, data.text);
        const result = await insertIntoReplyBox(target.element, text, target.selection);
        if (!result.ok) return { ok: false, reason: insertFailureMessages[result.reason] };
        return skipped ? { ...result, skippedGreeting: true } : result;
      },
    }),
  );

  if (isTop) {
    let sidebar: SidebarHost | null = null;
    let picker: { destroy(): void } | null = null;
    const origin = location.origin;
    /** Cards for cross-origin frames' findings, drawn here; made (and their code loaded) on a frame's first ask. */
    let frameCards: ReturnType<AgentUi['hostFrameFindingCards']> | null = null;
    const cardsForFrames = async () => {
      const loaded = await ui();
      frameCards ??= loaded.hostFrameFindingCards(document, signal, async (actions) =>
        loaded.createFindingCard(document, actions),
      );
      return frameCards;
    };
    const create = async (): Promise<SidebarHost> => {
      // The frame proves it is ours with this token, held in its name: never in a URL the page could see.
      const token = crypto.randomUUID();
      const [state, loaded] = await Promise.all([
        sendToBackground('getSiteState'),
        ui(),
        sendToBackground('expectSidebar', { token }),
      ]);
      const host = loaded.createSidebarHost(document, {
        frameUrl: options.sidebarUrl,
        frameName: token,
        width: state.width,
        onWidthChange: (width) => void sendToBackground('saveSiteState', { width }),
        replyBox: () => tracker.current()?.element ?? null,
        // The page unhid a closed frame: that one is gone; the next open makes a new frame and token.
        onTamper: () => {
          if (sidebar === host) sidebar = null;
          preparation.reset();
        },
      });
      // Hidden and inert until open() (or for good, when this is a preparation the agent never opens).
      host.prepare();
      sidebar = host;
      return host;
    };
    // One host even when the shortcut, the restore on load and the preparation race each other.
    const preparation = prepareOnce(window, create, { signal });
    prepareSidebar = () => preparation.prepareAtIdle();
    // A helpdesk that focuses its reply box itself gives the agent no focus event to prepare on: the
    // agent's first trusted click or keystroke in the tracked box prepares the frame instead, and the
    // listeners go.
    const untilUsed = new AbortController();
    signal.addEventListener('abort', () => untilUsed.abort(), { once: true });
    const onUse = (event: Event) => {
      const box = tracker.current()?.element;
      if (!event.isTrusted || !box || !event.composedPath().includes(box)) return;
      untilUsed.abort();
      prepareSidebar();
    };
    for (const type of ['pointerdown', 'keydown'])
      document.addEventListener(type, onUse, { capture: true, passive: true, signal: untilUsed.signal });
    const show = async ({ focus = true } = {}) => {
      const host = sidebar ?? (await preparation.take());
      host.open({ focus });
      void sendToBackground('saveSiteState', { open: true });
    };
    openSidebar = () => void show().catch(() => undefined);
    const hide = () => {
      sidebar?.close();
      void sendToBackground('saveSiteState', { open: false });
      tracker.returnFocus();
    };

    stops.push(
      onTabMessages<TopFrameProtocol>({
        toggleSidebar: async (data) => {
          // The shortcut closes a sidebar the agent is in, and brings back one they left for the page.
          const open = data.open ?? !sidebar?.hasFocus;
          if (open) await show();
          else hide();
          return { open };
        },
        hideSidebar: hide,
        showGuardDialog: (data) => showSubframeGuard(data),
        showFindingCard: async (data) => (await cardsForFrames()).show(data),
        hideFindingCard: () => frameCards?.hide(),
        startSitePicker: async () => {
          const loaded = await ui();
          picker?.destroy();
          picker = loaded.startSitePicker(document, {
            save: async (field, locator) => {
              await sendToBackground('saveLearnedField', { field, locator });
            },
            close: () => {
              picker = null;
            },
          });
        },
        // Read on demand (the sidebar asks when it needs them), never per keystroke; the values go only to
        // the agent's own sidebar and from there into the agent's own insert.
        readPageContext: (data): PageContext => {
          const fields = readPageFields(document, location, data?.locators);
          return {
            origin,
            // With the hash: Telegram Web K, Zammad's legacy UI and other one-page apps route conversations there.
            conversationKey: location.href,
            customerName: fields.firstName,
            fields,
          };
        },
      }),
    );
    // Reopen where the agent left it open on this site, without taking the focus from the page.
    void sendToBackground('getSiteState')
      .then((state) => (state.open ? show({ focus: false }) : undefined))
      .catch(() => undefined);
    signal.addEventListener(
      'abort',
      () => {
        sidebar?.destroy();
        picker?.destroy();
      },
      { once: true },
    );
  }

  /**
   * A subframe's held send: the dialog is modal in this page; the notice sits by the frame the agent is typing
   * in (focus inside a frame makes its element this document's active element).
   */
  async function showSubframeGuard(request: GuardInTopRequest): Promise<GuardChoice> {
    const loaded = await ui();
    if (request.kind === 'notice') {
      loaded.showGuardNotice(document, { ...request, near: document.activeElement, signal });
      return 'closed';
    }
    // A dialog replaced by a newer held send answers nothing: that send stays held, as in the page itself.
    return new Promise<GuardChoice>((resolve) => {
      loaded.showGuardDialog(document, {
        ...request,
        onFix: () => resolve('fix'),
        onSendAnyway: () => resolve('send-anyway'),
        ...(request.newLine ? { onNewLine: () => resolve('new-line') } : {}),
        signal,
      });
      signal.addEventListener('abort', () => resolve('closed'), { once: true });
    });
  }

  signal.addEventListener('abort', () => launcher.destroy(), { once: true });
}

/** Replaces a span of the draft through the editor, as if the agent selected it and typed the suggestion. */
async function replaceSpan(
  { insertIntoReplyBox, insertFailureMessages }: AgentUi,
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
  return result.ok ? result : { ok: false, reason: insertFailureMessages[result.reason] };
}
