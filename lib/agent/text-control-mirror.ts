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

  let spans: MarkedSpan[] = [];
  let lines: MirrorLine[] = [];
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
      const next = layoutLines(control.value, findings);
      // Reuse each line whose text and underlines are unchanged, wherever it moved: only changed lines are
      // rebuilt, so the browser restyles, lays out and repaints one line per keystroke, not the draft.
      const reusable = new Map<string, MirrorLine[]>();
      for (const line of lines) {
        const same = reusable.get(line.key);
        if (same) same.push(line);
        else reusable.set(line.key, [line]);
      }
      const found = next.map((line) => {
        const old = reusable.get(line.key)?.shift();
        if (!old) return null;
        // Same spans in the same order; they now stand for this update's findings (offsets moved).
        old.spans.forEach((entry, index) => {
          entry.finding = line.marks[index].finding;
        });
        return old;
      });
      const taken = new Set(found);
      const built = next.map((line, index) => {
        const old = found[index];
        if (old) return old;
        // The line being typed in, still at its place and with the same parts: its text nodes take the new
        // text, so the browser lays out that text again but restyles nothing (no new elements).
        const here = lines[index];
        const parts = partsOf(line);
        if (here && !taken.has(here) && reusable.get(here.key)?.includes(here) && here.shape === shapeOf(parts)) {
          reusable.get(here.key)!.splice(reusable.get(here.key)!.indexOf(here), 1);
          taken.add(here);
          parts.forEach((part, k) => {
            if (here.texts[k].data !== part.text) here.texts[k].data = part.text;
          });
          here.spans.forEach((entry, k) => {
            entry.finding = line.marks[k].finding;
          });
          here.key = line.key;
          return here;
        }
        return buildLine(doc, line, parts);
      });
      for (const leftover of reusable.values()) for (const line of leftover) line.element.remove();
      let cursor = mirror.firstChild;
      for (const line of built) {
        if (line.element === cursor) cursor = cursor.nextSibling;
        else mirror.insertBefore(line.element, cursor);
      }
      lines = built;
      spans = built.flatMap((line) => line.spans);
      // Scrolling follows the control's scroll events; only the first paint needs the styles copied.
      if (stylesStale) schedule();
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
      // By position, not identity: the guard's synchronous lint hands out new objects for the same findings.
      const painted = spans.find(
        ({ finding: f }) => f.ruleId === finding.ruleId && f.start === finding.start && f.end === finding.end,
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

interface MarkedSpan {
  finding: Finding;
  span: HTMLSpanElement;
}

/** One line of the control's value (between line breaks) with its underlined parts, offsets in the line. */
interface LineLayout {
  text: string;
  marks: { finding: Finding; start: number; end: number }[];
  /** Text and underlines: lines with the same key look the same. */
  key: string;
}

interface MirrorLine {
  key: string;
  element: HTMLDivElement;
  spans: MarkedSpan[];
  /** Its text nodes, one per part (partsOf), and the parts' kinds: a line of the same shape is patched. */
  texts: Text[];
  shape: string;
}

/**
 * The value split at line breaks, each line with the parts of the findings that fall in it (a finding
 * across a break is underlined on both lines). Each line becomes its own block in the mirror: a textarea
 * wraps each line on its own too, so the blocks wrap exactly as the control does.
 */
export function layoutLines(value: string, findings: readonly Finding[]): LineLayout[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  // Overlapping findings: the first one wins the span, as a span cannot sit half inside another.
  const kept: Finding[] = [];
  let covered = 0;
  for (const finding of sorted) {
    if (finding.start < covered) continue;
    kept.push(finding);
    covered = finding.end;
  }
  const lines: LineLayout[] = [];
  let start = 0;
  let next = 0;
  for (const text of value.split('\n')) {
    const end = start + text.length;
    const marks: LineLayout['marks'] = [];
    while (next < kept.length && kept[next].end <= start) next++;
    for (let i = next; i < kept.length && kept[i].start < end; i++) {
      const finding = kept[i];
      if (Math.min(finding.end, end) <= Math.max(finding.start, start)) continue;
      marks.push({ finding, start: Math.max(finding.start, start) - start, end: Math.min(finding.end, end) - start });
    }
    const key = `${marks.map((mark) => `${mark.finding.severity}:${mark.start}:${mark.end}`).join(',')}|${text}`;
    lines.push({ text, marks, key });
    start = end + 1;
  }
  return lines;
}

/** A line's runs of text in order: plain, or underlined for a mark (`severity`); one zero-width space if empty. */
interface Part {
  text: string;
  mark: LineLayout['marks'][number] | null;
}

function partsOf(line: LineLayout): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const mark of line.marks) {
    if (mark.start > at) parts.push({ text: line.text.slice(at, mark.start), mark: null });
    parts.push({ text: line.text.slice(mark.start, mark.end), mark });
    at = mark.end;
  }
  if (at < line.text.length) parts.push({ text: line.text.slice(at), mark: null });
  // An empty line needs a character, or its block collapses to no height.
  if (line.text.length === 0) parts.push({ text: '\u200b', mark: null });
  return parts;
}

const shapeOf = (parts: readonly Part[]) => parts.map((part) => part.mark?.finding.severity ?? '-').join(',');

function buildLine(doc: Document, line: LineLayout, parts: readonly Part[]): MirrorLine {
  const element = doc.createElement('div');
  const spans: MarkedSpan[] = [];
  const texts: Text[] = [];
  for (const part of parts) {
    const text = doc.createTextNode(part.text);
    texts.push(text);
    if (!part.mark) {
      element.append(text);
      continue;
    }
    const span = doc.createElement('span');
    span.className = part.mark.finding.severity;
    span.append(text);
    element.append(span);
    spans.push({ finding: part.mark.finding, span });
  }
  return { key: line.key, element, spans, texts, shape: shapeOf(parts) };
}

/**
 * Written compact: the always-on script is at its size budget and a template literal's spaces are not minified.
 * The mirror is hidden but for its underlined spans (its transparent text is then not painted at all) and
 * contained, so that a keystroke's relayout of one line stops at the mirror (coach bench, issue 19).
 */
const MIRROR_CSS = `:host{all:initial!important;position:fixed!important;left:var(--x)!important;top:var(--y)!important;\
width:0!important;height:0!important;overflow:visible!important;pointer-events:none!important;\
z-index:2147483644!important;display:block!important}\
.mirror{position:absolute;left:0;top:0;margin:0;overflow:hidden;color:transparent;background:transparent;\
border-color:transparent;white-space:pre-wrap;overflow-wrap:break-word;word-break:normal;contain:strict;visibility:hidden}\
.mirror.single-line{white-space:pre;overflow-wrap:normal}\
span{visibility:visible;text-decoration:underline wavy;text-decoration-skip-ink:none;text-underline-offset:3px}\
span.error{text-decoration-color:${SEVERITY_COLORS.error}}span.warning{text-decoration-color:${SEVERITY_COLORS.warning}}\
span.info{text-decoration-color:${SEVERITY_COLORS.info}}`;
