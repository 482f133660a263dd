import type { ReplyBox } from '../reply-box';
import type { BoxSnapshot } from '../verify-insert';

/** Names are stable: the sidebar logs them with usage, tests assert them. */
export type InsertStrategyId =
  | 'text-control-exec-command'
  | 'text-control-value-setter'
  | 'block-editor-line-breaks'
  | 'synthetic-paste'
  | 'contenteditable-exec-command'
  | 'range-insert';

/** What one attempt did, and how to take it back if verification says it landed wrong. */
export interface InsertAttempt {
  /** Reverts this attempt; resolves when done or when it could do no more (the caller re-checks). */
  undo(before: BoxSnapshot): Promise<void>;
}

/**
 * One way of putting text into a reply box. Each strategy module declares which editors it is for, why
 * (an observation or a link), and which fixture page proves it (test/fixtures/pages/editors/).
 */
export interface InsertStrategy {
  id: InsertStrategyId;
  /** Editors this strategy is for, for people reading the chain. */
  editors: string;
  /** Why it works there. */
  why: string;
  /** Fixture pages under test/fixtures/pages/editors/ that prove it. */
  fixtures: string[];
  appliesTo(box: ReplyBox): boolean;
  /** Called with the box focused and the saved selection restored. */
  insert(box: ReplyBox, text: string): Promise<InsertAttempt> | InsertAttempt;
}

/**
 * Lets the editor react: ProseMirror and Quill read DOM changes in MutationObserver callbacks, Lexical commits
 * in a microtask, several editors sync their selection on the (asynchronous) `selectionchange` event. Two
 * macrotask turns cover all of them; requestAnimationFrame is avoided because it stalls in hidden tabs.
 */
export function settle(box: ReplyBox): Promise<void> {
  const win = box.ownerDocument.defaultView ?? globalThis;
  return new Promise((done) => win.setTimeout(() => win.setTimeout(done, 0), 0));
}
