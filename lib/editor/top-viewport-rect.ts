/**
 * A rectangle measured in a same-origin subframe, moved into the top document's viewport: our badge and
 * card live in the top document, while the reply box (TinyMCE, an editor iframe) may sit in a frame.
 */
export function topViewportRect(rect: DOMRect, view: Window | null): DOMRect {
  let x = rect.left;
  let y = rect.top;
  for (let win = view; win && win !== win.parent; win = win.parent) {
    const frame = win.frameElement;
    if (!frame) break;
    const box = frame.getBoundingClientRect();
    // The frame's content starts inside its border and padding.
    const style = win.parent.getComputedStyle(frame);
    x += box.left + Number.parseFloat(style.borderLeftWidth) + Number.parseFloat(style.paddingLeft);
    y += box.top + Number.parseFloat(style.borderTopWidth) + Number.parseFloat(style.paddingTop);
  }
  return new DOMRect(x, y, rect.width, rect.height);
}
