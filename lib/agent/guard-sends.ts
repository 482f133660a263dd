import { readBoxText } from '../editor/box-text';
import type { ReplyBox } from '../editor/reply-box';
import { type HeldSend, interceptSend } from '../guard/intercept-send';
import { sendVerdict } from '../guard/send-verdict';
import type { GuardChoice, GuardInTopRequest, GuardMode, LintEventKind } from '../model';
import type { AgentUi } from './agent-ui';
import type { LiveCoach } from './live-coach';

interface GuardDeps {
  /** The dialog's code arrives on first use; the send itself is already held synchronously. */
  ui(): Promise<AgentUi>;
  currentBox(): ReplyBox | null;
  /** The mode in force (team policy and the agent's choice, resolved by the background). */
  mode(): GuardMode;
  coach: LiveCoach;
  /**
   * True while the draft cannot be judged: the linter comes with the on-demand script, and until it is there
   * (or while the mode is not known yet) `lintNow` finds nothing. A send then is held and decided once
   * `whenLinted` settles.
   */
  unjudged(): boolean;
  /** Loads the linter (with the rules and mode); rejects when the on-demand script could not be injected. */
  whenLinted(): Promise<unknown>;
  record(ruleId: string, kind: LintEventKind): void;
  /**
   * Set in a cross-origin subframe (a chat widget): the dialog and notice are drawn by the top page's agent,
   * anchored to this frame, instead of inside a frame that may be a few dozen pixels high.
   */
  showInTop?(request: GuardInTopRequest): Promise<GuardChoice>;
}

/**
 * The send guard: Enter, Ctrl+Enter, the send button or a form submit with an error-level finding or an
 * unfilled placeholder in the draft is held (confirm, strict) or sent with a notice (warn). The verdict is
 * the live coach's current findings, linted synchronously in the key or click handler; before the linter has
 * loaded, the send is held and decided once it has (lib/guard/README.md, «A send before the linter is there»).
 */
export function guardSends(signal: AbortSignal, deps: GuardDeps): void {
  const blocking = () => deps.coach.lintNow().filter((finding) => finding.severity === 'error');
  const notify = (box: ReplyBox) => {
    const report = { text: readBoxText(box).text, findings: deps.coach.lintNow(), near: box, signal };
    if (deps.showInTop) {
      const request: GuardInTopRequest = {
        kind: 'notice',
        text: report.text,
        findings: [...report.findings],
        strict: false,
      };
      void deps.showInTop(request).catch(() => undefined);
    } else void deps.ui().then((ui) => ui.showGuardNotice(document, report));
    for (const finding of blocking()) deps.record(finding.ruleId, 'sentAnyway');
  };
  const ask = (held: HeldSend) => {
    const findings = deps.coach.lintNow();
    const sendAnyway = () => {
      for (const finding of blocking()) deps.record(finding.ruleId, 'sentAnyway');
      held.resend();
    };
    if (deps.showInTop) {
      const request: GuardInTopRequest = {
        kind: 'dialog',
        text: readBoxText(held.box).text,
        findings: [...findings],
        strict: deps.mode() === 'strict',
        ...(held.newLine && deps.mode() === 'strict' ? { newLine: true } : {}),
      };
      void deps
        .showInTop(request)
        .then((choice) => {
          if (choice === 'fix') deps.coach.revealFirst();
          else if (choice === 'send-anyway') sendAnyway();
          else if (choice === 'new-line') held.newLine?.();
        })
        .catch(() => undefined);
      return;
    }
    void deps.ui().then((ui) =>
      ui.showGuardDialog(document, {
        text: readBoxText(held.box).text,
        findings,
        strict: deps.mode() === 'strict',
        onFix: () => deps.coach.revealFirst(),
        onSendAnyway: sendAnyway,
        // Strict only: in confirm mode «Отправить всё равно» already types the line break where the page
        // does not take the Enter (and the box is known from then on).
        ...(held.newLine && deps.mode() === 'strict' ? { onNewLine: () => held.newLine?.() } : {}),
        signal,
      }),
    );
  };
  /**
   * A send held before the linter was there (the first keystrokes of a fresh tab): the latest one waits for
   * it, then goes (clean draft; warn mode with its notice) or asks. An earlier one it replaced is dropped: the
   * agent pressed again, one send is meant. If the on-demand script cannot be injected (twice), the send goes
   * as it would without the guard: no dialog could be drawn either, and a send swallowed silently is worse.
   */
  let waiting: HeldSend | null = null;
  const judgeLater = async () => {
    await deps
      .whenLinted()
      .catch(() => deps.whenLinted())
      .catch(() => undefined);
    const held = waiting;
    waiting = null;
    if (!held || signal.aborted) return;
    const verdict = deps.unjudged() ? 'pass' : sendVerdict(deps.mode(), deps.coach.lintNow());
    if (verdict === 'hold') return ask(held);
    if (verdict === 'notify') notify(held.box);
    held.resend();
  };
  interceptSend(document, signal, {
    currentBox: deps.currentBox,
    decide: () => (deps.unjudged() ? 'hold' : sendVerdict(deps.mode(), deps.coach.lintNow())),
    onNotify: notify,
    onHeld: (held) => {
      if (!deps.unjudged() && !waiting) return ask(held);
      const first = !waiting;
      waiting = held;
      if (first) void judgeLater();
    },
  });
}
