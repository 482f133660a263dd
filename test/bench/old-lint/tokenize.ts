/**
 * Splits normalized text (see normalize-text.ts) into words and unfilled placeholders.
 *
 * A word is a run of letters and digits, with `-` or `'` allowed between two of them («из-за», «кто-то»).
 * A placeholder is `[…]` or `{{…}}` on one line, with a letter and no sentence punctuation inside: it becomes one opaque
 * token that no rule word or gap matches, so rule findings never hide it. `\[` is a literal bracket,
 * and `[text](url)` is a Markdown link, not a placeholder.
 *
 * Each token carries its sentence number: `!`, `?`, a full stop before a space, and a paragraph break end a
 * sentence, and no rule match crosses one.
 */
export interface Token {
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  /** The word as normalized; empty for a placeholder. */
  form: string;
  placeholder: boolean;
  sentence: number;
}

const MAX_PLACEHOLDER_CHARS = 80;
const OTHER_WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(text: string, code: number, index: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x430 && code <= 0x44f)) {
    return true;
  }
  if (code < 0xc0 || (code >= 0xd800 && code <= 0xdfff)) return false;
  return OTHER_WORD_CHAR.test(text[index]);
}

function isLetter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x430 && code <= 0x44f)) return true;
  return code >= 0xc0 && !(code >= 0xd800 && code <= 0xdfff) && /\p{L}/u.test(text[index]);
}

/** End (exclusive) of a placeholder opening at `start`, or -1. */
function placeholderEnd(text: string, start: number): number {
  if (start > 0 && text.charCodeAt(start - 1) === 0x5c) return -1; // `\[` is literal
  const double = text.startsWith('{{', start);
  if (!double && text[start] !== '[') return -1;
  const open = double ? 2 : 1;
  const close = double ? '}}' : ']';
  let letter = false;
  const limit = Math.min(text.length, start + open + MAX_PLACEHOLDER_CHARS);
  for (let i = start + open; i < limit; i++) {
    const char = text[i];
    if (text.startsWith(close, i)) {
      if (!letter) return -1;
      const end = i + close.length;
      if (!double && text[end] === '(') return -1; // Markdown link
      return end;
    }
    // A placeholder is a short name, never a sentence: `[. Ничем не могу помочь. ]` is text.
    if (
      char === '\n' ||
      char === '[' ||
      char === ']' ||
      char === '{' ||
      char === '}' ||
      char === '.' ||
      char === '!' ||
      char === '?'
    ) {
      return -1;
    }
    if (!letter && isLetter(text, i)) letter = true;
  }
  return -1;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isWordChar(text, code, i)) {
      const start = i;
      i++;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (isWordChar(text, c, i)) i++;
        else if ((c === 0x2d || c === 0x27) && i + 1 < length && isWordChar(text, text.charCodeAt(i + 1), i + 1))
          i += 2;
        else break;
      }
      tokens.push({ start, end: i, form: text.slice(start, i), placeholder: false, sentence });
      continue;
    }
    if (code === 0x5b || code === 0x7b) {
      const end = placeholderEnd(text, i);
      if (end > 0) {
        tokens.push({ start: i, end, form: '', placeholder: true, sentence });
        i = end;
        continue;
      }
    }
    if (code === 0x21 || code === 0x3f || code === 0x0a) sentence++;
    else if (code === 0x2e) {
      // A full stop ends a sentence; an ellipsis (a pause, often mid-sentence) or a dot inside «site.ru» or
      // «3.5» does not. An ellipsis followed by a full stop («помочь….») does.
      const next = text.charCodeAt(i + 1);
      let run = 1;
      while (text.charCodeAt(i - run) === 0x2e) run++;
      const last = next !== 0x2e;
      if (last && run !== 3 && (i + 1 >= length || next === 0x20 || next === 0x0a || next === 0x22)) sentence++;
    }
    i++;
  }
  return tokens;
}
