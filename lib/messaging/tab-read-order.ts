/**
 * The order of whole-library reads within one tab (issue 19). The agent prepares a tab's sidebar frame and its
 * inline picker frame on the same focus, and each reads the whole library from the background a page at a time
 * (lib/messaging/template-pages.ts). Side by side, both reads of a 10k library took twice as long as one alone:
 * the sidebar's ended ≈ 250 ms before a click 1.5 s after the focus, instead of ≈ 750 ms, and the picker was
 * ready (indexed) 2.7 s after the focus. The sidebar's read goes first: from the sidebar's claim until its last
 * page is answered, the tab's picker waits before each of its own pages. Measured in the same bench: the sidebar
 * has its library ≈ 700 ms before that click, and the picker is ready after 2.1 s. A sidebar that claims and
 * then stops reading (its frame torn down) holds the picker back at most `patienceMs` after its last page. The
 * state lives only in the worker's memory: a restarted worker orders nothing, which is only slower.
 */
export interface TabReadOrder {
  /** The tab's sidebar claimed its frame or asked for a page: the tab's picker pages wait. */
  sidebarReading(tabId: number | undefined): void;
  /** The tab's sidebar got its last page, or its read failed. */
  sidebarDone(tabId: number | undefined): void;
  /** Resolves when the tab's sidebar is not reading. */
  pickerTurn(tabId: number | undefined): Promise<void>;
}

export interface TabReadOrderOptions {
  patienceMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createTabReadOrder({
  patienceMs = 3_000,
  setTimer = setTimeout,
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: TabReadOrderOptions = {}): TabReadOrder {
  const reading = new Map<number, { timer: unknown; release: () => void; released: Promise<void> }>();

  const done = (tabId: number | undefined) => {
    const entry = tabId === undefined ? undefined : reading.get(tabId);
    if (!entry || tabId === undefined) return;
    reading.delete(tabId);
    clearTimer(entry.timer);
    entry.release();
  };

  return {
    sidebarReading(tabId) {
      if (tabId === undefined) return;
      let entry = reading.get(tabId);
      if (entry) clearTimer(entry.timer);
      else {
        let release = () => {};
        const released = new Promise<void>((resolve) => (release = resolve));
        entry = { timer: undefined, release, released };
        reading.set(tabId, entry);
      }
      entry.timer = setTimer(() => done(tabId), patienceMs);
    },
    sidebarDone: done,
    pickerTurn: (tabId) => (tabId === undefined ? undefined : reading.get(tabId)?.released) ?? Promise.resolve(),
  };
}
