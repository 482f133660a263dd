import { onMessage } from '../messaging/protocol';

/**
 * The always-on agent script in every helpdesk frame. Kept small: it answers the background and (in later
 * issues) tracks the reply box, lints the draft and guards the send; the sidebar loads only on demand.
 */
export function startAgent(signal: AbortSignal): void {
  const stopPing = onMessage('agentPing', () => ({ url: location.href }));
  signal.addEventListener('abort', stopPing, { once: true });
}
