import { defineMessages } from '../i18n';
import { SIDEBAR_WIDTH } from '../model';
import { createOwnUiHost } from './own-ui-host';
import { guardInertHost } from './prepare-frame';
import { FRAME_HOST_BACKGROUND } from './themed-css';

const t = defineMessages({
  ru: { resize: 'Потяните, чтобы изменить ширину', name: 'Суфлёр' },
  en: { resize: 'Drag to change the width', name: 'Sufler' },
});

export interface SidebarHostOptions {
  /** URL of the extension's sidebar page (`browser.runtime.getURL('/sidebar.html')`). */
  frameUrl: string;
  /** The frame's name: the token the background issued, which the sidebar page claims its tab with. */
  frameName: string;
  width: number;
  onWidthChange(width: number): void;
  /** The reply box to keep uncovered, when there is one. */
  replyBox(): Element | null;
  /**
   * The page unhid the frame while the agent had it closed (or never opened it): the frame is removed
   * and this host is done; the caller makes a new one, with a new token, for the next open.
   */
  onTamper(): void;
}

export interface SidebarHost {
  readonly isOpen: boolean;
  /** Whether the agent is working in the sidebar right now. */
  readonly hasFocus: boolean;
  /**
   * Builds the frame now, hidden and inert (lib/agent/prepare-frame.ts), so that the first open shows a
   * page that has loaded already.
   */
  prepare(): void;
  /** Shows the sidebar; with `focus`, also moves the keyboard focus into it (the agent asked for it). */
  open(options?: { focus?: boolean }): void;
  close(): void;
  destroy(): void;
}

/**
 * The sidebar's frame in the page: a closed shadow root holding an extension-origin iframe.
 *
 * Why an iframe inside the shadow root rather than React straight in the shadow root: page scripts can
 * neither read the library shown in it (cross-origin) nor receive its keystrokes (they never leave the
 * frame, so a helpdesk's shortcuts stay silent while the agent types a query), and hostile page CSS stops
 * at the shadow boundary — `:host` rules marked !important beat even `* { all: unset !important }`.
 * It is created on first open, or prepared ahead of it (hidden and inert) once the agent has focused a
 * reply box (start-agent.ts), so pages where the agent never works in a reply box stay light.
 */
