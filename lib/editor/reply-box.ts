import { composedParent } from './composed-parent';

/**
 * What counts as a reply box, found from any element the agent focused. DOM edge module: works across open
 * shadow roots and same-origin frames, so it never relies on `instanceof` (each frame has its own classes).
 */

/** A textarea, a text-like input, or the editing host of a contenteditable region. */
export type ReplyBox = HTMLElement;

/** Inputs that hold free text a template can go into (no password, number, date …). */
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel']);

/** Our own UI (sidebar, badge) is mounted in a host carrying this attribute and is never a reply box. */
export const OWN_UI_ATTRIBUTE = 'data-sufler-ui';

function isElement(node: unknown): node is HTMLElement {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

export function isTextArea(element: Element): element is HTMLTextAreaElement {
  return element.localName === 'textarea';
}

export function isTextInput(element: Element): element is HTMLInputElement {
  return element.localName === 'input' && TEXT_INPUT_TYPES.has((element as HTMLInputElement).type.toLowerCase());
}

export function isTextControl(element: Element): element is HTMLTextAreaElement | HTMLInputElement {
  return isTextArea(element) || isTextInput(element);
}

/** Whether the box accepts text right now (it may have turned read-only since it was focused). */
export function isWritable(box: ReplyBox): boolean {
  if (!box.isConnected) return false;
  if (isTextControl(box)) return !box.disabled && !box.readOnly;
  return box.isContentEditable;
}

/** Inside our own sidebar or badge, whatever shadow roots lie between. */
export function isOwnUi(element: Element): boolean {
  for (let node: Element | null = element; node; node = composedParent(node)) {
    if (node.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  }
  return false;
}

/**
 * The reply box that contains `start` (or is it): a writable text control, or the outermost element of the
 * contenteditable region (`true` or `plaintext-only`) — the editing host, which is what editors mount on.
 */
export function findReplyBox(start: EventTarget | null): ReplyBox | null {
  if (!isElement(start) || isOwnUi(start)) return null;
  if (isTextControl(start)) return isWritable(start) ? start : null;
  if (!start.isContentEditable) return null;
  let host: HTMLElement = start;
  // Stop at a shadow boundary: an editor inside a shadow root is its own region.
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** The focused element of a document or shadow root, looking through nested open shadow roots. */
export function activeElementIn(root: Document | ShadowRoot): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The focused element, looking through open shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document): Element | null {
  let active = activeElementIn(doc);
  for (;;) {
    const frameDoc = active && sameOriginFrameDocument(active);
    const inner = frameDoc && activeElementIn(frameDoc);
    if (!inner) return active;
    active = inner;
  }
}

/** The document of a same-origin iframe, or null (cross-origin frames throw or give null). */
export function sameOriginFrameDocument(element: Element): Document | null {
  if (element.localName !== 'iframe' && element.localName !== 'frame') return null;
  try {
    return (element as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/**
 * Whether the agent's own click or key is behind what happens now in `view` (a page script's `focus()` has no
 * user activation): only such a focus may direct inserts or prepare our frames.
 */
export function hasUserActivation(view: Window | null): boolean {
  return (
    (view?.navigator as (Navigator & { userActivation?: { isActive: boolean } }) | undefined)?.userActivation
      ?.isActive === true
  );
}

/** The window the box lives in: events and commands must come from that frame's realm and document. */
export function windowOf(box: ReplyBox): Window & typeof globalThis {
  return box.ownerDocument.defaultView as Window & typeof globalThis;
}

/**
 * Moves focus to the box, first focusing the frames it sits in (a box inside an iframe cannot take focus
 * while the top page holds it, e.g. when the agent is in the sidebar).
 */
export function focusReplyBox(box: ReplyBox): void {
  const chain: Element[] = [];
  for (let win: Window | null = windowOf(box); win && win !== win.parent; win = win.parent) {
    const frame = win.frameElement;
    if (!frame) break;
    chain.unshift(frame);
  }
  for (const frame of chain) (frame as HTMLElement).focus({ preventScroll: true });
  // A document's activeElement is its body whenever nothing else has the focus: an editor's iframe body
  // (TinyMCE, CKEditor 4) "is" active but does not take keys (keydown reaches it, no text is inserted)
  // until it is focused itself.
  const doc = box.ownerDocument;
  if (deepActiveElement(doc) !== box || box === doc.body) box.focus({ preventScroll: true });
}
