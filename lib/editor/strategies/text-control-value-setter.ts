import { isTextControl, type ReplyBox, windowOf } from '../reply-box';
import { textForBox } from '../verify-insert';
import type { InsertAttempt, InsertStrategy } from './insert-strategy';

/**
 * Fallback for textarea / text input when execCommand is unavailable or refused (some pages override it,
 * some engines do not support it on text controls).
 *
 * The value is written through the prototype's native setter and an `input` event is dispatched: React keeps
 * its own copy of the value on the element and ignores an `input` event if `element.value = …` went through
 * its tracker, so the native setter is what makes a React-controlled field accept the change
 * (https://github.com/facebook/react/issues/10135). Cost: a programmatic value change is not an undo step —
 * the browser clears the field's native undo history, so Ctrl+Z does not remove the template.
 * Proven by react-textarea.html (forced).
 */
export const textControlValueSetter: InsertStrategy & {
  restore(box: ReplyBox, value: string, start: number, end: number): void;
} = {
  id: 'text-control-value-setter',
  editors: 'textarea, text input, React-controlled fields (no native undo)',
  why: 'native value setter + input event reaches React onChange when execCommand does not work',
  fixtures: ['react-textarea.html'],
  appliesTo: isTextControl,
  insert(box: ReplyBox, text: string): InsertAttempt {
    if (!isTextControl(box)) throw new Error('not a text control');
    const value = box.value;
    const start = box.selectionStart ?? value.length;
    const end = box.selectionEnd ?? value.length;
    const inserted = textForBox(box, text);
    writeValue(box, value.slice(0, start) + inserted + value.slice(end), 'insertText', inserted);
    box.setSelectionRange(start + inserted.length, start + inserted.length);
    return {
      undo: async (before) => {
        if (before.kind === 'text-control') textControlValueSetter.restore(box, before.value, before.start, before.end);
      },
    };
  },
  restore(box: ReplyBox, value: string, start: number, end: number) {
    if (!isTextControl(box)) return;
    writeValue(box, value, 'historyUndo', null);
    box.setSelectionRange(start, end);
  },
};

function writeValue(
  box: HTMLTextAreaElement | HTMLInputElement,
  value: string,
  inputType: string,
  data: string | null,
) {
  const win = windowOf(box);
  const prototype = box.localName === 'textarea' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(box, value);
  box.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType, data }));
}
