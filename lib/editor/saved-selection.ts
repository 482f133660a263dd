import { isTextControl, type ReplyBox } from './reply-box';

/**
 * Where the agent's caret or selection was in a reply box, kept while focus is elsewhere (the sidebar).
 * Text controls remember their own selection, so numbers suffice. For contenteditable the live Range is
 * kept, plus character offsets as a fallback: rich editors re-render their DOM, and a Range into nodes the
 * editor threw away is useless.
 */
export type SavedSelection =
  | { kind: 'text-control'; start: number; end: number; direction: 'forward' | 'backward' | 'none' }
  | { kind: 'range'; range: Range; start: number; end: number };

/**
 * The Selection that sees inside the box's tree. Chromium's `ShadowRoot.getSelection()` reports ranges inside
 * a shadow root, where `document.getSelection()` would only show the host.
 */
export function selectionOf(box: ReplyBox): Selection | null {
  const root = box.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  if (root.nodeType === 11 && typeof root.getSelection === 'function') return root.getSelection();
  return box.ownerDocument.getSelection();
}

/** The current selection as a Range inside the box, or null when the selection is elsewhere. */
export function currentRangeIn(box: ReplyBox): Range | null {
  const selection = selectionOf(box);
  if (!selection || selection.rangeCount === 0) return null;
  let range = selection.getRangeAt(0);
  const root = box.getRootNode();
  // Without ShadowRoot.getSelection (other engines), composed ranges reveal the selection in a shadow root.
  if (root.nodeType === 11 && !box.contains(range.startContainer)) {
    const composed = (
      selection as Selection & { getComposedRanges?: (options: { shadowRoots: ShadowRoot[] }) => StaticRange[] }
    ).getComposedRanges?.({ shadowRoots: [root as ShadowRoot] })?.[0];
    if (!composed) return null;
    range = box.ownerDocument.createRange();
    range.setStart(composed.startContainer, composed.startOffset);
    range.setEnd(composed.endContainer, composed.endOffset);
  }
  return box.contains(range.startContainer) && box.contains(range.endContainer) ? range : null;
}

/** Characters of box text before a boundary point (Range.toString counting, i.e. text nodes only). */
function textOffset(box: ReplyBox, container: Node, offset: number): number {
  const before = box.ownerDocument.createRange();
  before.selectNodeContents(box);
  before.setEnd(container, offset);
  return before.toString().length;
}

/** Takes the box's caret/selection now; null when the selection is not inside the box. */
export function saveSelection(box: ReplyBox): SavedSelection | null {
  if (isTextControl(box)) {
    if (box.selectionStart === null || box.selectionEnd === null) return null;
    return {
      kind: 'text-control',
      start: box.selectionStart,
      end: box.selectionEnd,
      direction: box.selectionDirection ?? 'none',
    };
  }
  const range = currentRangeIn(box);
  if (!range) return null;
  return {
    kind: 'range',
    range: range.cloneRange(),
    start: textOffset(box, range.startContainer, range.startOffset),
    end: textOffset(box, range.endContainer, range.endOffset),
  };
}

/** The text node and offset at a character offset of the box's text; the end of the box when past it. */
function pointAt(box: ReplyBox, offset: number): [Node, number] {
  const walker = box.ownerDocument.createTreeWalker(box, 4 /* NodeFilter.SHOW_TEXT */);
  let left = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.data.length) return [node, left];
    left -= node.data.length;
    last = node;
  }
  return last ? [last, last.data.length] : [box, box.childNodes.length];
}

/**
 * A saved Range is trusted only while it still points at the same characters: a Range survives a re-render
 * by sliding to the parent of removed nodes, which is a different place. Offsets alone are the weaker
 * fallback: the end of one paragraph and the start of the next share an offset.
 */
function rangeStillValid(box: ReplyBox, saved: Extract<SavedSelection, { kind: 'range' }>): boolean {
  const { range } = saved;
  return (
    box.contains(range.startContainer) &&
    box.contains(range.endContainer) &&
    textOffset(box, range.startContainer, range.startOffset) === saved.start &&
    textOffset(box, range.endContainer, range.endOffset) === saved.end
  );
}

/**
 * Puts the saved caret/selection back into the box (which must already have focus). Without a saved
 * selection, a contenteditable whose selection is elsewhere gets the caret at its end, so a template is
 * appended rather than lost.
 */
export function restoreSelection(box: ReplyBox, saved: SavedSelection | null): void {
  if (isTextControl(box)) {
    if (saved?.kind !== 'text-control') return;
    const length = box.value.length;
    box.setSelectionRange(Math.min(saved.start, length), Math.min(saved.end, length), saved.direction);
    return;
  }
  const selection = selectionOf(box);
  if (!selection) return;
  let start: [Node, number];
  let end: [Node, number];
  if (saved?.kind === 'range' && rangeStillValid(box, saved)) {
    start = [saved.range.startContainer, saved.range.startOffset];
    end = [saved.range.endContainer, saved.range.endOffset];
  } else if (saved?.kind === 'range') {
    start = pointAt(box, saved.start);
    end = pointAt(box, saved.end);
  } else {
    if (currentRangeIn(box)) return;
    start = end = pointAt(box, Number.MAX_SAFE_INTEGER);
  }
  selection.setBaseAndExtent(start[0], start[1], end[0], end[1]);
}