export function createSidebarHost(doc: Document, options: SidebarHostOptions): SidebarHost {
  let width = clampWidth(options.width);
  let host: HTMLElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  let isOpen = false;
  /** Focus asked for before the frame finished loading: a frame that is not loaded yet cannot keep it. */
  let focusOnLoad = false;
  let loaded = false;
  let pushedMargin: string | null = null;
  let stopGuard: (() => void) | null = null;

  const build = () => {
    const { host: element, shadow } = createOwnUiHost(doc, 'sidebar', HOST_CSS, 'closed');
    // Closed is hidden and inert; open() lifts both. Hidden is not `display: none`: the frame keeps its size
    // and its layout, so opening only moves it into view (issue 19: a frame without a box had to receive its
    // size, lay out, measure its list and render the visible options after the click). It is invisible,
    // off-screen to the right (so the frame's own IntersectionObserver sees it unshown, use-shown.ts) and
    // inert (no focus, no pointer, out of the accessibility tree).
    element.hidden = true;
    element.inert = true;
    const handle = doc.createElement('div');
    handle.className = 'resize';
    handle.title = t.resize;
    frame = doc.createElement('iframe');
    // The name is set before the source, so the sidebar page's first script already reads it.
    frame.name = options.frameName;
    frame.src = options.frameUrl;
    frame.title = t.name;
    frame.allow = 'clipboard-write';
    frame.addEventListener('load', () => {
      loaded = true;
      if (focusOnLoad && isOpen) focusFrame();
      focusOnLoad = false;
    });
    shadow.append(handle, frame);
    startResizing(handle, frame);
    doc.documentElement.append(element);
    // A window made narrower or wider may need another layout (push ↔ overlay ↔ sheet).
    doc.defaultView?.addEventListener('resize', () => {
      if (isOpen) applyLayout();
    });
    stopGuard = guardInertHost(
      element,
      () => isOpen,
      () => {
        stopGuard = null;
        element.remove();
        options.onTamper();
      },
    );
    return element;
  };

  const startResizing = (handle: HTMLElement, frame: HTMLIFrameElement) => {
    handle.addEventListener('pointerdown', (down) => {
      if (!down.isTrusted) return;
      handle.setPointerCapture(down.pointerId);
      // The iframe would swallow pointer events mid-drag.
      frame.style.pointerEvents = 'none';
      const move = (event: PointerEvent) => {
        width = clampWidth(doc.documentElement.clientWidth - event.clientX);
        applyLayout();
      };
      const up = () => {
        frame.style.pointerEvents = '';
        handle.removeEventListener('pointermove', move);
        options.onWidthChange(width);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up, { once: true });
    });
  };

  /** The element alone is not enough for an out-of-process frame: its window must take the focus too. */
  const focusFrame = () => {
    frame?.focus();
    frame?.contentWindow?.focus();
  };

  /**
   * Where the sidebar goes, decided on each open, window resize and drag (never on the typing path):
   *
   * - **push**: docked right, the page pushed aside by a right margin — when the pushed page still gives
   *   the reply box a usable width (MIN_BOX) and moves it out from under the sidebar (fluid layouts, wide
   *   windows: 1920, 1366);
   * - otherwise the page keeps its full width and the sidebar **overlays** the side away from the reply box
   *   (left over a helpdesk's navigation and queue at 900 px, or right), narrowed to the free strip when that
   *   strip is at least the minimum width;
   * - **sheet**: no side has room (a phone-width window, 480 px): full width over the top of the page, down
   *   to just above the reply box.
   *
   * Pushing and covering are never combined: a page squeezed by the margin and then covered as well is the
   * worst of both (the bug in issue 15: docked left over the navigation while still pushing).
   */
  const applyLayout = () => {
    if (!host) return;
    const root = doc.documentElement;
    const viewport = root.clientWidth;
    const side = Math.min(width, Math.max(SIDEBAR_WIDTH.min, viewport - MIN_PAGE_STRIP));
    pushedMargin ??= root.style.getPropertyValue('margin-right');
    root.style.setProperty('margin-right', `${side}px`, 'important');
    const reply = options.replyBox();
    const pushed = visibleRect(reply);
    const pushFits = pushed
      ? pushed.width >= MIN_BOX && pushed.right <= viewport - side + 1
      : viewport - side >= MIN_PAGE_WITHOUT_BOX;
    if (pushFits) return setLayout('push', side);

    root.style.setProperty('margin-right', pushedMargin);
    const box = visibleRect(reply);
    if (!box) return setLayout('overlay-right', side);
    const left = Math.floor(box.left - GAP);
    const right = Math.floor(viewport - box.right - GAP);
    if (left >= SIDEBAR_WIDTH.min && left >= right) return setLayout('overlay-left', Math.min(side, left));
    if (right >= SIDEBAR_WIDTH.min) return setLayout('overlay-right', Math.min(side, right));
    setLayout('sheet', viewport, Math.max(MIN_SHEET_HEIGHT, Math.floor(box.top - GAP)));
  };

  const setLayout = (layout: SidebarLayout, sideWidth: number, sheetHeight?: number) => {
    if (!host) return;
    host.dataset.layout = layout;
    host.style.setProperty('--sufler-width', `${sideWidth}px`);
    if (sheetHeight === undefined) host.style.removeProperty('--sufler-height');
    else host.style.setProperty('--sufler-height', `${sheetHeight}px`);
  };

  const restorePage = () => {
    if (pushedMargin === null) return;
    doc.documentElement.style.setProperty('margin-right', pushedMargin);
    pushedMargin = null;
  };

  return {
    get isOpen() {
      return isOpen;
    },
    get hasFocus() {
      return isOpen && host !== null && doc.activeElement === host;
    },
    prepare() {
      host ??= build();
    },
    open({ focus = true } = {}) {
      host ??= build();
      focusOnLoad = focus && !loaded;
      // A page that re-renders its whole document may have dropped the host while it waited.
      if (!host.isConnected) doc.documentElement.append(host);
      isOpen = true;
      host.hidden = false;
      host.inert = false;
      applyLayout();
      // The sidebar page moves the focus on to its search box when its window gains focus.
      if (focus) focusFrame();
    },
    close() {
      isOpen = false;
      if (host) {
        host.hidden = true;
        host.inert = true;
      }
      restorePage();
    },
    destroy() {
      stopGuard?.();
      stopGuard = null;
      restorePage();
      host?.remove();
      host = null;
      isOpen = false;
    },
  };
}

/** How the open sidebar sits in the page (the host's `data-layout`; see `applyLayout`). */
export type SidebarLayout = 'push' | 'overlay-left' | 'overlay-right' | 'sheet';

/** Narrower than this a reply box wraps every few words: pushing the page further is not worth it. */
const MIN_BOX = 320;
/** Without a reply box to measure: the page width below which pushing squeezes a helpdesk's columns. */
const MIN_PAGE_WITHOUT_BOX = 760;
/** The sidebar never takes the whole window: this much of the page stays in sight beside it. */
const MIN_PAGE_STRIP = 120;
/** Clearance kept between the sidebar and the reply box. */
const GAP = 8;
const MIN_SHEET_HEIGHT = 240;

function visibleRect(element: Element | null): DOMRect | null {
  const rect = element?.isConnected ? element.getBoundingClientRect() : null;
  return rect && rect.width > 0 && rect.height > 0 ? rect : null;
}

function clampWidth(width: number): number {
  return Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, width)));
}

const HOST_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  top: 0 !important;
  right: 0 !important;
  left: auto !important;
  width: var(--sufler-width, 380px) !important;
  height: 100vh !important;
  z-index: 2147483646 !important;
  display: block !important;
  box-shadow: -2px 0 12px rgb(0 0 0 / 18%) !important;
}
/* Closed or prepared: laid out at its size but out of sight (see build()). */
:host([hidden]) { visibility: hidden !important; transform: translateX(calc(100vw + 100%)) !important; }
:host([data-layout="overlay-left"]) { right: auto !important; left: 0 !important; }
:host([data-layout="sheet"]) {
  left: 0 !important; width: 100vw !important; height: var(--sufler-height, 60vh) !important;
  box-shadow: 0 2px 12px rgb(0 0 0 / 18%) !important;
}
:host([data-layout="overlay-left"]) .resize, :host([data-layout="sheet"]) .resize { display: none; }
iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: light; }
.resize { position: absolute; left: -3px; top: 0; width: 6px; height: 100%; cursor: ew-resize; }
${FRAME_HOST_BACKGROUND}`;
