import { readBoxText } from '../editor/box-text';
import { insertIntoReplyBox } from '../editor/insert-into-reply-box';
import { isTextControl, type ReplyBox } from '../editor/reply-box';
import { saveSelection, selectionOf } from '../editor/saved-selection';
import { topViewportRect } from '../editor/top-viewport-rect';
import type { InlineTrigger, PickerTemplate } from '../model';
import { type RenderContext, renderTemplate } from '../templates/render-template';
import { createInlinePicker, type InlinePicker, type PickerLibrary } from './inline-picker';
import { type ActiveTrigger, findTrigger, MAX_QUERY_LENGTH, mayBeginTrigger } from './inline-trigger';

export interface InlineInsertDeps {
  currentBox(): ReplyBox | null;
  /** The trigger in force on this site (Настройки), read on each check. */
  trigger(): InlineTrigger;
  /** The library, fetched from the background on the first trigger and kept while this controller lives. */
  library(): Promise<PickerLibrary>;
  /** What fills a template's fill-ins: values typed in this conversation, the settings, the page. */
  fillIns(): Promise<{ values: Record<string, string>; context: RenderContext }>;
  /** An inline insert landed (usage ranks the picker and the sidebar). */
  inserted(template: PickerTemplate): void;
}

/** The window-level handlers `listenInline` (lib/agent/inline-listener.ts) forwards to, once loaded. */
export interface InlineInsert {
  /** Whether a trigger, a pending «.» or a fill-in walk is active: then every keystroke is looked at. */
  readonly busy: boolean;
  /** A trusted `beforeinput` outside composition: its data and its (synchronously taken) composed path. */
  beforeInput(data: string | null, path: readonly EventTarget[]): void;
  keyDown(event: KeyboardEvent): void;
  keyUp(event: KeyboardEvent): void;
  focusOut(event: FocusEvent): void;
  destroy(): void;
}

/** Where the trigger sits: text controls by index, contenteditable by its text node (typed text stays in one). */
type Anchor =
  | { kind: 'text'; start: number; caret: number }
  | { kind: 'node'; node: Text; start: number; caret: number };

interface Session {
  box: ReplyBox;
  found: ActiveTrigger;
  anchor: Anchor;
}

/**
 * Inline insert, in the reply box: «/» + a query opens the picker, Enter or Tab inserts the active template in
 * place of «/query», a shortcut followed by space or Tab expands at once, and unfilled fill-ins are then
 * selected one by one (Tab to the next).
 *
 * This is the on-demand half (loaded with the agent UI on the first character that may begin a trigger);
 * lib/agent/inline-listener.ts is the always-on half that owns the window listeners and forwards to it.
 *
 * Safety: only trusted events count and nothing happens during IME composition. Keys taken here are
 * stopped with `stopImmediatePropagation` in the listener's capture phase on the window, so while the
 * picker is open the page's send, newline and focus handlers never see Enter, Tab or the arrows.
 *
 * The insert goes through the editor's own insert chain (lib/editor) with «/query» selected, so the editor
 * records one replacement: one Ctrl+Z brings «/query» back as typed, and the insert is read back before it
 * counts.
 */
