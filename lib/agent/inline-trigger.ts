import type { InlineTrigger } from '../model';

/**
 * The inline trigger: what the agent types in the reply box to open the template picker or expand a
 * shortcut without leaving the text. Pure string logic, so it is unit-tested without a page.
 *
 * - `/` (the default): «/» at the start of a word. On the ЙЦУКЕН layout the «/» key (right of «ю») types
 *   «.», so «.» at the start of a word followed by a letter counts too: «.возврат» is «/возврат» typed in
 *   Russian. A «.» that follows a letter (the end of a sentence, «т.е.») never triggers, and «. » (a dot and
 *   a space) does not either, so ordinary Russian text is unaffected.
 * - `;;`: for chats that use «/» for their own commands (Telegram bots, Slack). «;» is on both layouts
 *   (Shift+4 on ЙЦУКЕН), so it needs no alias.
 * - `off`: nothing is ever triggered on that site.
 */

export const INLINE_TRIGGERS: readonly InlineTrigger[] = ['/', ';;', 'off'];
export const DEFAULT_INLINE_TRIGGER: InlineTrigger = '/';

/** A query longer than this is ordinary text, not a search. */
export const MAX_QUERY_LENGTH = 40;

export interface ActiveTrigger {
  /** Offset of the trigger token in the text given to `findTrigger`. */
  start: number;
  /** The token as typed: «/», «.» or «;;». */
  token: string;
  /** What follows the token up to the caret. */
  query: string;
}

const TOKENS: Record<Exclude<InlineTrigger, 'off'>, readonly string[]> = { '/': ['/', '.'], ';;': [';;'] };
/** A token at the start of the text or after one of these is at a word start. */
const WORD_START = /[\s\u00A0([{«"'„“]/;
const LETTER = /[a-zа-яё]/i;

/**
 * The per-keystroke check while no trigger is active: whether the typed `data` could begin one. Only this
 * runs on every keystroke; everything else waits until it says yes.
 */
export function mayBeginTrigger(data: string | null, trigger: InlineTrigger): boolean {
  if (!data || trigger === 'off') return false;
  const last = data[data.length - 1];
  return trigger === '/' ? last === '/' || last === '.' : last === ';';
}

/**
 * The trigger the caret is in: the nearest token at a word start before the caret, with the query between
 * them. `before` is the text up to the caret (a few dozen characters suffice). Null when there is none, when
 * the query crosses a line, grows past MAX_QUERY_LENGTH, starts with a space, or (for the «.» alias) does
 * not start with a letter.
 */
export function findTrigger(before: string, trigger: InlineTrigger): ActiveTrigger | null {
  if (trigger === 'off') return null;
  const tokens = TOKENS[trigger];
  const floor = Math.max(0, before.length - MAX_QUERY_LENGTH - 2);
  for (let at = before.length - 1; at >= floor; at--) {
    const char = before[at];
    if (char === '\n' || char === '\r') return null;
    for (const token of tokens) {
      if (!before.startsWith(token, at)) continue;
      if (at > 0 && !WORD_START.test(before[at - 1])) continue;
      const query = before.slice(at + token.length).replace(/\u00A0/g, ' ');
      if (query.length > MAX_QUERY_LENGTH || /^\s/.test(query) || /\s\s/.test(query)) return null;
      // «/» inside the query is a path or a date, not a search; «..» an ellipsis.
      if (query.includes('/') || query.includes(tokens[0])) return null;
      if (token === '.' && !LETTER.test(query[0] ?? '')) return null;
      return { start: at, token, query };
    }
  }
  return null;
}

/** The trigger in force on a site: its own choice, else the default. */
export function triggerForSite(sites: Readonly<Record<string, InlineTrigger>> | undefined, origin: string) {
  return sites?.[origin] ?? DEFAULT_INLINE_TRIGGER;
}
