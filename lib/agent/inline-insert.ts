import { readBoxText } from '../editor/box-text';
import { insertIntoReplyBox } from '../editor/insert-into-reply-box';
import { isTextControl, type ReplyBox } from '../editor/reply-box';
import { saveSelection, selectionOf } from '../editor/saved-selection';
import { topViewportRect } from '../editor/top-viewport-rect';
import type { InlineText, InlineTrigger, PickerAnswer, PickerInput } from '../model';
import { type ActiveTrigger, findTrigger, MAX_QUERY_LENGTH, mayBeginTrigger } from './inline-trigger';
import type { PickerHost } from './picker-host';

export interface InlineInsertDeps {
  currentBox(): ReplyBox | null;
  /** The trigger in force on this site (Настройки), read on each check. */
  trigger(): InlineTrigger;
  /** Creates the hidden picker frame (its token registered with the background first). */
  createPicker(): Promise<PickerHost>;
  /** The query or a key, to the picker frame through the background; after Enter/Tab, the chosen template rendered. */
  send(input: PickerInput): Promise<PickerAnswer>;
  /** A shortcut typed after the trigger: its template rendered, or null when no template has exactly it. */
  expand(shortcut: string): Promise<InlineText | null>;
  /** An inline insert landed (usage ranks the picker and the sidebar). */
  inserted(): void;
}

/** The window-level handlers `listenInline` (lib/agent/inline-listener.ts) forwards to, once loaded. */
export interface InlineInsert {
  /** Whether a trigger, a pending «.» or a placeholder walk is active: then every keystroke is looked at. */
  readonly busy: boolean;
  /** Builds the hidden picker frame now, so the first trigger finds its library ready. */
  prepare(): Promise<void>;
  /** A trusted `beforeinput` outside composition: its data and its (synchronously taken) composed path. */
  beforeInput(data: string | null, path: readonly EventTarget[]): void;
  keyDown(event: KeyboardEvent): void;
  keyUp(event: KeyboardEvent): void;
  focusOut(event: FocusEvent): void;
  destroy(): void;
}

/** How long the first trigger waits for a picker frame still loading: 100 × 50 ms. */
const READY_ATTEMPTS = 100;
const READY_RETRY_MS = 50;

/** Where the trigger sits: text controls by index, contenteditable by its text node (typed text stays in one). */
type Anchor =
  | { kind: 'text'; start: number; caret: number }
  | { kind: 'node'; node: Text; start: number; caret: number };

interface Session {
  box: ReplyBox;
  found: ActiveTrigger;
  anchor: Anchor;
  /** What the picker frame last said it shows: keys are taken only while it shows options. */
  count: number;
}

/**
 * Inline insert, in the reply box (issue 13): «/» + a query opens the picker at the caret, Enter or Tab
 * inserts the active template in place of «/query», a shortcut followed by a space expands at once, and
 * placeholders left open are then selected one by one (Tab to the next).
 *
 * The list and the library live in the picker frame (lib/picker/picker-frame.ts, extension origin): this
 * script forwards the query and the navigation keys to it through the background and receives only the
 * template the agent chose, rendered (issue 12.8). It is the on-demand half, loaded with the agent UI;
 * lib/agent/inline-listener.ts is the always-on half that owns the window listeners.
 *
 * Safety: only trusted events count and nothing happens during IME composition. Keys taken here are
 * stopped with `stopImmediatePropagation` in the listener's capture phase on the window, so while the
 * picker shows options the page's send, newline and focus handlers never see Enter, Tab or the arrows.
 *
 * The insert goes through the editor's own insert chain (lib/editor) with «/query» selected, so the editor
 * records one replacement: one Ctrl+Z brings «/query» back as typed, and the insert is read back before it
 * counts.
 */
