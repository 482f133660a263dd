import type { Finding, GuardMode } from '../model';
import type { SendVerdict } from './intercept-send';

/**
 * What the guard does with a send, by mode: off → pass; a draft without error-level findings (unfilled
 * placeholders are error-level) → pass;
 * warn → notify (the send goes through with a notice); confirm and strict → hold (the dialog; strict shows
 * no «Отправить всё равно»). Pure, so the agent's `decide` is one call over its current findings.
 */
export function sendVerdict(mode: GuardMode, findings: readonly Finding[]): SendVerdict {
  if (mode === 'off' || !findings.some((finding) => finding.severity === 'error')) return 'pass';
  return mode === 'warn' ? 'notify' : 'hold';
}
