import { followFrames } from './follow-frames';
import {
  activeElementIn,
  findReplyBox,
  focusReplyBox,
  hasUserActivation,
  isOwnUi,
  isTextControl,
  type ReplyBox,
  sameOriginFrameDocument,
} from './reply-box';
import { restoreSelection, type SavedSelection, saveSelection } from './saved-selection';

export interface TrackedReplyBox {
  element: ReplyBox;
  /** Where the caret was when the agent left the box; null if it was never seen inside. */
  selection: SavedSelection | null;
}

export interface ReplyBoxTracker {
  /** The reply box the agent last focused, if it is still in the page. */
  current(): TrackedReplyBox | null;
  /**
   * Gives the focus back to where the agent was (closing the sidebar with Escape): the tracked box with its
   * caret, or the cross-origin frame the agent went into after it (a chat widget: its own agent tracks the box
   * inside, and the frame's document keeps its focused element, which takes the focus again with the frame).
   */
  returnFocus(): void;
}

/**
 * Follows the reply box the agent last focused and remembers its caret, so an insert from the sidebar lands
 * where the agent was although focus has moved away.
 *
 * - Capture-phase `focusin` on the document: focus events are composed, so `composedPath()[0]` is the real
 *   element even inside open shadow roots. Focusing something that is not a reply box (a page button, our
 *   sidebar) keeps the last box: "last focused" is what the agent means.
 * - Same-origin frames (TinyMCE's and CKEditor 4's `about:blank` iframes, srcdoc editors) are followed from the
 *   frame that calls this (lib/editor/follow-frames.ts: on focus entering them, after each load, after
 *   `document.open()` rewrites them): focus entering an iframe shows up here only as a `blur` of this window
 *   (no focusin), with the iframe as activeElement. So in a frame its parent can reach, the tracker stays
 *   empty (`isFollowedByParentFrame`), or one box would be tracked — and a template inserted — twice.
 *   Cross-origin frames track for themselves.
 * - Per keystroke the only work is a `selectionchange` handler: nothing for text controls (they keep their
 *   own selectionStart/End after blur, read on demand), one Range clone for contenteditable — and only
 *   while the selection is inside the tracked box, so focus moving into the sidebar keeps the saved caret.
 * - Every listener is registered with `signal` and goes away when it aborts.
 */
export interface ReplyBoxListeners {
  /** The tracked box changed (a new box was focused). */
  onChange?(box: ReplyBox | null): void;
  /** Focus landed in a reply box, the same one again included (for routing inserts to this frame). */
  onFocus?(box: ReplyBox): void;
}

export function trackReplyBox(doc: Document, signal: AbortSignal, listeners: ReplyBoxListeners = {}): ReplyBoxTracker {
  // The parent frame's tracker follows this document: tracking here too would insert templates twice.
  if (isFollowedByParentFrame(doc.defaultView)) return { current: () => null, returnFocus: () => undefined };
  let box: ReplyBox | null = null;
  let saved: SavedSelection | null = null;
  /** A frame this document cannot see into, focused after the tracked box. */
  let foreignFrame: HTMLIFrameElement | null = null;

  function follow(candidate: ReplyBox): void {
    foreignFrame = null;
    if (candidate !== box) {
      box = candidate;
      saved = null;
      listeners.onChange?.(box);
    }
    saved = saveSelection(candidate) ?? saved;
    listeners.onFocus?.(candidate);
  }

  function considerFocused(element: Element | null): void {
    if (!element) return;
    const frameDoc = sameOriginFrameDocument(element);
    if (frameDoc) {
      frames.follow(element);
      considerFocused(activeElementIn(frameDoc));
      return;
    }
    if (isOwnUi(element)) return;
    if (element.localName === 'iframe') {
      // Only a frame the agent went into (a click or key gives this page user activation too): Escape must
      // not hand the agent's typing to a frame a script focused.
      if (hasUserActivation(element.ownerDocument.defaultView)) foreignFrame = element as HTMLIFrameElement;
      return;
    }
    const candidate = findReplyBox(element);
    if (candidate) follow(candidate);
  }

  function onFocusIn(event: Event): void {
    considerFocused(event.composedPath()[0] as Element);
  }

  function onSelectionChange(): void {
    // Text controls are read on demand; the saved caret of a contenteditable only moves while the
    // selection is inside it.
    if (!box || isTextControl(box)) return;
    saved = saveSelection(box) ?? saved;
  }

  // Focus entering a child frame fires no focusin in this document, only a blur of this window.
  function onWindowBlur(event: Event): void {
    considerFocused(activeElementIn((event.currentTarget as Window).document));
  }

  // The same listener functions on every attach: attaching a document again adds nothing twice.
  const frames = followFrames(doc, signal, (target) => {
    target.addEventListener('focusin', onFocusIn, { capture: true, signal });
    target.addEventListener('selectionchange', onSelectionChange, { capture: true, signal });
    target.defaultView?.addEventListener('blur', onWindowBlur, { signal });
  });
  considerFocused(activeElementIn(doc));

  return {
    current() {
      if (signal.aborted || !box?.isConnected) return null;
      if (isTextControl(box)) return { element: box, selection: saveSelection(box) };
      return { element: box, selection: saved };
    },
    returnFocus() {
      if (signal.aborted) return;
      if (foreignFrame?.isConnected) {
        foreignFrame.focus({ preventScroll: true });
        // The element alone does not move the keyboard into an out-of-process frame: its window must take it.
        foreignFrame.contentWindow?.focus();
        return;
      }
      const tracked = this.current();
      if (tracked) returnToReplyBox(tracked);
    },
  };
}

/**
 * True in a frame whose parent is same-origin (about:blank, srcdoc, same-site iframes): the parent's tracker
 * already follows this frame's reply boxes. The agent script, which runs in every frame, should not start a
 * tracker (nor answer inserts) there.
 */
export function isFollowedByParentFrame(win: Window | null): boolean {
  if (!win || win === win.parent) return false;
  try {
    return Boolean(win.parent.document);
  } catch {
    return false;
  }
}

/**
 * Gives focus back to the tracked box with the agent's caret/selection where it was (closing the sidebar with
 * Escape). Focusing alone would put a contenteditable's caret at its start.
 */
export function returnToReplyBox(tracked: TrackedReplyBox): void {
  if (!tracked.element.isConnected) return;
  focusReplyBox(tracked.element);
  restoreSelection(tracked.element, tracked.selection);
}
