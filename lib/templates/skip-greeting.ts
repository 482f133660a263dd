/**
 * An insert right after the agent's own greeting must not greet again («Анна, добрый день! Анна, мне очень
 * жаль…», issue 15). When the draft already greets, the template goes in without its opening greeting
 * sentence («Здравствуйте, Анна!») and without a leading address to a name the draft's greeting already
 * used («Анна, мне очень жаль» → «Мне очень жаль»). A template marks its greeting by opening with one: no
 * schema field, so every existing pack and sheet works. Pure: the draft text and the rendered template.
 */
const GREETING =
  /(?:^|[^\p{L}])(?:здравствуй(?:те)?|добр(?:ый|ое|ого)\s+(?:день|утро|вечер|дня|утра|вечера)|привет(?:ствую)?|доброго времени суток)(?![\p{L}])/iu;

/** The template's opening sentence, when it greets: up to its first «!», «.» or line break. */
const OPENING_SENTENCE = /^\s*[^!.\n]*[!.]?[ \t]*\n?\s*/u;

export function greets(text: string): boolean {
  return GREETING.test(text.slice(0, 160));
}

export function withoutRepeatedGreeting(draft: string, text: string): { text: string; skipped: boolean } {
  if (!greets(draft)) return { text, skipped: false };
  let rest = text;
  const opening = OPENING_SENTENCE.exec(rest)?.[0] ?? '';
  if (opening && greets(opening) && opening.length < rest.length) rest = rest.slice(opening.length);
  // «Анна, мне очень жаль»: the address repeats the name the agent's own greeting already used.
  const address = /^([\p{Lu}][\p{L}-]+),\s+/u.exec(rest);
  if (address && new RegExp(`(?:^|[^\\p{L}])${address[1]}(?![\\p{L}])`, 'u').test(draft)) {
    rest = rest.slice(address[0].length);
  }
  if (rest === text) return { text, skipped: false };
  return { text: rest.charAt(0).toLocaleUpperCase('ru') + rest.slice(1), skipped: true };
}
