import { placeRange } from '../editor/box-text';
import type { Severity } from '../model';
import { createOwnUiHost } from './own-ui-host';
import { SEVERITIES, SEVERITY_COLORS } from './severity-colors';

export interface RangeMark {
  severity: Severity;
  /** Static (BoxText.boundsOf): the overlay moves its own two live Ranges onto it to measure it. */
  range: StaticRange;
}

export interface RangeUnderlines {
  /**
   * Underlines these ranges. `inFrame`: the call runs in an animation frame, where reading layout costs
   * nothing extra (the frame lays out anyway), so the underlines are placed at once, in the same frame as
   * the keystroke that moved them; otherwise (the send guard's synchronous lint) they are placed in the
   * next frame, so that a keystroke never forces a layout.
   */
  paint(marks: readonly RangeMark[], inFrame: boolean): void;
  destroy(): void;
}

/**
 * Wavy underlines for DOM text (a contenteditable editor) drawn in an overlay of our own, never in the
 * editor's DOM: ProseMirror, Lexical, Quill and friends see no foreign nodes, and the page sees no styled
 * ranges. This replaced the CSS Custom Highlight API (issue 19): Chromium rebuilds every highlight marker
 * of a document on any DOM change and repaints each text node that holds one, which cost ≈ 0.7 ms of the
 * page's main thread per keystroke on a 2,000-character draft with 8 findings; here a keystroke costs the
 * ranges' rectangles and, when an underline moved, the repaint of a few small boxes in our own layer.
 *
 * The overlay is a closed shadow root (what it draws says which phrases break which kind of rule) with a
 * box over the editor's client area that clips the underlines as the editor clips its text. Positions are
 * read only in animation frames: on paint, on any scroll in the editor's document, on resize.
 * `onTextChange` is called when the text in the box changed (not for attribute changes alone), from the one
 * observer of the box's DOM: the coach updates on it, so a keystroke wakes one observer, not two.
 */
export function createRangeUnderlines(
  box: HTMLElement,
  signal: AbortSignal,
  onTextChange?: () => void,
): RangeUnderlines {
  const doc = box.ownerDocument;
  const view = doc.defaultView!;
  const { host, shadow } = createOwnUiHost(doc, 'underlines', UNDERLINES_CSS, 'closed');
  const clip = doc.createElement('div');
  clip.className = 'clip';
  const svg = doc.createElementNS(SVG, 'svg');
  // One wave pattern per severity, tiled in the overlay's own coordinates, as a wavy text-decoration is.
  // Drawn in SVG, not as a CSS background image: a page's `img-src` policy could block an image URL.
  const defs = doc.createElementNS(SVG, 'defs');
  for (const severity of SEVERITIES) {
    const pattern = svgElement(doc, 'pattern', {
      id: `w-${severity}`,
      patternUnits: 'userSpaceOnUse',
      width: 4,
      height: 4,
    });
    pattern.append(
      svgElement(doc, 'path', {
        d: 'M0 2.5Q1 .5 2 2.5T4 2.5',
        fill: 'none',
        stroke: SEVERITY_COLORS[severity],
        'stroke-width': 1.1,
      }),
    );
    defs.append(pattern);
  }
  svg.append(defs);
  clip.append(svg);
  shadow.append(clip);
  doc.documentElement.append(host);

  let marks: readonly RangeMark[] = [];
  let frame = 0;
  /** What each rectangle shows now (`severity|x|y|width`), so an unchanged underline is not written again. */
  const drawn: { element: SVGRectElement; key: string }[] = [];
  let clipKey = '';
  /**
   * Where each mark's text was at the last draw. `Range.getClientRects` is most of a keystroke's cost here
   * (≈ 35 µs a range in Chromium, for the line's offset mapping), so a mark keeps its rectangles while its
   * block (the box's child that holds it) had no change inside and still has the same box: then its text
   * is laid out as before. The block's own rectangle is an element's, cheap to read.
   */
  /** By start node, then start offset: found again in one lookup however many findings the draft has. */
  let placed = new Map<Node, Map<number, Placed>>();
  /** Blocks with a change inside since the last draw (`box` itself: anything may have moved). */
  const changed = new Set<Node>();
  const blockOf = (node: Node): Node => {
    let at: Node | null = node;
    while (at && at !== box && at.parentNode !== box) at = at.parentNode;
    return at && at !== box && at.nodeType === Node.ELEMENT_NODE ? at : box;
  };
  const note = (records: MutationRecord[]) => {
    for (const record of records) changed.add(blockOf(record.target));
  };
  const mutations = new MutationObserver((records) => {
    note(records);
    if (records.some((record) => record.type !== 'attributes')) onTextChange?.();
  });
  const measure = { whole: doc.createRange(), part: doc.createRange() };
  mutations.observe(box, { characterData: true, childList: true, subtree: true, attributes: true });

  const draw = () => {
    if (frame) view.cancelAnimationFrame(frame);
    frame = 0;
    if (!box.isConnected) return;
    const outer = box.getBoundingClientRect();
    const left = outer.left + box.clientLeft;
    const top = outer.top + box.clientTop;
    const nextClip = `${left}|${top}|${box.clientWidth}|${box.clientHeight}`;
    if (nextClip !== clipKey) {
      clipKey = nextClip;
      clip.style.cssText = `transform:translate(${left}px,${top}px);width:${box.clientWidth}px;height:${box.clientHeight}px`;
    }
    note(mutations.takeRecords());
    const fresh = new Map<Node, Map<number, Placed>>();
    let used = 0;
    for (const { severity, range } of marks) {
      const start = blockOf(range.startContainer);
      const block = start === blockOf(range.endContainer) ? start : box;
      const blockKey = block === box ? '' : rectKey((block as Element).getBoundingClientRect());
      const old = placed.get(range.startContainer)?.get(range.startOffset);
      const kept =
        old !== undefined &&
        block !== box &&
        !changed.has(block) &&
        !changed.has(box) &&
        old.blockKey === blockKey &&
        old.range.endContainer === range.endContainer &&
        old.range.endOffset === range.endOffset;
      const rects = kept ? old.rects : textRects(range, measure);
      let inNode = fresh.get(range.startContainer);
      if (!inNode) {
        inNode = new Map();
        fresh.set(range.startContainer, inNode);
      }
      inNode.set(range.startOffset, { range, blockKey, rects });
      for (const rect of rects) {
        if (rect.width < 0.5) continue;
        // The wave's top a little above the text's bottom edge (its descent), as `text-underline-offset` had it.
        const x = rect.left - left;
        const y = rect.bottom - top - 3;
        const key = `${severity}|${x}|${y}|${rect.width}`;
        let entry = drawn[used];
        if (!entry) {
          entry = { element: svgElement(doc, 'rect', { height: 4 }), key: '' };
          svg.append(entry.element);
          drawn.push(entry);
        }
        if (entry.key !== key) {
          entry.key = key;
          entry.element.setAttribute('x', String(x));
          // Moved by a transform, not `y`: the pattern tiles in the rectangle's own coordinates, so the wave
          // starts at its top whatever the line's height; across, it stays in phase with the overlay.
          entry.element.setAttribute('transform', `translate(0 ${y})`);
          entry.element.setAttribute('width', String(rect.width));
          entry.element.setAttribute('fill', `url(#w-${severity})`);
        }
        used++;
      }
    }
    for (const entry of drawn.splice(used)) entry.element.remove();
    placed = fresh;
    changed.clear();
  };
  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(draw);
  };
  view.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  // A new size, zoom or font may rewrap every line without a change in the DOM.
  const relayout = () => {
    changed.add(box);
    schedule();
  };
  view.addEventListener('resize', relayout, { passive: true, signal });
  doc.fonts?.addEventListener('loadingdone', relayout, { signal });
  const resizeObserver = new ResizeObserver(relayout);
  resizeObserver.observe(box);
  const destroy = () => {
    if (frame) view.cancelAnimationFrame(frame);
    frame = 0;
    resizeObserver.disconnect();
    mutations.disconnect();
    host.remove();
  };
  signal.addEventListener('abort', destroy, { once: true });

  return {
    paint(next, inFrame) {
      marks = next;
      if (inFrame) draw();
      else schedule();
    },
    destroy,
  };
}

