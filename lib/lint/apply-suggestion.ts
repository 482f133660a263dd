import type { Finding } from '../model';

/**
 * The draft with a finding's span replaced by one of its suggestions (the first by default), the
 * suggestion's first letter following the case of the replaced text: «К сожалению, ничем не могу помочь»
 * becomes «К сожалению, я передам …», while «Ничем не могу помочь.» becomes «Я передам ….».
 */
export function applySuggestion(text: string, finding: Finding, index = 0): string {
  const edit = suggestionEdit(text, finding, index);
  return edit ? text.slice(0, edit.start) + edit.text + text.slice(edit.end) : text;
}

/**
 * What one click on a suggestion does: the range it replaces (the finding's span, or the wider range in
 * `finding.replaces`) and the text it puts there, in the case of what it replaces. Null when there is no
 * such suggestion.
 */
export function suggestionEdit(
  text: string,
  finding: Finding,
  index = 0,
): { start: number; end: number; text: string } | null {
  const suggestion = finding.suggestions[index];
  if (suggestion === undefined) return null;
  const { start, end } = finding.replaces?.[index] ?? finding;
  return { start, end, text: matchCase(text.slice(start, end), suggestion) };
}

/** Gives `replacement` the case of the first letter of `original`; «[Имя]»-style starts are left alone. */
export function matchCase(original: string, replacement: string): string {
  const first = original.match(/\p{L}/u)?.[0];
  const head = replacement[0];
  if (!first || !head || !/\p{L}/u.test(head)) return replacement;
  const lower = first === first.toLowerCase() && first !== first.toUpperCase();
  return (lower ? head.toLowerCase() : head.toUpperCase()) + replacement.slice(1);
}