export function createInlineInsert(doc: Document, deps: InlineInsertDeps): InlineInsert {
  let session: Session | null = null;
  /** Keys the picker or the fill-in walk took: their keyup must not reach pages that act on keyup. */
  const consumedUp = new Set<string>();
  let picker: InlinePicker | null = null;
  /** «.» may begin the ЙЦУКЕН alias: the next character decides. */
  let armed = false;
  /** After an insert: the fill-ins still to fill, walked with Tab. */
  let filling: { box: ReplyBox; names: string[] } | null = null;

  const close = () => {
    session = null;
    picker?.hide();
  };

  /** While an insert runs, a check still queued from the typing would reopen the picker over «/query». */
  let inserting = false;

  const check = async (box: ReplyBox) => {
    if (inserting) return;
    const read = readBeforeCaret(box);
    const found = read && findTrigger(read.before, deps.trigger());
    if (!read || !found) {
      armed = armed && !session && read?.before.endsWith('.') === true;
      close();
      return;
    }
    armed = false;
    const offset = read.anchor.start;
    const anchor: Anchor =
      read.anchor.kind === 'text'
        ? { kind: 'text', start: offset + found.start, caret: read.anchor.caret }
        : { kind: 'node', node: read.anchor.node, start: offset + found.start, caret: read.anchor.caret };
    const current: Session = { box, found, anchor };
    session = current;
    filling = null;
    if (!picker) {
      const library = await deps.library();
      picker ??= createInlinePicker(doc, library, { pick: (template) => void insert(template, '') });
    }
    if (session === current) picker.show(found.query, caretRect(box, anchor));
  };

  /** Replaces the trigger and the query (read again: the draft may have moved on) with the template. */
  const insert = async (template: PickerTemplate, after: string) => {
    const current = session;
    close();
    if (!current || inserting) return;
    inserting = true;
    try {
      await replaceTrigger(current.box, template, after);
    } finally {
      inserting = false;
      close();
    }
  };

  const replaceTrigger = async (box: ReplyBox, template: PickerTemplate, after: string) => {
    const { values, context } = await deps.fillIns();
    const rendered = renderTemplate(template.body, values, context);
    const read = readBeforeCaret(box);
    const found = read && findTrigger(read.before, deps.trigger());
    if (!read || !found) return;
    const length = read.before.length - found.start;
    if (isTextControl(box)) box.setSelectionRange(read.anchor.caret - length, read.anchor.caret);
    else if (read.anchor.kind === 'node') {
      const { node, caret } = read.anchor;
      selectionOf(box)?.setBaseAndExtent(node, caret - length, node, caret);
      await editorSelectionSynced(box);
    }
    const result = await insertIntoReplyBox(box, rendered.text + after, saveSelection(box));
    if (!result.ok) return;
    deps.inserted(template);
    if (rendered.missing.length > 0) {
      filling = { box, names: rendered.missing };
      selectNextFillIn();
    }
  };

  /** Selects the first fill-in of the inserted template still in the draft; typing replaces it. */
  const selectNextFillIn = (): boolean => {
    if (!filling) return false;
    const { box } = filling;
    const { text, rangeOf } = readBoxText(box);
    for (const name of filling.names) {
      const at = text.indexOf(`[${name}]`);
      if (at < 0) continue;
      const end = at + name.length + 2;
      if (isTextControl(box)) box.setSelectionRange(at, end);
      else {
        const range = rangeOf(at, end);
        if (range)
          selectionOf(box)?.setBaseAndExtent(
            range.startContainer,
            range.startOffset,
            range.endContainer,
            range.endOffset,
          );
      }
      return true;
    }
    filling = null;
    return false;
  };

  const consume = (event: KeyboardEvent) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    consumedUp.add(event.key);
  };

  const beforeInput = (data: string | null, path: readonly EventTarget[]) => {
    if (!session && !armed && !mayBeginTrigger(data, deps.trigger())) return;
    const box = deps.currentBox();
    if (!box || !path.includes(box)) return;
    if (!session && data?.endsWith('.')) armed = true;
    afterEditor(box, () => void check(box).catch(close));
  };

  const keyDown = (key: KeyboardEvent) => {
    if (!key.isTrusted || key.isComposing || key.keyCode === 229) return;
    const plain = !key.ctrlKey && !key.metaKey && !key.altKey;
    if (filling && key.key === 'Tab' && plain && !key.shiftKey) {
      if (selectNextFillIn()) consume(key);
      return;
    }
    if (filling && key.key === 'Escape') filling = null;
    if (!session || !plain) return;
    const current = session;
    // Read at the key, not at the last check: a fast typist's space can arrive before the check of the
    // character typed just before it has run.
    const read = readBeforeCaret(current.box);
    const query = (read && findTrigger(read.before, deps.trigger()))?.query ?? current.found.query;
    const shortcut = picker?.shortcut(query) ?? null;
    switch (key.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!picker?.isOpen) return;
        consume(key);
        picker.move(key.key === 'ArrowDown' ? 1 : -1);
        return;
      case 'Enter':
      case 'Tab': {
        if (key.shiftKey && key.key === 'Enter') return;
        if (!picker?.isOpen && !shortcut) return;
        consume(key);
        const chosen = (key.key === 'Tab' && shortcut) || picker?.active() || null;
        if (chosen) void insert(chosen, '');
        else close();
        return;
      }
      case ' ':
        if (shortcut) {
          consume(key);
          void insert(shortcut, ' ');
        } else if (picker?.isOpen && picker.count === 0) close();
        return;
      case 'Escape':
        consume(key);
        close();
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'Home':
      case 'End':
        afterEditor(current.box, () => void check(current.box).catch(close));
        return;
    }
  };

  const keyUp = (event: KeyboardEvent) => {
    const key = event.key;
    if (!consumedUp.has(key)) return;
    consumedUp.delete(key);
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const focusOut = (event: FocusEvent) => {
    if (session && event.composedPath()[0] === session.box) close();
  };

  return {
    get busy() {
      return session !== null || armed || filling !== null;
    },
    beforeInput,
    keyDown,
    keyUp,
    focusOut,
    destroy() {
      close();
      picker?.destroy();
    },
  };
}

