import { sameOriginFrameDocument } from './reply-box';

export interface FrameFollower {
  /** Follows `element` if it is a same-origin frame, and the frame focused inside it, and so on down. */
  follow(element: Element | null): void;
}

/**
 * Calls `attach(document)` for `doc` and for every same-origin child frame the focus enters (TinyMCE's and
 * CKEditor 4's about:blank iframes, srcdoc editors), so the tracker and the send guard listen where the agent
 * types. Both use it; `attach` must add the same listener functions every time (re-adding one is then a no-op).
 *
 * - Focus entering a child frame fires no `focusin` in this document, only a `blur` of this window, with the
 *   frame as its active element: that is when the frame is followed.
 * - A frame that loads a new document (navigation, a rewritten srcdoc) is followed again on its `load`.
 * - A document rewritten in place by `document.open()` (CKEditor 4's `setData` and mode switches write the
 *   editor's iframe anew) keeps its Document and Window objects but loses every listener on both: the HTML
 *   standard's document.open steps "erase all event listeners and handlers". Mutation observers survive it,
 *   and `open()` removes the document's children, so a childList observer on each followed document sees the
 *   rewrite and attaches again. (Only the document's own children: no per-keystroke cost.)
 * - A focused frame that is removed (CKEditor 4 builds a new iframe on a mode switch) leaves its parent
 *   without focus, so focus entering the frame that replaces it fires no `blur` here at all. When a followed
 *   frame is gone, its parent document is watched until a new frame appears, which is then followed at once.
 */
export function followFrames(doc: Document, signal: AbortSignal, attach: (doc: Document) => void): FrameFollower {
  const followedLoads = new WeakSet<Element>();
  const attached = new WeakSet<Document>();
  const frameOf = new WeakMap<Window, Element>();
  const rewritten = new MutationObserver((records) => {
    for (const target of new Set(records.map((record) => record.target))) {
      if (target.nodeType === Node.DOCUMENT_NODE) attachTo(target as Document);
    }
  });
  signal.addEventListener('abort', () => rewritten.disconnect(), { once: true });

  function attachTo(target: Document): void {
    if (signal.aborted) return;
    attach(target);
    target.defaultView?.addEventListener('blur', onWindowBlur, { signal });
    target.defaultView?.addEventListener('pagehide', onFrameHidden, { signal });
    if (attached.has(target)) return;
    attached.add(target);
    rewritten.observe(target, { childList: true });
  }

  function onWindowBlur(event: Event): void {
    follow((event.currentTarget as Window).document.activeElement);
  }

  /** A followed frame unloads: navigating (its `load` follows it again) or removed from its page. */
  function onFrameHidden(event: Event): void {
    const element = frameOf.get(event.currentTarget as Window);
    if (!element) return;
    setTimeout(() => {
      if (!element.isConnected) awaitNewFrame(element.ownerDocument);
    }, 0);
  }

  function awaitNewFrame(parent: Document): void {
    if (signal.aborted) return;
    const added = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          const element = node as Element;
          const frame = element.localName === 'iframe' ? element : element.querySelector('iframe');
          if (!frame) continue;
          added.disconnect();
          follow(frame);
          return;
        }
      }
    });
    added.observe(parent, { childList: true, subtree: true });
    signal.addEventListener('abort', () => added.disconnect(), { once: true });
  }

  function onFrameLoad(event: Event): void {
    follow(event.currentTarget as Element);
  }

  function follow(element: Element | null): void {
    const frameDoc = element && sameOriginFrameDocument(element);
    if (!element || !frameDoc || signal.aborted) return;
    if (frameDoc.defaultView) frameOf.set(frameDoc.defaultView, element);
    if (!attached.has(frameDoc)) attachTo(frameDoc);
    if (!followedLoads.has(element)) {
      followedLoads.add(element);
      element.addEventListener('load', onFrameLoad, { signal });
    }
    follow(frameDoc.activeElement);
  }

  attachTo(doc);
  follow(doc.activeElement);
  return { follow };
}
