import { defineMessages } from '../i18n';
import { createOwnUiHost } from './own-ui-host';
import { FRAME_HOST_BACKGROUND } from './themed-css';

const t = defineMessages({ ru: { name: 'Суфлёр' }, en: { name: 'Sufler' } });

export interface PickerHostOptions {
  /** `browser.runtime.getURL('/picker.html')`. */
  frameUrl: string;
  /** The token the background expects, which the picker page claims its place with. */
  frameName: string;
}

export interface PickerHost {
  readonly isOpen: boolean;
  /** Shows the list `height` px high at `caret` (top-viewport coordinates): below it, or above when it would not fit. */
  show(caret: DOMRect, height: number): void;
  hide(): void;
  destroy(): void;
}

export const PICKER_WIDTH = 360;

/**
 * The inline picker's frame in the page: a closed shadow root holding the extension-origin picker page, as the
 * sidebar's frame (lib/agent/sidebar-host.ts), so the page can read neither the list nor the library behind it.
 * It is built hidden when the reply box is first focused (the frame loads and indexes the library meanwhile)
 * and only moved and shown at the caret when the agent types the trigger. Hidden, it is `visibility: hidden`
 * and inert: out of the accessibility tree, unfocusable. Shown, it still takes no pointer or focus: the caret
 * stays in the reply box, and the list is driven by the agent's keys only.
 */
export function createPickerHost(doc: Document, options: PickerHostOptions): PickerHost {
  const { host, shadow } = createOwnUiHost(doc, 'picker', HOST_CSS, 'closed');
  const frame = doc.createElement('iframe');
  frame.name = options.frameName;
  frame.src = options.frameUrl;
  frame.title = t.name;
  frame.tabIndex = -1;
  shadow.append(frame);
  host.hidden = true;
  host.inert = true;
  doc.documentElement.append(host);
  let isOpen = false;

  return {
    get isOpen() {
      return isOpen;
    },
    show(caret, height) {
      const view = doc.defaultView;
      const viewportWidth = view?.innerWidth ?? PICKER_WIDTH;
      const viewportHeight = view?.innerHeight ?? height;
      const below = caret.bottom + 4;
      const top = below + height <= viewportHeight || caret.top - height - 4 < 0 ? below : caret.top - height - 4;
      const left = Math.max(0, Math.min(caret.left, viewportWidth - PICKER_WIDTH - 8));
      host.style.setProperty('--top', `${Math.round(top)}px`);
      host.style.setProperty('--left', `${Math.round(left)}px`);
      host.style.setProperty('--height', `${height}px`);
      host.hidden = false;
      host.inert = false;
      isOpen = true;
    },
    hide() {
      host.hidden = true;
      host.inert = true;
      isOpen = false;
    },
    destroy() {
      host.remove();
      isOpen = false;
    },
  };
}

const HOST_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  top: var(--top, 0) !important;
  left: var(--left, 0) !important;
  width: ${PICKER_WIDTH}px !important;
  height: var(--height, 0) !important;
  z-index: 2147483646 !important;
  display: block !important;
  pointer-events: none !important;
  border-radius: 8px !important;
  overflow: hidden !important;
  box-shadow: 0 4px 16px rgb(0 0 0 / 22%) !important;
}
:host([hidden]) { visibility: hidden !important; }
iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
${FRAME_HOST_BACKGROUND}`;
