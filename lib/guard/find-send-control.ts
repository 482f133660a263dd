import { composedParentAcrossFrames } from '../editor/composed-parent';
import { SITE_PROFILES } from '../sites';

/**
 * Which clicked element is the page's send control for the reply box. DOM edge module; like lib/editor it
 * never uses `instanceof` (a box in a same-origin iframe has its own classes).
 */

/** One helpdesk whose send control generic detection misses: what it matches and why, in one place. */
export interface KnownSendControl {
  id: string;
  /** Pages it applies to. */
  matches(location: Location): boolean;
  /** CSS selector of the send control (tested against each element of the click's composed path). */
  selector: string;
  /** The control counts only for a reply box inside its closest ancestor matching this (its own composer). */
  scope: string;
}

/**
 * Exact selectors for known helpdesks, derived from their profiles (lib/sites/*); why each is needed, and its
 * fixture page, is in the profile's evidence (lib/sites/evidence.ts). Not listed, because not verified: Telegram Web's icon-only send button and others whose markup
 * we have not seen; generic detection already covers buttons labelled by text, aria-label or title.
 */
export const KNOWN_SEND_CONTROLS: readonly KnownSendControl[] = SITE_PROFILES.flatMap((profile) =>
  (profile.sendControls ?? []).map((control) => ({
    ...control,
    matches: (location: Location) => profile.recognizes(document, location),
  })),
);

/** Labels that mean "send this reply": a word at the start, in any case («Отправить ответ», «Send (⌘↵)»). */
const SEND_LABEL = /^[^\p{L}\p{N}]*(?:отправить|ответить|send|reply|submit)(?![\p{L}\p{N}])/u;
/** Longer labels belong to containers or explanations, not to a button. */
const MAX_LABEL_LENGTH = 60;
/** How far above the reply box a common ancestor with the control may sit (composer → toolbar → button). */
const NEAR_LEVELS = 8;

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

function isButtonLike(element: Element): boolean {
  if (element.localName === 'button') return true;
  if (element.localName === 'input') return ['submit', 'button', 'image'].includes((element as HTMLInputElement).type);
  return element.getAttribute('role') === 'button';
}

function isDisabled(element: Element): boolean {
  return (element as HTMLButtonElement).disabled === true || element.getAttribute('aria-disabled') === 'true';
}

function normalizeLabel(label: string | null | undefined): string {
  return (label ?? '').replace(/\s+/g, ' ').trim().toLowerCase().replaceAll('ё', 'е');
}

/** Everything that may name the control: aria-label, aria-labelledby, title, its text or value. */
function labelsOf(element: Element): string[] {
  const labels = [element.getAttribute('aria-label'), element.getAttribute('title')];
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = element.getRootNode() as Document | ShadowRoot;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ');
    labels.push(text);
  }
  labels.push(element.localName === 'input' ? (element as HTMLInputElement).value : visibleText(element));
  return labels.map(normalizeLabel).filter((label) => label.length > 0 && label.length <= MAX_LABEL_LENGTH);
}

/** Text content without `aria-hidden` parts (icons, keyboard hints drawn as glyphs). */
function visibleText(element: Element): string {
  let text = '';
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 3) text += (child as Text).data;
    else if (isElement(child) && child.getAttribute('aria-hidden') !== 'true') text += visibleText(child);
  }
  return text;
}

export function saysSend(element: Element): boolean {
  return labelsOf(element).some((label) => SEND_LABEL.test(label));
}

/** The form an element belongs to, walking out of shadow roots (a contenteditable has no `.form`). */
export function formOf(element: Element): HTMLFormElement | null {
  const own = (element as HTMLInputElement).form;
  if (own) return own;
  for (let node = composedParentAcrossFrames(element); node; node = composedParentAcrossFrames(node)) {
    if (node.localName === 'form') return node as HTMLFormElement;
  }
  return null;
}

/** Same form, or a common ancestor at most NEAR_LEVELS above the box (never a `body`: that is the whole page). */
export function isNear(control: Element, box: Element): boolean {
  const controlForm = formOf(control);
  if (controlForm && controlForm === formOf(box)) return true;
  const ancestors = new Set<Element>();
  for (let node: Element | null = control; node; node = composedParentAcrossFrames(node)) ancestors.add(node);
  let level = 0;
  for (
    let node = composedParentAcrossFrames(box);
    node && level < NEAR_LEVELS;
    node = composedParentAcrossFrames(node)
  ) {
    // A body or html holds the whole page (or a whole frame, whose body may be the box itself).
    if (node.localName === 'body' || node.localName === 'html') continue;
    if (ancestors.has(node)) return true;
    level++;
  }
  return false;
}

/**
 * The send control a click went to, from the event's composed path, or null. The first button-like
 * element on the path decides (an icon inside a button counts as the button); a control inside the box
 * itself (a mention chip, an inline widget) never does.
 */
export function findSendControl(
  path: readonly EventTarget[],
  box: Element,
  location: Location,
  known: readonly KnownSendControl[] = KNOWN_SEND_CONTROLS,
): Element | null {
  const sites = known.filter((entry) => entry.matches(location));
  for (const target of path) {
    if (!isElement(target)) continue;
    if (target === box) return null;
    for (const entry of sites) {
      if (target.matches(entry.selector) && !isDisabled(target)) {
        return target.closest(entry.scope)?.contains(box) ? target : null;
      }
    }
    if (!isButtonLike(target)) continue;
    if (isDisabled(target) || !saysSend(target)) return null;
    return isNear(target, box) ? target : null;
  }
  return null;
}
