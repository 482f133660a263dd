import { topViewportRect } from '../editor/top-viewport-rect';
import { defineMessages } from '../i18n';
import type { Finding, Severity } from '../model';
import { createOwnUiHost, themeOwnUiHost } from './own-ui-host';
import { SEVERITIES, SEVERITY_COLORS } from './severity-colors';

export interface LauncherBadge {
  /** Shows the badge at the bottom-right corner of `target`, or hides it for `null`. */
  attachTo(target: Element | null): void;
  /** The draft's live findings: a count in the most severe colour, and in the accessible name. */
  setFindings(findings: readonly Finding[]): void;
  destroy(): void;
}

const SIZE = 26;
const t = defineMessages({
  ru: {
    open: 'Открыть Суфлёр: шаблоны ответов',
    tooltip: 'Суфлёр — шаблоны ответов (Alt+Shift+S)',
    letter: 'С',
    findings: (summary: string) => `. Замечания — ${summary}`,
    error: 'ошибки',
    warning: 'советы',
    info: 'подсказки',
  },
  en: {
    open: 'Open Sufler: reply templates',
    tooltip: 'Sufler — reply templates (Alt+Shift+S)',
    letter: 'S',
    findings: (summary: string) => `. Findings — ${summary}`,
    error: 'errors',
    warning: 'tips',
    info: 'hints',
  },
});

/**
 * The small «Суфлёр» button at the corner of the focused reply box. Its shadow root is closed: the count and
 * the accessible name say how many findings the draft has and how bad, which the page must not learn from
 * us. Only trusted clicks open the sidebar, so a page script cannot open it by calling `.click()`.
 */
export function createLauncherBadge(doc: Document, onOpen: () => void, signal: AbortSignal): LauncherBadge {
  let target: Element | null = null;
  let frame = 0;
  let lastShown: string | null = null;
  const { host, shadow } = createOwnUiHost(doc, 'launcher', BADGE_CSS, 'closed');
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', t.open);
  button.title = t.tooltip;
  button.textContent = t.letter;
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
    // The page's right edge, not the window's: a docked sidebar pushes the page with a margin on <html>.
    const pageRight = Math.min(innerWidth, doc.documentElement.getBoundingClientRect().right);
    const { x, y } = badgePosition(rect, { width: pageRight, height: innerHeight });
    host.style.setProperty('--x', `${Math.round(x)}px`);
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
      if (element && !host.isConnected) {
        themeOwnUiHost(host);
        doc.documentElement.append(host);
      }
      schedule();
    },
    setFindings(findings) {
      // Most keystrokes leave the counts as they were: touching the badge's text would restyle it anyway.
      const shown = findings.map((finding) => finding.severity).join();
      if (shown === lastShown) return;
      lastShown = shown;
      const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
      for (const finding of findings) counts[finding.severity]++;
      const worst = SEVERITIES.find((severity) => counts[severity] > 0);
      count.hidden = !worst;
      count.textContent = String(findings.length);
      if (worst) count.style.background = SEVERITY_COLORS[worst];
      const summary = SEVERITIES.filter((severity) => counts[severity] > 0)
        .map((severity) => `${t[severity]}: ${counts[severity]}`)
        .join(', ');
      button.setAttribute('aria-label', `${t.open}${summary ? t.findings(summary) : ''}`);
    },
    destroy() {
      cancelAnimationFrame(frame);
      host.remove();
    },
  };
}

/** Room the count bubble takes beyond the button (it sits at top/right −7 px). */
const BUBBLE = 8;

/**
 * Where the badge goes: outside the reply box, so it never covers the draft's last line or the box's
 * scrollbar (issue 15) — right of the bottom-right corner when the window has room there, else above the
 * top-right corner (where a box's label row usually is), else below it; inside the corner only when the box
 * fills the window and there is no outside left.
 */
export function badgePosition(
  box: { left: number; top: number; right: number; bottom: number },
  viewport: { width: number; height: number },
): { x: number; y: number } {
  const outsideRight = box.right + 4;
  if (outsideRight + SIZE + BUBBLE <= viewport.width) return { x: outsideRight, y: box.bottom - SIZE };
  const x = box.right - SIZE - BUBBLE;
  const above = box.top - SIZE - 4;
  if (above >= BUBBLE) return { x, y: above };
  const below = box.bottom + BUBBLE + 2;
  if (below + SIZE <= viewport.height) return { x, y: below };
  return { x: box.right - SIZE - 6, y: box.bottom - SIZE - 6 };
}

/**
 * Written compact: the always-on script is at its size budget and a template literal's spaces are not minified.
 * Dark (Настройки → Оформление, else the system's scheme): a lighter blue with dark text, as the sidebar's accent.
 */
const BADGE_CSS = `:host{all:initial!important;position:fixed!important;left:var(--x)!important;top:var(--y)!important;\
z-index:2147483645!important;display:block!important}:host([hidden]){display:none!important}\
button{width:${SIZE}px;height:${SIZE}px;border-radius:50%;border:0;cursor:pointer;background:#3b5bdb;color:#fff;\
font:600 13px/1 system-ui,sans-serif;box-shadow:0 1px 4px rgb(0 0 0/30%);opacity:.85}\
button:hover,button:focus-visible{opacity:1;outline:2px solid #91a7ff;outline-offset:1px}\
.count{position:absolute;top:-7px;right:-7px;min-width:16px;height:16px;padding:0 4px;box-sizing:border-box;\
border-radius:8px;color:#fff;font:600 11px/16px system-ui,sans-serif;text-align:center;pointer-events:none}\
.count[hidden]{display:none}:host([data-theme=dark]) button{background:#91a7ff;color:#141619}\
@media (prefers-color-scheme:dark){:host(:not([data-theme=light])) button{background:#91a7ff;color:#141619}}`;