/** A mark's rectangles at the last draw, found again by where it starts (marks are few per text node). */
interface Placed {
  range: StaticRange;
  blockKey: string;
  rects: DOMRect[];
}

const rectKey = (rect: DOMRect) => `${rect.left}|${rect.top}|${rect.width}|${rect.height}`;

/**
 * The line boxes of a range's text. `Range.getClientRects` alone would also give the whole border box of
 * an element the range fully holds (a `<p>` of a finding across paragraphs), which is not text.
 */
function textRects(bounds: StaticRange, { whole, part }: { whole: Range; part: Range }): DOMRect[] {
  const { startContainer, endContainer } = bounds;
  // Nodes the editor has replaced since the lint: the next update marks the new ones.
  if (!placeRange(whole, bounds)) return [];
  if (startContainer === endContainer && startContainer.nodeType === Node.TEXT_NODE) return [...whole.getClientRects()];
  const rects: DOMRect[] = [];
  // From the range's start to its end only: a finding's walk never visits the rest of the draft.
  const walker = startContainer.ownerDocument!.createTreeWalker(whole.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = startContainer;
  let node = startContainer.nodeType === Node.TEXT_NODE ? startContainer : walker.nextNode();
  for (; node && whole.comparePoint(node, 0) <= 0; node = walker.nextNode()) {
    if (!whole.intersectsNode(node)) continue;
    const text = node as Text;
    part.setStart(text, text === startContainer ? bounds.startOffset : 0);
    part.setEnd(text, text === endContainer ? bounds.endOffset : text.length);
    rects.push(...part.getClientRects());
  }
  return rects;
}

const SVG = 'http://www.w3.org/2000/svg';

function svgElement<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** Written compact: a template literal's spaces are not minified. */
const UNDERLINES_CSS = `:host{all:initial!important;position:fixed!important;left:0!important;top:0!important;\
width:0!important;height:0!important;overflow:visible!important;pointer-events:none!important;\
z-index:2147483644!important;display:block!important}\
.clip{position:absolute;left:0;top:0;overflow:hidden;contain:strict}svg{display:block;width:100%;height:100%}`;
