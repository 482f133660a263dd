import { isTextControl, type ReplyBox } from '../reply-box';
import type { InsertAttempt, InsertStrategy } from './insert-strategy';
import { undoInEditor } from './synthetic-paste';

/** An Editor.js block's editable (the paragraph tool's `.ce-paragraph`), inside the editor's `.codex-editor`. */
const EDITOR_JS_BLOCK = '.codex-editor .ce-block [contenteditable="true"]';

/**
 * Editor.js 2 (a block editor: each paragraph is a contenteditable of its own, the reply box is the focused one).
 *
 * Its paste handler (`Paste.handlePasteEvent`, src/components/modules/paste.ts) takes a synthetic paste
 * (`preventDefault`) and inserts multi-line text as NEW blocks after the focused one, asynchronously: the
 * read-back of the focused block sees it unchanged, the chain goes on, and the template landed twice. Those
 * blocks are created through its BlockManager, which the browser's undo does not see, and Editor.js has no
 * history of its own: Ctrl+Z could not take them out. `execCommand('insertText')` lands in the block but
 * makes `<div>`s of the lines, which the paragraph tool's sanitizer (`br` only) flattens into one line.
 *
 * What Editor.js itself does for a one-line paste (`processInlinePaste`) works for all lines: ONE
 * `execCommand('insertHTML')` into the focused block with the lines joined by `<br>` (kept by the paragraph
 * tool) — one native undo step, which Editor.js leaves to the browser, and its model (`save()` reads the
 * blocks' HTML) holds exactly the template. The HTML is the template serialized as text nodes and `<br>`
 * elements by an inert document, so the template's characters stay text (`<`, `&` come out escaped).
 * Proven by editorjs.html (test/e2e/editor-families.test.ts and editor-insert.test.ts: model read through
 * `save()`, one Ctrl+Z).
 */
export const blockEditorLineBreaks: InsertStrategy = {
  id: 'block-editor-line-breaks',
  editors: 'Editor.js 2 (paragraph blocks)',
  why: 'one native insertHTML of text and <br> in the focused block: one undo step, lines kept, no new blocks',
  fixtures: ['editorjs.html'],
  appliesTo: (box) => !isTextControl(box) && box.matches(EDITOR_JS_BLOCK),
  insert(box: ReplyBox, text: string): InsertAttempt {
    box.ownerDocument.execCommand('insertHTML', false, lineBreakHtml(text));
    return { undo: (before) => undoInEditor(box, before) };
  },
};

/** `text` as HTML: its lines as escaped text, `<br>` between them (and a second one to keep a trailing empty line). */
export function lineBreakHtml(text: string): string {
  const holder = document.implementation.createHTMLDocument('').createElement('div');
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (index > 0) holder.append(holder.ownerDocument.createElement('br'));
    if (line) holder.append(line);
  });
  // A `<br>` at the very end of a block renders no line: the template's trailing line break needs a second one.
  if (text.endsWith('\n')) holder.append(holder.ownerDocument.createElement('br'));
  return holder.innerHTML;
}
