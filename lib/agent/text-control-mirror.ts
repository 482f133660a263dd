import { commonEnds } from '../lint/common-ends';
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
  /**
   * Redraws the underlines for `findings` over the control's current value. `typingInWord`: in an animation
   * frame, for letters typed inside a word that only moved the findings (live-coach.ts); the mirror may then
   * keep its text behind when no underline can move (`staysInPlace`).
   */
  paint(findings: readonly Finding[], typingInWord?: boolean): void;
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

  let lines: MirrorLine[] = [];
  /** The lines last painted, when the mirror's text was left behind them. */
  let behind: LineLayout[] | null = null;
  let frame = 0;
  /** Styles change with the control's size or the page's layout, not with its text: not copied per keystroke. */
  let stylesStale = true;
  /** Set with the styles: the widest a typed letter can be, for a textarea whose lines wrap from the left. */
  let widestLetter: number | null = null;

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
      widestLetter = control.localName === 'textarea' ? widestLetterOf(computed) : null;
      measured = null;
      // The new width may wrap the text left behind otherwise than the control wraps its own.
      if (behind) show(behind);
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

  /** Makes the mirror show `next`. */
  const show = (next: LineLayout[]) => {
    behind = null;
    measured = null;
    // The lines the same at the start and at the end keep their elements (a keystroke changes one line, a
    // line break adds one); those between are patched in place when they have the same parts, else built
    // again. So the browser lays out and repaints the lines that changed, not the draft. Compared by text
    // and offsets, no per-line key: keys of whole lines cost more to build and hash than the comparisons.
    const shorter = Math.min(lines.length, next.length);
    let front = 0;
    while (front < shorter && sameLayout(lines[front].layout, next[front])) front++;
    let back = 0;
    while (back < shorter - front && sameLayout(lines.at(-1 - back)!.layout, next.at(-1 - back)!)) back++;
    const middle = lines.slice(front, lines.length - back);
    const after = lines[lines.length - back]?.element ?? null;
    const patched = next.slice(front, next.length - back).map((layout, k) => {
      const parts = partsOf(layout);
      const old = middle[k];
      if (old && old.shape === shapeOf(parts)) {
        parts.forEach((part, i) => {
          if (old.parts[i] !== part.text) old.texts[i].data = part.text;
        });
        old.parts = parts.map((part) => part.text);
        return old;
      }
      const built = buildLine(doc, layout, parts);
      mirror.insertBefore(built.element, old?.element ?? after);
      old?.element.remove();
      return built;
    });
    for (const old of middle.slice(patched.length)) old.element.remove();
    lines = [...lines.slice(0, front), ...patched, ...lines.slice(lines.length - back)];
    // Kept lines look the same, but their findings are this update's objects (offsets moved).
    lines.forEach((line, i) => {
      line.layout = next[i];
    });
  };

  /** Measures the word typed in (`staysInPlace`): one Range, as each live Range costs every DOM edit a little. */
  const range = doc.createRange();
  /** The last word measured: while the mirror stays behind, its layout does not change. */
  let measured: { line: MirrorLine; start: number; end: number; geometry: WordGeometry } | null = null;
  const measureWord = (line: MirrorLine, start: number, end: number): WordGeometry => {
    if (measured?.line === line && measured.start === start && measured.end === end) return measured.geometry;
    const node = line.texts.at(-1)!;
    range.setStart(node, start);
    range.setEnd(node, end);
    const word = range.getClientRects();
    range.setEnd(node, node.length);
    const rows = range.getClientRects();
    const box = line.element.getBoundingClientRect();
    const geometry: WordGeometry = {
      oneRow: word.length === 1 && rows.length > 0,
      rowRight: rows[0]?.right ?? Number.POSITIVE_INFINITY,
      lineRight: box.right,
      lastRow: rows.length === 1,
      notFirst: word.length > 0 && word[0].left > box.left + 1,
    };
    measured = { line, start, end, geometry };
    return geometry;
  };
  /**
   * True when the mirror may keep the text it shows although `next` differs from it, because no underline
   * would move: `next` differs in one line, only by letters typed or deleted in one word, after the line's
   * last underline; the line's text starts at its left; and the word, as the mirror lays it out now (read
   * in the frame, with layout clean), stays on its line and no other word moves to or from another line.
   * Letters added: the line has room for each at the widest a letter can be (2 em). Letters deleted: the word
   * is on the line's last row and not its first word, so no word can move up. Then the browser need not lay
   * out and repaint the mirror for this keystroke (coach bench: most keystrokes of a word); the text catches
   * up at the word's lint (a space, a pause, a new width).
   */
  const staysInPlace = (next: LineLayout[]): boolean => {
    if (widestLetter === null || next.length !== lines.length) return false;
    let changed = -1;
    for (let i = 0; i < next.length; i++) {
      const shown = lines[i].layout;
      if (shown.text === next[i].text) {
        if (!sameLayout(shown, next[i])) return false;
      } else if (changed >= 0 || !sameMarks(shown, next[i])) return false;
      else changed = i;
    }
    if (changed < 0) return true;
    const line = lines[changed];
    const before = line.layout.text;
    const after = next[changed].text;
    const { head, tail } = commonEnds(before, after);
    const removed = before.slice(head, before.length - tail);
    const added = after.slice(head, after.length - tail);
    // Right-to-left words reorder their row, where a word's place on it no longer says whether it is first.
    if (/\s/.test(removed) || /\s/.test(added) || RIGHT_TO_LEFT.test(before) || RIGHT_TO_LEFT.test(added)) return false;
    let start = head;
    while (start > 0 && !/\s/.test(before[start - 1])) start--;
    let end = before.length - tail;
    while (end < before.length && !/\s/.test(before[end])) end++;
    const lastMark = line.layout.marks.at(-1);
    // The word is in the line's last part, the plain text after its last underline.
    const from = lastMark ? lastMark.end : 0;
    if (start < from || line.parts.at(-1)!.length !== before.length - from) return false;
    const at = measureWord(line, start - from, end - from);
    if (!at.oneRow) return false;
    if (added.length > 0 && at.rowRight + added.length * widestLetter >= at.lineRight) return false;
    if (removed.length > 0 && !(at.lastRow && at.notFirst)) return false;
    return true;
  };

  return {
    paint(findings, typingInWord = false) {
      const next = layoutLines(control.value, findings);
      if (typingInWord && staysInPlace(next)) {
        // The underlines painted are this update's findings (offsets moved); the text shown stays behind.
        lines.forEach((line, i) => {
          line.layout = { text: line.layout.text, marks: next[i].marks };
        });
        behind = next;
      } else show(next);
      // Scrolling follows the control's scroll events; only the first paint needs the styles copied.
      if (stylesStale) schedule();
    },
    findingAt(x, y) {
      for (const { finding, span } of markedSpans(lines)) {
        for (const rect of span.getClientRects()) {
          if (x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 4) return finding;
        }
      }
      return null;
    },
    rectOf(finding) {
      // By position, not identity: the guard's synchronous lint hands out new objects for the same findings.
      const painted = markedSpans(lines).find(
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
}

interface MirrorLine {
  /** What it shows: its marks' findings are the last paint's. */
  layout: LineLayout;
  element: HTMLDivElement;
  /** One per mark, in order. */
  spans: HTMLSpanElement[];
  /** Its text nodes and their texts, one per part (partsOf), and the parts' kinds: a line of the same shape is patched. */
  texts: Text[];
  parts: string[];
  shape: string;
}

/** Lines with the same text and underlines look the same. */
function sameLayout(a: LineLayout, b: LineLayout): boolean {
  return a.text === b.text && sameMarks(a, b);
}

function sameMarks(a: LineLayout, b: LineLayout): boolean {
  return (
    a.marks.length === b.marks.length &&
    a.marks.every((mark, i) => {
      const other = b.marks[i];
      return mark.start === other.start && mark.end === other.end && mark.finding.severity === other.finding.severity;
    })
  );
}

/** Where the word typed in is laid out in the mirror, in the viewport (`staysInPlace`). */
interface WordGeometry {
  /** The word is on one row, not broken across two. */
  oneRow: boolean;
  /** The right end of the text from the word to the end of its row, and of the line's box. */
  rowRight: number;
  lineRight: number;
  /** Nothing after the word wraps to another row; another word comes before it on its row. */
  lastRow: boolean;
  notFirst: boolean;
}

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko …, their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * At most the width of one letter, in px: 2 em (wide letters, a pair of surrogates) plus letter spacing.
 * Only for text that wraps as the mirror reasons (`staysInPlace`): from the left, no first-line indent; else
 * null, and the mirror always follows the text.
 */
function widestLetterOf(computed: CSSStyleDeclaration): number | null {
  const fromLeft = (computed.textAlign === 'start' || computed.textAlign === 'left') && computed.direction === 'ltr';
  if (!fromLeft || Number.parseFloat(computed.textIndent) !== 0) return null;
  const letterSpacing = Number.parseFloat(computed.letterSpacing);
  return 2 * Number.parseFloat(computed.fontSize) + Math.max(0, letterSpacing || 0);
}

const markedSpans = (lines: readonly MirrorLine[]): MarkedSpan[] =>
  lines.flatMap((line) => line.spans.map((span, i) => ({ finding: line.layout.marks[i].finding, span })));

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
    lines.push({ text, marks });
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

function buildLine(doc: Document, layout: LineLayout, parts: readonly Part[]): MirrorLine {
  const element = doc.createElement('div');
  const spans: HTMLSpanElement[] = [];
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
    spans.push(span);
  }
  return { layout, element, spans, texts, parts: parts.map((part) => part.text), shape: shapeOf(parts) };
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
