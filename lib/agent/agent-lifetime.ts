export interface AgentLifetimeDeps {
  doc: Document;
  /** False once this copy of the script is orphaned (the extension was updated, reloaded or removed). */
  isExtensionAlive(): boolean;
  /** The DOM event a newly started copy of the script dispatches (WXT's `content-script-started`). */
  startedEvent: string;
}

const KEY = Symbol.for('sufler.agentLifetime');

/**
 * The agent's lifetime, which a page cannot end. WXT's content-script context stops a script when a DOM
 * event named after the extension id says a newer copy started; a page can dispatch that event too (the
 * id of a published extension is public), and WXT 0.21.4 — the newest — also posts it on `window` with
 * the id in it. So the agent does not use `ctx.signal`: it stops only when
 *
 * - a started event arrives and this copy's extension context is gone (`browser.runtime.id` is unset in
 *   an orphaned script: a real update, never a page's forgery), or
 * - a second copy starts in this same isolated world (injected again), which pages cannot reach.
 */
export function agentLifetime(deps: AgentLifetimeDeps): AbortSignal {
  const world = globalThis as { [KEY]?: AbortController };
  world[KEY]?.abort();
  const life = new AbortController();
  world[KEY] = life;
  deps.doc.addEventListener(
    deps.startedEvent,
    () => {
      if (!deps.isExtensionAlive()) life.abort();
    },
    { signal: life.signal },
  );
  return life.signal;
}
