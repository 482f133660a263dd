import type { Finding } from '../model';
import { createOwnUiHost } from './own-ui-host';
import { SEVERITY_COLORS } from './severity-colors';

/** Text-affecting styles copied from the control, so the mirror wraps its text exactly like the control. */
const COPIED = [
  'boxSizing',
  'width',
  'height',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderTopStyle',
  'borderRightStyle',
  'borderBottomStyle',
  'borderLeftStyle',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontStretch',
  'fontVariant',
  'fontFeatureSettings',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'textIndent',
  'textAlign',
  'direction',
  'tabSize',
] as const;

export interface TextControlMirror {
  /** Redraws the underlines for `findings` over the control's current value. */
  paint(findings: readonly Finding[]): void;
  /** The finding under a viewport point, if any (for the hover card). */
  findingAt(x: number, y: number): Finding | null;
  /** The viewport rectangle of a finding's first line, for placing the card. */
  rectOf(finding: Finding): DOMRect | null;
  destroy(): void;
}

/**
 * Underlines for a textarea or text input, whose text has no DOM of its own: a transparent copy of the
 * control's text laid over it, with each finding wrapped in an underlined span. The control itself is never
 * touched and the overlay never takes a pointer event. It follows the control's scroll, size and position.
 */
export function createTextControlMirror(
  control: HTMLTextAreaElement | HTMLInputElement,
  signal: AbortSignal,
): TextControlMirror {
  const doc = control.ownerDocument;
  const view = doc.defaultView!;
  // Closed: its spans say which phrases of the draft break which kind of rule, which the page must not read.
  const { host, shadow } = createOwnUiHost(doc, 'underlines', MIRROR_CSS, 'closed');
  const mirror = doc.createElement('div');
  mirror.className = control.localName === 'input' ? 'mirror single-line' : 'mirror';
  shadow.append(mirror);
  doc.documentElement.append(host);

  let spans: { finding: Finding; span: HTMLSpanElement }[] = [];
  let frame = 0;
  /** Styles change with the control's size or the page's layout, not with its text: not copied per keystroke. */
  let stylesStale = true;

  /** Position, size and text metrics; read once per animation frame, never in the keystroke handler. */
  const sync = () => {
    frame = 0;
    if (!control.isConnected) return;
    if (stylesStale) {
      stylesStale = false;
      const computed = view.getComputedStyle(control);
      for (const property of COPIED) mirror.style[property] = computed[property];
      // The control's scrollbar narrows its text; the mirror has none, so it gets the same room as padding.
      const scrollbar =
        control.offsetWidth -
        control.clientWidth -
        Number.parseFloat(computed.borderLeftWidth) -
        Number.parseFloat(computed.borderRightWidth);
      if (scrollbar > 0) mirror.style.paddingRight = `${Number.parseFloat(computed.paddingRight) + scrollbar}px`;
      const rect = control.getBoundingClientRect();
      host.style.setProperty('--x', `${rect.left}px`);
      host.style.setProperty('--y', `${rect.top}px`);
    }
    mirror.scrollTop = control.scrollTop;
    mirror.scrollLeft = control.scrollLeft;
  };
  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(sync);
  };
  const restyle = () => {
    stylesStale = true;
    schedule();
  };
  control.addEventListener('scroll', schedule, { passive: true, signal });
  view.addEventListener('scroll', restyle, { capture: true, passive: true, signal });
  view.addEventListener('resize', restyle, { passive: true, signal });
  const resizeObserver = new ResizeObserver(restyle);
  resizeObserver.observe(control);
  signal.addEventListener('abort', () => resizeObserver.disconnect(), { once: true });

  return {
    paint(findings) {
      const text = control.value;
      const sorted = [...findings].sort((a, b) => a.start - b.start);
      const nodes: Node[] = [];
      spans = [];
      let at = 0;
      for (const finding of sorted) {
        if (finding.start < at) continue;
        nodes.push(doc.createTextNode(text.slice(at, finding.start)));
        const span = doc.createElement('span');
        span.className = finding.severity;
        span.textContent = text.slice(finding.start, finding.end);
        nodes.push(span);
        spans.push({ finding, span });
        at = finding.end;
      }
      // A trailing newline needs a character after it, or the mirror's last line collapses.
      nodes.push(doc.createTextNode(`${text.slice(at)}\u200b`));
      mirror.replaceChildren(...nodes);
      schedule();
    },
    findingAt(x, y) {
      for (const { finding, span } of spans) {
        for (const rect of span.getClientRects()) {
          if (x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 4) return finding;
        }
      }
      return null;
    },
    rectOf(finding) {
      // By position, not identity: «Исправить» asks with a finding linted afresh (live-coach revealFirst).
      const painted = spans.find(
        ({ finding: shown }) =>
          shown.ruleId === finding.ruleId && shown.start === finding.start && shown.end === finding.end,
      );
      return painted?.span.getClientRects()[0] ?? null;
    },
    destroy() {
      if (frame) view.cancelAnimationFrame(frame);
      resizeObserver.disconnect();
      host.remove();
    },
  };
}

const MIRROR_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  left: var(--x) !important;
  top: var(--y) !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  pointer-events: none !important;
  z-index: 2147483644 !important;
  display: block !important;
}
.mirror {
  position: absolute; left: 0; top: 0; margin: 0; overflow: hidden;
  color: transparent; background: transparent; border-color: transparent;
  white-space: pre-wrap; overflow-wrap: break-word; word-break: normal;
}
.mirror.single-line { white-space: pre; overflow-wrap: normal; }
span { text-decoration: underline wavy; text-decoration-skip-ink: none; text-underline-offset: 3px; }
span.error { text-decoration-color: ${SEVERITY_COLORS.error}; }
span.warning { text-decoration-color: ${SEVERITY_COLORS.warning}; }
span.info { text-decoration-color: ${SEVERITY_COLORS.info}; }
`;
