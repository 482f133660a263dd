import { isTextControl, type ReplyBox, windowOf } from '../reply-box';
import { currentRangeIn, selectionOf } from '../saved-selection';
import { isUnchanged } from '../verify-insert';
import { type InsertAttempt, type InsertStrategy, settle } from './insert-strategy';
import { undoInEditor } from './synthetic-paste';

/**
 * Last resort for a contenteditable that takes neither paste nor execCommand (execCommand disabled, or an
 * engine that does not implement insertText there).
 *
 * The selection is replaced by text nodes with `<br>` between lines through the DOM Range API, and an
 * `input` event tells the page something changed. DOM mutations by script are not on the browser's undo
 * stack, so Ctrl+Z does not remove the template; our own undo puts the removed selection back. Model editors
 * re-render such nodes away (Quill, Lexical): then their history takes the attempt back.
 * Proven by contenteditable.html (forced); lexical.html (forced, undone). BlockNote lands here (neither the
 * synthetic paste nor the typing command landed in its focused block): ProseMirror underneath reads the new
 * nodes into a transaction, lines as blocks, and its history undoes that in one step (blocknote.html).
 */
export const rangeInsert: InsertStrategy = {
  id: 'range-insert',
  editors: 'plain contenteditable when the editing commands are unavailable (no native undo)',
  why: 'pure DOM insert works wherever the DOM is the model',
  fixtures: ['contenteditable.html', 'blocknote.html'],
  appliesTo: (box) => !isTextControl(box),
  insert(box: ReplyBox, text: string): InsertAttempt {
    const range = currentRangeIn(box);
    if (!range) return { undo: async () => {} };
    const doc = box.ownerDocument;
    const win = windowOf(box);
    const removed = range.extractContents();
    const fragment = doc.createDocumentFragment();
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .forEach((line, index) => {
        if (index > 0) fragment.append(doc.createElement('br'));
        if (line) fragment.append(doc.createTextNode(line));
      });
    const inserted = Array.from(fragment.childNodes);
    range.insertNode(fragment);
    const last = inserted.at(-1);
    if (last)
      selectionOf(box)?.setBaseAndExtent(last.parentNode!, indexIn(last) + 1, last.parentNode!, indexIn(last) + 1);
    box.dispatchEvent(
      new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }),
    );
    return {
      async undo(before) {
        const first = inserted.find((node) => node.isConnected);
        if (first?.parentNode) {
          const parent = first.parentNode;
          const at = indexIn(first);
          for (const node of inserted) node.parentNode?.removeChild(node);
          parent.insertBefore(removed, parent.childNodes[at] ?? null);
          box.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'historyUndo' }));
          await settle(box);
        }
        // A model editor re-rendered our nodes away (Quill): only its history can take the change back.
        if (!isUnchanged(box, before)) await undoInEditor(box, before);
      },
    };
  },
};

function indexIn(node: Node): number {
  return Array.prototype.indexOf.call(node.parentNode?.childNodes ?? [], node);
}
