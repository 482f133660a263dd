import { isTextControl, isTextInput, type ReplyBox } from './reply-box';
import { currentRangeIn } from './saved-selection';

/**
 * Reading back whether an insert landed. Editors render their model into the DOM, so after they settle the
 * box's text is the model's text — but each renders whitespace its own way (nbsp for runs of spaces,
 * `<p>` vs `<div>` vs `<br>` for lines, zero-width caret helpers). So a contenteditable is checked twice:
 * its text with all whitespace removed must be exactly "before, with the selection replaced by the
 * template, at the caret" (place and content), and its rendered lines must contain the template's lines
 * (line breaks kept). Text controls hold plain strings and are compared exactly.
 */
export type BoxSnapshot =
  | { kind: 'text-control'; value: string; start: number; end: number }
  | { kind: 'contenteditable'; dense: string; lines: string; start: number; selected: number };

export type InsertVerdict = 'landed' | 'unchanged' | 'wrong';

const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/** Text without any whitespace or zero-width characters: comparable between DOM text and innerText. */
function dense(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** The box's text as rendered, line breaks included (textContent has none for `<p>`, `<div>`, `<br>`). */
function renderedText(box: ReplyBox): string {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered line breaks are the point here.
  return box.innerText;
}

/** Text with nbsp as space, one line break per run of breaks and no spaces hugging a break. */
function lines(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]*\n\s*/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** What a text control will hold of the template: inputs cannot hold line breaks, so lines become spaces. */
export function textForBox(box: ReplyBox, text: string): string {
  const unified = text.replace(/\r\n?/g, '\n');
  return isTextInput(box) ? unified.replace(/[ \t]*\n+[ \t]*/g, ' ') : unified;
}

/** Takes the box's text and selection right before an attempt (after the selection was restored). */
export function snapshotReplyBox(box: ReplyBox): BoxSnapshot {
  if (isTextControl(box)) {
    return {
      kind: 'text-control',
      value: box.value,
      start: box.selectionStart ?? box.value.length,
      end: box.selectionEnd ?? box.value.length,
    };
  }
  const range = currentRangeIn(box);
  let start = dense(box.textContent ?? '').length;
  let selected = 0;
  if (range) {
    const before = box.ownerDocument.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    start = dense(before.toString()).length;
    selected = dense(range.toString()).length;
  }
  return {
    kind: 'contenteditable',
    dense: dense(box.textContent ?? ''),
    lines: lines(renderedText(box)),
    start,
    selected,
  };
}

export function isUnchanged(box: ReplyBox, before: BoxSnapshot): boolean {
  if (before.kind === 'text-control') return isTextControl(box) && box.value === before.value;
  return dense(box.textContent ?? '') === before.dense && lines(renderedText(box)) === before.lines;
}

export function verifyInsert(box: ReplyBox, before: BoxSnapshot, text: string): InsertVerdict {
  if (isUnchanged(box, before)) return 'unchanged';
  if (before.kind === 'text-control') {
    if (!isTextControl(box)) return 'wrong';
    const expected = before.value.slice(0, before.start) + textForBox(box, text) + before.value.slice(before.end);
    return box.value === expected ? 'landed' : 'wrong';
  }
  const expected =
    before.dense.slice(0, before.start) + dense(text) + before.dense.slice(before.start + before.selected);
  if (dense(box.textContent ?? '') !== expected) return 'wrong';
  return lines(renderedText(box)).includes(lines(text)) ? 'landed' : 'wrong';
}
