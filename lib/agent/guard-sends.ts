import { readBoxText } from '../editor/box-text';
import type { ReplyBox } from '../editor/reply-box';
import { interceptSend } from '../guard/intercept-send';
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
 * the live coach's current findings, linted synchronously in the key or click handler.
 */
export function guardSends(signal: AbortSignal, deps: GuardDeps): void {
  const blocking = () => deps.coach.lintNow().filter((finding) => finding.severity === 'error');
  interceptSend(document, signal, {
    currentBox: deps.currentBox,
    decide: () => sendVerdict(deps.mode(), deps.coach.lintNow()),
    onNotify: (box) => {
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
    },
    onHeld: (held) => {
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
    },
  });
}
