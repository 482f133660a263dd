import { isTextControl, type ReplyBox, windowOf } from '../reply-box';
import { currentRangeIn } from '../saved-selection';
import { type BoxSnapshot, isUnchanged, snapshotReplyBox } from '../verify-insert';
import { type InsertAttempt, type InsertStrategy, settle } from './insert-strategy';

/**
 * Rich contenteditable editors with their own document model: ProseMirror/Tiptap, Quill, Lexical, Slate,
 * TinyMCE (each proven by a fixture); CKEditor 5 and Draft.js handle paste the same way but have no fixture.
 *
 * Each of them handles `paste` itself — reads `clipboardData`, calls preventDefault, and inserts through its
 * model as ONE transaction: multi-line text becomes real paragraphs/line breaks and the editor's own undo
 * removes it in one step (ProseMirror `doPaste` in prosemirror-view input.ts; Quill `onCapturePaste` in
 * modules/clipboard.ts; Lexical `onPasteForRichText` tags it as its own history entry; Slate `insertData`
 * splits lines into blocks). A synthetic
 * ClipboardEvent with a DataTransfer holding only text/plain (never HTML: a template is text) gets the same
 * treatment as a real paste. An untrusted paste has no default action, so if no editor calls
 * preventDefault nothing happened and the chain moves on (plain contenteditable).
 *
 * Known loss: ProseMirror's plain-text paste splits on runs of line breaks (`/(?:\r\n?|\n)+/`), and TinyMCE
 * turns blank-line-separated blocks into paragraphs, so there a blank line becomes a plain paragraph break —
 * exactly what the agent's own Ctrl+V would give.
 * Proven by prosemirror.html, quill.html, lexical.html, slate.html, tinymce.html, shadow-root.html;
 * contenteditable.html shows that an unhandled paste changes nothing. The same path, each read back through the
 * editor's API with one Ctrl+Z after it (test/e2e/editor-families.test.ts): CKEditor 4 (its clipboard plugin
 * reads the event's data and inserts it through the editor, one undo snapshot),
 * Trix 2 (Level2InputController's `paste` handler inserts the plain text into its document model, where its
 * UndoManager records it), Squire 2 (its `onPaste` reads clipboardData and inserts the text itself),
 * Medium Editor 5 (its paste extension prevents the default and calls `execCommand('insertHTML')`: a native
 * undo step), Toast UI 3 WYSIWYG and Quill 2 snow (their ProseMirror/Quill clipboard as above), SunEditor 3
 * (`OnPaste_wysiwyg` hands the event's clipboardData to its own insert), TinyMCE inline, Lexical with Enter
 * bound to send. Quill 1 does not take it: its `onPaste` lets the browser paste into a hidden container and
 * reads that back a moment later, and an untrusted paste pastes nothing (quill1.html: the next strategy).
 */
export const syntheticPaste: InsertStrategy = {
  id: 'synthetic-paste',
  editors:
    'ProseMirror/Tiptap, Quill 2, Lexical, Slate, TinyMCE, CKEditor 4, Trix, Squire, Medium Editor, Toast UI, SunEditor (unproven here: CKEditor 5, Draft.js)',
  why: 'rich editors insert a pasted text/plain through their model, as one undo step, keeping lines',
  fixtures: [
    'prosemirror.html',
    'quill.html',
    'lexical.html',
    'slate.html',
    'tinymce.html',
    'shadow-root.html',
    'ckeditor4.html',
    'trix.html',
    'squire.html',
    'medium-editor.html',
    'toastui.html',
    'suneditor.html',
    'quill-snow.html',
    'tinymce-inline.html',
    'lexical-enter.html',
  ],
  appliesTo: (box) => !isTextControl(box),
  insert(box: ReplyBox, text: string): InsertAttempt {
    const win = windowOf(box);
    const data = new win.DataTransfer();
    data.setData('text/plain', text);
    const event = new win.ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    // Dispatched where a real paste would be: at the element holding the caret (editors listen on their root).
    const anchor = currentRangeIn(box)?.startContainer;
    const target = anchor && anchor.nodeType === 1 ? anchor : (anchor?.parentElement ?? box);
    target.dispatchEvent(event);
    return { undo: (before) => undoInEditor(box, before) };
  },
};

/**
 * Asks the editor's own history to undo: a `beforeinput` of type historyUndo is what the browser sends for
 * Ctrl+Z, and ProseMirror's history, Quill's history and Lexical listen to it. Only if nothing reacted does
 * the native `execCommand('undo')` run (plain contenteditable): after an editor's own undo, a native undo
 * would replay DOM edits the editor has re-rendered, or undo the agent's own typing.
 */
export async function undoInEditor(box: ReplyBox, before: BoxSnapshot): Promise<void> {
  const win = windowOf(box);
  const inserted = snapshotReplyBox(box);
  box.dispatchEvent(
    new win.InputEvent('beforeinput', { inputType: 'historyUndo', bubbles: true, cancelable: true, composed: true }),
  );
  await settle(box);
  if (isUnchanged(box, before) || !isUnchanged(box, inserted)) return;
  box.ownerDocument.execCommand('undo');
  await settle(box);
}