/**
 * The text before the caret, at most a query's length plus the trigger, with where it starts. Null when the
 * selection is not a caret inside the box.
 */
function readBeforeCaret(box: ReplyBox): { before: string; anchor: Anchor } | null {
  const span = MAX_QUERY_LENGTH + 3;
  if (isTextControl(box)) {
    const caret = box.selectionStart;
    if (caret === null || caret !== box.selectionEnd) return null;
    const start = Math.max(0, caret - span);
    return { before: box.value.slice(start, caret), anchor: { kind: 'text', start, caret } };
  }
  const selection = selectionOf(box);
  if (!selection?.isCollapsed || selection.rangeCount === 0) return null;
  let node = selection.anchorNode;
  let caret = selection.anchorOffset;
  // A caret between nodes (after the text just typed) is read from the text node before it.
  if (node && node.nodeType !== 3) {
    const previous = node.childNodes[caret - 1];
    if (previous?.nodeType !== 3) return null;
    node = previous;
    caret = (previous as Text).data.length;
  }
  if (!node || !box.contains(node)) return null;
  const text = node as Text;
  const start = Math.max(0, caret - span);
  return { before: text.data.slice(start, caret), anchor: { kind: 'node', node: text, start, caret } };
}

/** Where to show the picker: at the trigger in a contenteditable, at the box's top-left in a text control. */
function caretRect(box: ReplyBox, anchor: Anchor): DOMRect {
  let rect = box.getBoundingClientRect();
  if (anchor.kind === 'node' && anchor.node.isConnected) {
    const range = box.ownerDocument.createRange();
    range.setStart(anchor.node, Math.min(anchor.start, anchor.node.data.length));
    range.collapse(true);
    const caret = range.getBoundingClientRect();
    if (caret.height > 0) rect = caret;
  }
  return topViewportRect(rect, box.ownerDocument.defaultView);
}

/**
 * Rich editors keep their own selection and copy the DOM's on `selectionchange`; slate-react throttles that
 * copy to 100 ms, so an insert right after selecting «/query» would land at the old caret instead of
 * replacing it. Waiting a little longer than that throttle costs nothing an agent notices.
 */
function editorSelectionSynced(box: ReplyBox): Promise<void> {
  const win = box.ownerDocument.defaultView ?? window;
  return new Promise((done) => win.setTimeout(done, 120));
}

/** Runs once the editor applied the keystroke (rich editors commit in a microtask or a re-render). */
function afterEditor(box: ReplyBox, run: () => void): void {
  const win = box.ownerDocument.defaultView ?? window;
  win.setTimeout(() => win.setTimeout(run, 0), 0);
}
