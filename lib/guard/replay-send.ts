import { isTextArea, isTextInput, type ReplyBox } from '../editor/reply-box';
import { formOf } from './find-send-control';

/**
 * The held send, done again for the page (DOM, no state): the Enter key as the page would have got it,
 * the browser's own default of a plain Enter, the click gesture on a send control. The guard wraps these in
 * its one-shot bypass (intercept-send.ts).
 */

/**
 * Dispatches keydown, keypress, keyup of `init` on `target`; between them, if no page handler prevented it,
 * the browser's default of a plain Enter (untrusted key events have none). Returns whether the page
 * prevented the key.
 */
export function replayEnter(target: HTMLElement, box: ReplyBox, init: KeyboardEventInit, plain: boolean): boolean {
  const win = target.ownerDocument.defaultView as Window & typeof globalThis;
  // Older page code reads keyCode/which. Set through the init dictionary (Chromium honours the legacy
  // fields), not defineProperty: the agent runs in an isolated world, whose own properties pages never see.
  const key = (type: string) =>
    target.dispatchEvent(
      new win.KeyboardEvent(type, {
        ...init,
        view: win,
        keyCode: 13,
        which: 13,
        charCode: type === 'keypress' ? 13 : 0,
      }),
    );
  const prevented = !(key('keydown') && key('keypress'));
  if (!prevented && plain) enterDefault(box);
  key('keyup');
  return prevented;
}

/** What the browser does with a trusted plain Enter that no page handler prevented. */
export function enterDefault(box: ReplyBox): void {
  if (isTextInput(box)) {
    const form = formOf(box);
    // Implicit submission clicks the form's default button when it has one, else submits the form.
    const button = form?.querySelector<HTMLElement>('button:not([type]), button[type=submit], input[type=submit]');
    if (button) button.click();
    else form?.requestSubmit();
  } else newLine(box);
}

/** A line break at the caret, as the editor's own typing makes it (undoable), without any key event. */
export function newLine(box: ReplyBox): void {
  if (isTextArea(box)) box.ownerDocument.execCommand('insertText', false, '\n');
  else if (!isTextInput(box)) box.ownerDocument.execCommand('insertParagraph');
}

/**
 * The click again on a send control. `pressTypes`: the press events the guard held (pointerdown, mousedown)
 * — then the whole gesture is replayed, as the page saw none of it: its press handlers, then the release.
 */
export function replayClick(control: Element, pressTypes: readonly string[]): void {
  const win = control.ownerDocument.defaultView as Window & typeof globalThis;
  const rect = control.getBoundingClientRect();
  const at = { clientX: rect.x + rect.width / 2, clientY: rect.y + rect.height / 2 };
  const init = { ...at, bubbles: true, cancelable: true, composed: true, view: win, button: 0 };
  const pointer = { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  const dispatch = (type: string) =>
    control.dispatchEvent(
      type.startsWith('pointer')
        ? new win.PointerEvent(type, { ...pointer, buttons: type === 'pointerdown' ? 1 : 0 })
        : new win.MouseEvent(type, { ...init, buttons: type === 'mousedown' ? 1 : 0 }),
    );
  if (pressTypes.length > 0) {
    const withPointer = pressTypes.includes('pointerdown');
    if (withPointer) dispatch('pointerdown');
    dispatch('mousedown');
    if (withPointer) dispatch('pointerup');
    dispatch('mouseup');
  }
  (control as HTMLElement).click();
}

/** Re-submits a held form submit, with its submitter when it is still in the form. */
export function replaySubmit(form: HTMLFormElement, submitter: HTMLElement | null): void {
  try {
    form.requestSubmit(submitter);
  } catch {
    form.requestSubmit(); // the submitter left the form meanwhile
  }
}