export function createInlineInsert(deps: InlineInsertDeps): InlineInsert {
  let session: Session | null = null;
  /** Keys the picker or the placeholder walk took: their keyup must not reach pages that act on keyup. */
  const consumedUp = new Set<string>();
  let picker: PickerHost | null = null;
  let creating: Promise<PickerHost> | null = null;
  /** «.» may begin the ЙЦУКЕН alias: the next character decides. */
  let armed = false;
  /** After an insert: the placeholders still to fill, walked with Tab. */
  let filling: { box: ReplyBox; names: string[] } | null = null;
  /** While an insert runs, a check still queued from the typing would reopen the picker over «/query». */
  let inserting = false;
  /** The trigger the agent closed (Escape, a space after no match): it stays closed while they type on. */
  let dismissed: Anchor | null = null;
  /** Checks scheduled but not yet run: the keystrokes meanwhile are looked at too (busy). */
  let pending = 0;
  /** The trigger whose first word is known to match (`${start}:${word}`): asked once per trigger and word. */
  let headMatched: string | null = null;

  const preparePicker = () => {
    creating ??= deps.createPicker().then(
      (created) => (picker = created),
      (error) => {
        creating = null;
        throw error;
      },
    );
    return creating;
  };

  const close = () => {
    if (session) void deps.send({ query: null }).catch(() => undefined);
    session = null;
    picker?.hide();
  };

  const show = (current: Session, answer: PickerAnswer) => {
    if (session !== current) return;
    current.count = answer.count;
    if (answer.count > 0 && picker) picker.show(caretRect(current.box, current.anchor), answer.height);
    else picker?.hide();
  };

  /** Whether two anchors are the same trigger (the same «/» in the same place). */
  const sameTrigger = (a: Anchor, b: Anchor) =>
    a.kind === b.kind && a.start === b.start && (a.kind === 'text' || (b.kind === 'node' && a.node === b.node));

  /** Closes the picker for this trigger: typing on after it (Escape, or a space after no match) is plain text. */
  const dismiss = (current: Session) => {
    dismissed = current.anchor;
    close();
  };

  const check = async (box: ReplyBox) => {
    if (inserting) return;
    const read = readBeforeCaret(box);
    const found = read && findTrigger(read.before, deps.trigger());
    if (!read || !found) {
      armed = armed && !session && read?.before.endsWith('.') === true;
      dismissed = null;
      close();
      return;
    }
    armed = false;
    const anchor: Anchor =
      read.anchor.kind === 'text'
        ? { kind: 'text', start: read.anchor.start + found.start, caret: read.anchor.caret }
        : { kind: 'node', node: read.anchor.node, start: read.anchor.start + found.start, caret: read.anchor.caret };
    if (dismissed && sameTrigger(dismissed, anchor)) return;
    const current: Session = { box, found, anchor, count: session?.count ?? 0 };
    session = current;
    filling = null;
    await preparePicker();
    // The first trigger on a page may come before the picker frame has loaded: ask again until it has.
    // The first space decides: a first word that matches nothing makes the rest plain text. It is asked on its
    // own because the check of that space may never have been answered (a frame still loading, fast typing).
    const head = /^\S+\s/.exec(found.query)?.[0];
    const headKey = head === undefined ? null : `${anchor.start}:${head.trim()}`;
    for (let attempt = 0; attempt < READY_ATTEMPTS && session === current; attempt++) {
      if (head !== undefined && head !== found.query && headMatched !== headKey) {
        const first = await deps.send({ query: head });
        if (!first.ready) {
          await new Promise((done) => setTimeout(done, READY_RETRY_MS));
          continue;
        }
        if (first.count === 0) {
          if (session && sameTrigger(session.anchor, current.anchor)) dismiss(session);
          return;
        }
        headMatched = headKey;
        if (session !== current) return;
      }
      const answer = await deps.send({ query: found.query });
      if (!answer.ready) {
        await new Promise((done) => setTimeout(done, READY_RETRY_MS));
        continue;
      }
      // A space after a query that matches nothing: the agent is writing on, not searching — whatever the
      // checks of the characters typed since then answer.
      if (answer.count === 0 && /\s$/.test(found.query)) {
        if (session && sameTrigger(session.anchor, current.anchor)) dismiss(session);
        return;
      }
      if (dismissed && sameTrigger(dismissed, current.anchor)) return;
      return show(current, answer);
    }
  };

  /** Replaces the trigger and `query` (read again: the draft may have moved on) with the rendered template. */
  const insert = async (current: Pick<Session, 'box'>, inline: InlineText, query: string, after: string) => {
    if (inserting) return;
    session = null;
    picker?.hide();
    inserting = true;
    try {
      const { box } = current;
      const read = readBeforeCaret(box);
      const found = read && findTrigger(read.before, deps.trigger());
      if (!read || !found || found.query !== query) return;
      const length = read.before.length - found.start;
      if (isTextControl(box)) box.setSelectionRange(read.anchor.caret - length, read.anchor.caret);
      else if (read.anchor.kind === 'node') {
        const { node, caret } = read.anchor;
        selectionOf(box)?.setBaseAndExtent(node, caret - length, node, caret);
        await editorSelectionSynced(box);
      }
      const result = await insertIntoReplyBox(box, inline.text + after, saveSelection(box));
      if (!result.ok) return;
      deps.inserted();
      if (inline.missing.length > 0) {
        filling = { box, names: inline.missing };
        selectNextPlaceholder();
      }
    } finally {
      inserting = false;
    }
  };

  /** Selects the first placeholder of the inserted template still in the draft; typing replaces it. */
  const selectNextPlaceholder = (): boolean => {
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

  /** A space typed right after `query`: when that is a template's shortcut, it expands in place of «/query ». */
  const expandAfterSpace = async (box: ReplyBox, query: string) => {
    const expanded = await deps.expand(query);
    if (expanded) await insert({ box }, expanded, `${query} `, ' ');
  };

  const beforeInput = (data: string | null, path: readonly EventTarget[]) => {
    if (!session && !armed && pending === 0 && !mayBeginTrigger(data, deps.trigger())) return;
    const box = deps.currentBox();
    if (!box || !path.includes(box)) return;
    if (!session && data?.endsWith('.')) armed = true;
    // A space: the query as it stands right before it, read now (the last check may lag behind fast typing).
    const read = data === ' ' ? readBeforeCaret(box) : null;
    const query = read ? findTrigger(read.before, deps.trigger())?.query : undefined;
    pending++;
    afterEditor(box, () => {
      pending--;
      if (query && !/\s$/.test(query)) void expandAfterSpace(box, query).catch(() => undefined);
      void check(box).catch(close);
    });
  };

  const keyDown = (key: KeyboardEvent) => {
    if (!key.isTrusted || key.isComposing || key.keyCode === 229) return;
    const plain = !key.ctrlKey && !key.metaKey && !key.altKey;
    if (filling && key.key === 'Tab' && plain && !key.shiftKey) {
      if (selectNextPlaceholder()) consume(key);
      return;
    }
    if (filling && key.key === 'Escape') filling = null;
    const current = session;
    if (!current || !plain) return;
    const showing = current.count > 0 && picker?.isOpen === true;
    switch (key.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!showing) return;
        consume(key);
        void deps
          .send({ query: current.found.query, key: key.key })
          .then((answer) => show(current, answer))
          .catch(close);
        return;
      }
      case 'Enter':
      case 'Tab': {
        if (!showing || key.shiftKey) return;
        consume(key);
        // Read at the key, not at the last check: the frame searches this query before it chooses.
        const read = readBeforeCaret(current.box);
        const query = (read && findTrigger(read.before, deps.trigger()))?.query ?? current.found.query;
        void deps
          .send({ query, key: key.key })
          .then((answer) => (answer.insert ? insert(current, answer.insert, query, '') : close()))
          .catch(close);
        return;
      }
      case 'Escape':
        consume(key);
        dismiss(current);
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
    if (!consumedUp.has(event.key)) return;
    consumedUp.delete(event.key);
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const focusOut = (event: FocusEvent) => {
    if (session && event.composedPath()[0] === session.box) close();
  };

  return {
    get busy() {
      return session !== null || armed || filling !== null || pending > 0;
    },
    prepare: async () => {
      await preparePicker();
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

/** Where to show the picker: at the trigger in a contenteditable, under the box's top-left in a text control. */
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
