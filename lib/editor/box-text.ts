import { isTextControl, type ReplyBox } from './reply-box';

/**
 * The draft in a reply box as plain text, and the way back from text offsets to the DOM. Text controls are
 * their value. A contenteditable is read the way an agent sees it: text nodes in order, a line break for
 * `<br>` and between blocks (so a rule never matches across two paragraphs), nothing for markup.
 */
export interface BoxText {
  text: string;
  /** A DOM Range over `[start, end)` of `text`; null for text controls (they have no DOM for their text). */
  rangeOf(start: number, end: number): Range | null;
  /**
   * The same as a StaticRange, which the DOM does not keep up to date: a live Range costs every later edit
   * of the document until it is collected, and the coach marks each finding on each keystroke (issue 19).
   */
  boundsOf(start: number, end: number): StaticRange | null;
}

const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

interface Segment {
  node: Text;
  /** Offset of the node's first character in `text`. */
  at: number;
}

export function readBoxText(box: ReplyBox): BoxText {
  if (isTextControl(box)) return { text: box.value, rangeOf: () => null, boundsOf: () => null };

  const segments: Segment[] = [];
  let text = '';
  // Tracked, not read back: `text.endsWith` on the string being built flattens it at every block, which made
  // reading a draft of n blocks cost n × its length (issue 19: the biggest script cost of a keystroke).
  let broken = true;
  const breakLine = () => {
    if (!broken) text += '\n';
    broken = true;
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (data) {
          segments.push({ node: child as Text, at: text.length });
          text += data;
          broken = data.endsWith('\n');
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const name = (child as Element).localName;
        if (name === 'br') {
          broken = false;
          breakLine();
          continue;
        }
        const block = BLOCK.has(name);
        if (block) breakLine();
        walk(child);
        if (block) breakLine();
      }
    }
  };
  walk(box);

  const locate = (offset: number, preferNext: boolean): [Node, number] | null => {
    // Binary search for the last segment starting at or before `offset`.
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (segments[mid].at <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const segment = segments[found];
    if (!segment) return segments[0] ? [segments[0].node, 0] : null;
    const inside = offset - segment.at;
    if (inside <= segment.node.data.length) {
      // At a node boundary, a range start belongs to the next node: its rectangles start on the right line.
      const next = segments[found + 1];
      if (preferNext && inside === segment.node.data.length && next?.at === offset) return [next.node, 0];
      return [segment.node, inside];
    }
    // The offset points at a synthetic line break after this node.
    const next = segments[found + 1];
    return preferNext && next ? [next.node, 0] : [segment.node, segment.node.data.length];
  };

  return {
    text,
    rangeOf(start, end) {
      const from = locate(start, true);
      const to = locate(end, false);
      if (!from || !to) return null;
      const range = box.ownerDocument.createRange();
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1]);
      return range;
    },
    boundsOf(start, end) {
      const from = locate(start, true);
      const to = locate(end, false);
      if (!from || !to) return null;
      return new StaticRange({ startContainer: from[0], startOffset: from[1], endContainer: to[0], endOffset: to[1] });
    },
  };
}

/**
 * Moves a live Range (one kept for measuring) onto `bounds` from `boundsOf`. False when the editor has
 * replaced or shortened those nodes since: a StaticRange is not kept up to date.
 */
export function placeRange(range: Range, bounds: StaticRange): boolean {
  try {
    range.setStart(bounds.startContainer, bounds.startOffset);
    range.setEnd(bounds.endContainer, bounds.endOffset);
    return true;
  } catch {
    return false;
  }
}
