/**
 * Walking up the composed tree, as events do. Two meanings, named apart: within one document (out of shadow
 * roots to their hosts), and across frames too (out of a same-origin frame's document to its iframe).
 */

/** The element's parent, stepping out of a shadow root to its host; null at the document's root. */
export function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return (root as ShadowRoot).host ?? null;
}

/** Like `composedParent`, and out of a same-origin frame to its iframe element; null at a cross-origin parent. */
export function composedParentAcrossFrames(element: Element): Element | null {
  const parent = composedParent(element);
  if (parent) return parent;
  try {
    return element.ownerDocument.defaultView?.frameElement ?? null;
  } catch {
    return null; // cross-origin parent
  }
}
