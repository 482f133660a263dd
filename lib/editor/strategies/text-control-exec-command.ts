import { isTextControl, type ReplyBox } from '../reply-box';
import { isUnchanged, textForBox } from '../verify-insert';
import { type InsertStrategy, settle } from './insert-strategy';
import { textControlValueSetter } from './text-control-value-setter';

/**
 * textarea / text input, including React-controlled ones.
 *
 * `execCommand('insertText')` is the one programmatic edit Chromium treats like typing: it replaces the
 * selection, joins the native undo stack (Ctrl+Z removes the whole template in one step) and fires a real
 * `input` event (`inputType: 'insertText'`), which is what React's onChange listens to — no value-setter
 * tricks needed. execCommand is deprecated on paper but has no replacement for this; see
 * https://w3c.github.io/editing/docs/execCommand/ and https://github.com/w3c/editing/issues/374.
 * Proven by textarea.html, input.html and react-textarea.html.
 */
export const textControlExecCommand: InsertStrategy = {
  id: 'text-control-exec-command',
  editors: 'textarea, text input, React/Vue-controlled fields',
  why: 'native undo step + trusted input event; React sees the change through onChange',
  fixtures: ['textarea.html', 'input.html', 'react-textarea.html'],
  appliesTo: isTextControl,
  insert(box: ReplyBox, text: string) {
    box.ownerDocument.execCommand('insertText', false, textForBox(box, text));
    return {
      async undo(before) {
        box.ownerDocument.execCommand('undo');
        await settle(box);
        // The native undo stack may hold something else (a page that set the value itself cleared it).
        if (!isUnchanged(box, before) && before.kind === 'text-control') {
          textControlValueSetter.restore(box, before.value, before.start, before.end);
        }
      },
    };
  },
};
