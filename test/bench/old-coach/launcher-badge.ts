import { createOwnUiHost } from '../../../lib/agent/own-ui-host';
import { SEVERITIES, SEVERITY_COLORS } from '../../../lib/agent/severity-colors';
import { topViewportRect } from '../../../lib/editor/top-viewport-rect';
import type { Finding, Severity } from '../../../lib/model';

export interface LauncherBadge {
  /** Shows the badge at the bottom-right corner of `target`, or hides it for `null`. */
  attachTo(target: Element | null): void;
  /** The draft's live findings: a count in the most severe colour, and in the accessible name. */
  setFindings(findings: readonly Finding[]): void;
  destroy(): void;
}

const SIZE = 26;
const SEVERITY_WORDS: Record<Severity, string> = { error: 'ошибки', warning: 'советы', info: 'подсказки' };

/**
 * The small «Суфлёр» button at the corner of the focused reply box. Its shadow root is closed: the count and
 * the accessible name say how many findings the draft has and how bad, which the page must not learn from
 * us. Only trusted clicks open the sidebar, so a page script cannot open it by calling `.click()`.
 */
export function createLauncherBadge(doc: Document, onOpen: () => void, signal: AbortSignal): LauncherBadge {
  let target: Element | null = null;
  let frame = 0;
  const { host, shadow } = createOwnUiHost(doc, 'launcher', BADGE_CSS, 'closed');
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', 'Открыть Суфлёр: шаблоны ответов');
  button.title = 'Суфлёр — шаблоны ответов (Alt+Shift+S)';
  button.textContent = 'С';
  const count = doc.createElement('span');
  count.className = 'count';
  count.hidden = true;
  count.setAttribute('aria-hidden', 'true');
  shadow.append(button, count);
  // Keep focus in the reply box: a mousedown on the badge would otherwise blur it and lose the caret.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    if (event.isTrusted) onOpen();
  });

  const place = () => {
    frame = 0;
    if (!target?.isConnected) {
      host.hidden = true;
      return;
    }
    const rect = topViewportRect(target.getBoundingClientRect(), target.ownerDocument.defaultView);
    const visible = rect.width > SIZE * 2 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight;
    host.hidden = !visible;
    host.style.setProperty('--x', `${Math.round(rect.right - SIZE - 6)}px`);
    // Inside the corner of a roomy box; straddling the bottom edge of a one-line one, clear of its text.
    const y = rect.height >= SIZE * 2 ? rect.bottom - SIZE - 6 : rect.bottom - SIZE / 2;
    host.style.setProperty('--y', `${Math.round(y)}px`);
  };
  // Layout is read at most once per animation frame, never on the keystroke path.
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };
  addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  addEventListener('resize', schedule, { passive: true, signal });
  // The page reflows under the box too (the docked sidebar narrows it, a helpdesk panel opens).
  const resizeObserver = new ResizeObserver(schedule);
  signal.addEventListener('abort', () => resizeObserver.disconnect(), { once: true });

  return {
    attachTo(element) {
      if (target) resizeObserver.unobserve(target);
      target = element;
      if (element) resizeObserver.observe(element);
      if (element && !host.isConnected) doc.documentElement.append(host);
      schedule();
    },
    setFindings(findings) {
      const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
      for (const finding of findings) counts[finding.severity]++;
      const worst = SEVERITIES.find((severity) => counts[severity] > 0);
      count.hidden = !worst;
      count.textContent = String(findings.length);
      if (worst) count.style.background = SEVERITY_COLORS[worst];
      const summary = SEVERITIES.filter((severity) => counts[severity] > 0)
        .map((severity) => `${SEVERITY_WORDS[severity]}: ${counts[severity]}`)
        .join(', ');
      button.setAttribute('aria-label', `Открыть Суфлёр: шаблоны ответов${summary ? `. Замечания — ${summary}` : ''}`);
    },
    destroy() {
      cancelAnimationFrame(frame);
      host.remove();
    },
  };
}

const BADGE_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  left: var(--x) !important;
  top: var(--y) !important;
  z-index: 2147483645 !important;
  display: block !important;
}
:host([hidden]) { display: none !important; }
button {
  width: ${SIZE}px; height: ${SIZE}px; border-radius: 50%; border: 0; cursor: pointer;
  background: #3b5bdb; color: #fff; font: 600 13px/1 system-ui, sans-serif;
  box-shadow: 0 1px 4px rgb(0 0 0 / 30%); opacity: .85;
}
button:hover, button:focus-visible { opacity: 1; outline: 2px solid #91a7ff; outline-offset: 1px; }
.count {
  position: absolute; top: -7px; right: -7px; min-width: 16px; height: 16px; padding: 0 4px; box-sizing: border-box;
  border-radius: 8px; color: #fff; font: 600 11px/16px system-ui, sans-serif; text-align: center; pointer-events: none;
}
.count[hidden] { display: none; }
`;
