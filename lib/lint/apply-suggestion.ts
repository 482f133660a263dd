import type { Finding } from '../model';

/**
 * The draft with a finding's span replaced by one of its suggestions (the first by default), the
 * suggestion's first letter following the case of the replaced text: «К сожалению, ничем не могу помочь»
 * becomes «К сожалению, я передам …», while «Ничем не могу помочь.» becomes «Я передам ….».
 */
export function applySuggestion(text: string, finding: Finding, index = 0): string {
  const suggestion = finding.suggestions[index];
  if (suggestion === undefined) return text;
  return (
    text.slice(0, finding.start) +
    matchCase(text.slice(finding.start, finding.end), suggestion) +
    text.slice(finding.end)
  );
}

/** Gives `replacement` the case of the first letter of `original`; «[Имя]»-style starts are left alone. */
export function matchCase(original: string, replacement: string): string {
  const first = original.match(/\p{L}/u)?.[0];
  const head = replacement[0];
  if (!first || !head || !/\p{L}/u.test(head)) return replacement;
  const lower = first === first.toLowerCase() && first !== first.toUpperCase();
  return (lower ? head.toLowerCase() : head.toUpperCase()) + replacement.slice(1);
}
