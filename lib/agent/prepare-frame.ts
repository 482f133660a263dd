/**
 * Own-UI frames made before they are asked for (issue 19), so that the first open shows a frame that has
 * already loaded instead of paying for a new extension page and its scripts after the click.
 *
 * The rules for a prepared frame (SECURITY.md, «The sidebar frame must be ours») are the same as for an
 * opened one, plus three of its own, kept here so that every frame we prepare (the sidebar, an inline
 * picker) follows them:
 *
 * - **Only where the agent works**: nothing is prepared until the agent's own action asks for it (the
 *   caller calls `prepareAtIdle` on a focus with user activation, never on a page's `focus()`), so pages
 *   where no reply box was ever focused get no frame.
 * - **At idle**: creation waits for `requestIdleCallback`, so it never lands inside a keystroke or the
 *   page's own start-up; afterwards the frame is out of process and costs the page nothing while the
 *   agent types (the coach bench shows it).
 * - **Invisible and inert until opened**: the host is `hidden` (invisible, enforced `!important` from
 *   inside its shadow root: the sidebar's is `visibility: hidden` off-screen, the picker's `visibility:
 *   hidden`, so both keep their layout) and `inert` (no focus, no pointer, out of the accessibility tree).
 *   `guardInertHost` watches those two attributes: a page that strips them from a frame the agent has not
 *   opened (to show it under a decoy and clickjack it) loses the frame; it is built again when the agent
 *   really opens it.
 */

export interface Preparation<T> {
  /** Creates the thing at the next idle moment, once; does nothing if it exists or is on its way. */
  prepareAtIdle(): void;
  /** The prepared thing, or a new one now if none was prepared (or preparing is switched off). */
  take(): Promise<T>;
  /** Forgets the current one (it was torn down); the next `take` or `prepareAtIdle` creates another. */
  reset(): void;
  /** Whether one exists or is being created. */
  readonly started: boolean;
}

export interface PreparationOptions {
  /** `false` turns preparing off: `take` creates on demand, as before issue 19 (the bench's baseline). */
  enabled?: boolean;
  /** How long idle may wait at most before creating anyway (ms). */
  idleTimeout?: number;
  signal?: AbortSignal;
}

export function prepareOnce<T>(
  view: Window,
  create: () => Promise<T>,
  options: PreparationOptions = {},
): Preparation<T> {
  const { enabled = true, idleTimeout = 2000, signal } = options;
  let pending: Promise<T> | null = null;
  let idle = 0;

  const cancelIdle = () => {
    if (idle) (view.cancelIdleCallback ?? view.clearTimeout).call(view, idle);
    idle = 0;
  };
  signal?.addEventListener('abort', cancelIdle, { once: true });

  const start = () => {
    cancelIdle();
    pending ??= create().catch((error) => {
      // A failed creation (the worker restarting, the frame navigating) is tried again on the next ask.
      pending = null;
      throw error;
    });
    return pending;
  };

  return {
    prepareAtIdle() {
      if (!enabled || pending || idle || signal?.aborted) return;
      const run = () => {
        idle = 0;
        if (!signal?.aborted) void start().catch(() => undefined);
      };
      idle = view.requestIdleCallback
        ? view.requestIdleCallback(run, { timeout: idleTimeout })
        : view.setTimeout(run, 200);
    },
    take: start,
    reset() {
      cancelIdle();
      pending = null;
    },
    get started() {
      return pending !== null || idle !== 0;
    },
  };
}

/**
 * Keeps a prepared host `hidden` and `inert` while `isOpen()` is false, and calls `onTamper` (the caller
 * tears the frame down) when anything else removes either attribute. Returns a function that stops watching.
 */
export function guardInertHost(host: HTMLElement, isOpen: () => boolean, onTamper: () => void): () => void {
  const Observer = host.ownerDocument.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new Observer(() => {
    if (!isOpen() && (!host.hidden || !host.inert)) {
      observer.disconnect();
      onTamper();
    }
  });
  observer.observe(host, { attributes: true, attributeFilter: ['hidden', 'inert'] });
  return () => observer.disconnect();
}
