import type { InlineTrigger } from '../model';
import type { InlineInsert } from './inline-insert';
import { mayBeginTrigger } from './inline-trigger';

export interface InlineListenerDeps {
  /** The trigger in force on this site; `off` makes every keystroke a no-op. */
  trigger(): InlineTrigger;
  /** Loads the on-demand half (lib/agent/inline-insert.ts, in the agent UI); the picker frame reloads its library by itself on changes. */
  load(): Promise<InlineInsert>;
}

export interface InlineListener {
  /** Listens in this window too (a same-origin editor frame the reply-box tracker follows). */
  watch(win: Window): void;
  /**
   * A reply box was focused: at the next idle moment, load the on-demand half and let it prepare the picker
   * frame, so the first «/» finds the library loaded and indexed. Typing never pays for it.
   */
  prepare(): void;
}

/**
 * The always-on half of inline insert: window listeners in the capture phase, registered at document_start
 * before the send guard and before any page listener, so a key the picker takes never reaches them. Idle,
 * a keystroke costs one character check (`mayBeginTrigger`); the first character that may begin a trigger
 * loads the rest (if `prepare` has not already), which is then handed every event until it is idle again.
 */
export function listenInline(signal: AbortSignal, deps: InlineListenerDeps): InlineListener {
  let inline: InlineInsert | null = null;
  let loading: Promise<InlineInsert> | null = null;
  const watched = new WeakSet<Window>();

  const load = () => {
    if (!loading) {
      const current = deps.load().then((loaded) => {
        inline = loaded;
        return loaded;
      });
      current.catch(() => {
        if (loading === current) loading = null;
      });
      loading = current;
    }
    return loading;
  };

  const onBeforeInput = (event: Event) => {
    const { data, isTrusted, isComposing } = event as InputEvent;
    // Idle, this is all a keystroke costs: our own UI opens on the agent's typing only, never mid-composition.
    if (!isTrusted || isComposing || (!inline?.busy && !mayBeginTrigger(data, deps.trigger()))) return;
    const path = event.composedPath();
    if (inline) return inline.beforeInput(data, path);
    // The editor applies the character meanwhile; the check reads the text after it anyway.
    void load()
      .then((loaded) => {
        if (inline === loaded) loaded.beforeInput(data, path);
      })
      .catch(() => undefined);
  };
  const onKeyDown = (event: Event) => inline?.busy && inline.keyDown(event as KeyboardEvent);
  const onKeyUp = (event: Event) => inline?.keyUp(event as KeyboardEvent);
  const onFocusOut = (event: Event) => inline?.busy && inline.focusOut(event as FocusEvent);

  const watch = (win: Window) => {
    if (watched.has(win)) return;
    watched.add(win);
    const capture = { capture: true, signal };
    win.addEventListener('beforeinput', onBeforeInput, capture);
    win.addEventListener('keydown', onKeyDown, capture);
    win.addEventListener('keyup', onKeyUp, capture);
    win.addEventListener('focusout', onFocusOut, capture);
  };
  watch(window);
  signal.addEventListener('abort', () => inline?.destroy(), { once: true });
  let prepared = false;
  return {
    watch,
    prepare() {
      if (prepared || deps.trigger() === 'off') return;
      prepared = true;
      const idle = (run: () => void) =>
        typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2_000 }) : setTimeout(run, 200);
      idle(
        () =>
          void load()
            .then((loaded) => loaded.prepare())
            .catch(() => {
              prepared = false;
            }),
      );
    },
  };
}
