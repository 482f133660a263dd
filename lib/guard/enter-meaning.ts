import { isTextArea, isTextInput, type ReplyBox } from '../editor/reply-box';

/** What a plain Enter does in a reply box: sends the draft, or makes a new line. */
export type EnterMeaning = 'send' | 'newline';

/** Size and line count of a draft: what an Enter changed, read without layout. */
export interface DraftMeasure {
  length: number;
  lines: number;
}

/**
 * What one plain Enter that the guard let through (or replayed) taught: the draft shrank → the page sent it;
 * a line appeared → a new line; the page prevented the key and nothing changed → a send the page handles
 * later (it may empty the box after an await). Otherwise nothing is learnt. Pure.
 */
export function settleEnterMeaning(
  before: DraftMeasure,
  after: DraftMeasure,
  prevented: boolean,
): EnterMeaning | undefined {
  if (after.length < before.length) return 'send';
  if (after.lines > before.lines) return 'newline';
  if (prevented) return 'send';
  return undefined;
}

/** The words a page uses to tell the agent its keys: placeholder, label, title, shortcut hints. */
export interface EnterHints {
  /** `<input>`: Enter submits natively. */
  singleLine: boolean;
  /** The `enterkeyhint` attribute (what a virtual keyboard's Enter key says). */
  enterKeyHint: string;
  /** `aria-multiline` of a rich editor's textbox role, if set. */
  ariaMultiline: string | null;
  /** Placeholder, aria-label, title, aria-keyshortcuts, the text of aria-describedby: lower-cased, joined. */
  text: string;
  /** A textarea in a form with a submit button: the form sends through its button (helpdesk ticket forms). */
  inFormWithSubmit: boolean;
}

const MOD_ENTER = /(ctrl|control|cmd|command|⌘|meta)\s*\+?\s*(enter|↵|⏎)/;
const SHIFT_ENTER = /shift\s*\+?\s*(enter|↵|⏎)/;
const ENTER_SENDS = /(^|[^+\w])(enter|↵|⏎)\s*(—|-|–|:|to|чтобы)?\s*(send|отправ)/;

/**
 * What a plain Enter means in a box before the first press, from what the page says about it. Pure:
 * `undefined` when the page says nothing (then the guard holds the first dirty Enter, and learns).
 * - `<input>`: send (implicit submission).
 * - `enterkeyhint="send"` → send; `enterkeyhint="enter"` → new line.
 * - The page's hint text: «Ctrl+Enter — отправить» → Enter is a new line; «Shift+Enter — новая строка» or
 *   «Enter — отправить» → Enter sends.
 * - A rich editor's `aria-multiline="false"` → send (`"true"` says nothing: editor libraries set it by default).
 * - A textarea in a form with a submit button (helpdesk ticket forms): a new line — browsers never submit a
 *   form on a textarea's Enter, and these forms send with the button or Ctrl+Enter.
 */
export function guessEnterMeaning(hints: EnterHints): EnterMeaning | undefined {
  if (hints.singleLine) return 'send';
  const keyHint = hints.enterKeyHint.toLowerCase();
  if (keyHint === 'send') return 'send';
  if (keyHint === 'enter') return 'newline';
  const text = hints.text.toLowerCase();
  if (MOD_ENTER.test(text)) return 'newline';
  if (SHIFT_ENTER.test(text) || ENTER_SENDS.test(text)) return 'send';
  // Only "false" says something: editors (Slate, CKEditor 4, MediumEditor) set "true" by default, chat or not.
  if (hints.ariaMultiline === 'false') return 'send';
  if (hints.inFormWithSubmit) return 'newline';
  return undefined;
}

/** Reads the hints off the box (DOM, no layout). */
export function enterHintsOf(box: ReplyBox): EnterHints {
  const described = (box.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => (box.getRootNode() as Document | ShadowRoot).getElementById?.(id)?.textContent ?? '')
    .join(' ');
  const text = [
    box.getAttribute('placeholder'),
    box.getAttribute('aria-placeholder'),
    box.getAttribute('aria-label'),
    box.getAttribute('title'),
    box.getAttribute('aria-keyshortcuts'),
    box.getAttribute('aria-description'),
    described,
  ]
    .filter(Boolean)
    .join(' ');
  const form = isTextArea(box) ? box.form : null;
  const inFormWithSubmit = !!form?.querySelector('button:not([type]), button[type=submit], input[type=submit]');
  return {
    singleLine: isTextInput(box),
    enterKeyHint: box.getAttribute('enterkeyhint') ?? '',
    ariaMultiline: box.getAttribute('aria-multiline'),
    text,
    inFormWithSubmit,
  };
}

/** Size and line count of the draft, cheap enough for one keystroke (no layout). */
export function measureDraft(box: ReplyBox): DraftMeasure {
  if (isTextArea(box) || isTextInput(box)) {
    return { length: box.value.length, lines: box.value.split('\n').length };
  }
  const text = box.textContent ?? '';
  return { length: text.length, lines: box.querySelectorAll('br, p, div, li').length + text.split('\n').length };
}

/**
 * Per box: what its Enter means, as guessed from its hints or learnt from the Enters the guard let through.
 * A learnt meaning beats a guess (the page showed what it does).
 */
export interface EnterMeanings {
  of(box: ReplyBox): EnterMeaning | undefined;
  /** Whether the meaning was learnt from a press (not only guessed). */
  learnt(box: ReplyBox): boolean;
  learn(box: ReplyBox, before: DraftMeasure, prevented: boolean): void;
  /** The agent said so (the dialog's «Новая строка»). */
  set(box: ReplyBox, meaning: EnterMeaning): void;
}

export function createEnterMeanings(): EnterMeanings {
  const learnt = new WeakMap<ReplyBox, EnterMeaning>();
  const meanings: EnterMeanings = {
    of(box) {
      if (isTextInput(box)) return 'send';
      return learnt.get(box) ?? guessEnterMeaning(enterHintsOf(box));
    },
    learnt: (box) => isTextInput(box) || learnt.has(box),
    learn(box, before, prevented) {
      if (meanings.learnt(box) || !box.isConnected) return;
      const meaning = settleEnterMeaning(before, measureDraft(box), prevented);
      if (meaning) learnt.set(box, meaning);
    },
    set(box, meaning) {
      learnt.set(box, meaning);
    },
  };
  return meanings;
}
