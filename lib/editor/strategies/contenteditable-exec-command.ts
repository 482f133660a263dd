import { isTextControl, type ReplyBox } from '../reply-box';
import type { InsertAttempt, InsertStrategy } from './insert-strategy';
import { undoInEditor } from './synthetic-paste';

/**
 * Plain contenteditable (a `<div contenteditable>`, `plaintext-only`, TinyMCE's iframe body) and editors
 * that ignored the synthetic paste but follow native editing.
 *
 * Chromium's `execCommand('insertText')` replaces the selection and turns each `\n` into a paragraph
 * separator inside ONE typing command, so Ctrl+Z removes the whole template natively, and it fires `input`
 * like typing does. Editors that read DOM mutations into their model take it too (ProseMirror, with one undo
 * step and blank lines kept — prosemirror.html, forced); Lexical garbles it (lexical.html, forced; the attempt
 * is undone), which is why the paste strategy goes first.
 * Proven by contenteditable.html, plaintext-only.html, iframe.html. Also the path, read back through each
 * editor's API with one Ctrl+Z after it (test/e2e/editor-families.test.ts), for the editors that read native
 * edits into their model and ignore a synthetic paste: Froala 5 and Jodit 4 (a synthetic paste leaves them
 * unchanged; their own undo records native input), Summernote (its paste module handles images only;
 * see history-checkpoint.ts for its undo), Quill 1 (its MutationObserver turns the edit into a delta for its
 * history), react-contenteditable (React reads the `input` event), a composer two shadow roots deep.
 */
export const contenteditableExecCommand: InsertStrategy = {
  id: 'contenteditable-exec-command',
  editors: 'plain contenteditable, plaintext-only, TinyMCE-style iframe body, mutation-observing editors',
  why: 'native typing command: one native undo step, input event, lines become paragraphs',
  fixtures: [
    'contenteditable.html',
    'plaintext-only.html',
    'iframe.html',
    'prosemirror.html',
    'froala.html',
    'jodit.html',
    'summernote.html',
    'quill1.html',
    'react-contenteditable.html',
    'nested-shadow.html',
  ],
  appliesTo: (box) => !isTextControl(box),
  insert(box: ReplyBox, text: string): InsertAttempt {
    box.ownerDocument.execCommand('insertText', false, text);
    return {
      // The editor's own history first: in a model editor the native undo would replay DOM changes the
      // editor has already re-rendered (observed garbling Lexical). A plain contenteditable ignores the
      // historyUndo event and gets the native undo.
      undo: (before) => undoInEditor(box, before),
    };
  },
};
