import type { Finding } from '../model';
import type { CompiledRule, CompiledRules } from './compile-rules';
import { PUNCT_COMMA, type Token } from './tokenize';

/**
 * Whole-draft checks (`HINT_KINDS`, the new-hire hints): what a reply lacks (`missing`), shouting (`caps`),
 * «!!!» (`repeated-punctuation`) and sentences too long to read (`long-sentence`). Each is one pass over the
 * tokens or the text, so the draft stays linear. Their findings are added after phrase findings are
 * resolved: a hint never hides an error in the same words, and no error hides a hint.
 */
export interface HintSite {
  original: string;
  tokens: Token[];
  starts: Int32Array;
  ends: Int32Array;
  /** Per `missing` rule index: first tokens where one of its patterns matched. */
  present: Map<number, number[]>;
}

/**
 * Words an opening «Слово, …» may start with that are not the customer's name: an opening «Анна, …»
 * counts as addressing the customer (a `missing` rule `at: start` is then satisfied), «Спасибо, …» does not.
 */
const NOT_A_NAME = new Set(
  'здравствуйте здравствуй привет приветствую добрый доброе доброй доброго спасибо благодарю извините простите пожалуйста да нет итак увы конечно хорошо понимаю понятно к к сожалению ок окей так сейчас уточните подскажите скажите'.split(
    ' ',
  ),
);

/** Where an opening sentence or the last sentences end: counted in sentences that hold a word. */
const END_SENTENCES = 3;
/** `caps`: a run this long in words, or holding a word this long, is shouting («СДЭК», «ИНН КПП» are not). */
const CAPS_RUN_WORDS = 3;
const CAPS_WORD_LETTERS = 5;
const REPEATED_PUNCTUATION = /[!?]{3,}/gu;

export function draftHints(rules: CompiledRules, site: HintSite): Finding[] {
  const out: Finding[] = [];
  const { tokens } = site;
  const words = tokens.filter((token) => !token.placeholder).length;
  rules.rules.forEach((rule, ruleIndex) => {
    if (rule.kind === 'missing') {
      const finding = missing(rule, ruleIndex, site, words);
      if (finding) out.push(finding);
    } else if (rule.kind === 'caps') out.push(...caps(rule, site));
    else if (rule.kind === 'repeated-punctuation') out.push(...repeated(rule, site));
    else if (rule.kind === 'long-sentence') out.push(...longSentences(rule, site));
  });
  return out;
}

function hint(rule: CompiledRule, start: number, end: number, suggestions: string[]): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    start,
    end,
    severity: rule.severity,
    message: rule.message,
    suggestions,
    hint: true,
  };
  if (rule.seeAlso) finding.seeAlso = rule.seeAlso;
  return finding;
}

function missing(rule: CompiledRule, ruleIndex: number, site: HintSite, words: number): Finding | null {
  const { tokens, original } = site;
  if (tokens.length === 0 || words < (rule.minWords ?? 8)) return null;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const ended = endsSentence(original);
  const at = rule.at ?? 'anywhere';
  const matches = site.present.get(ruleIndex) ?? [];
  if (at === 'start') {
    // Mid-typing, the first sentence is not finished yet: wait for its end.
    if (last.sentence === first.sentence && !ended) return null;
    if (matches.some((t) => tokens[t].sentence === first.sentence)) return null;
    if (opensWithName(site)) return null;
    const start = site.starts[first.start];
    const suggestions = rule.suggestions.map((text) => `${text} `);
    return withRange(hint(rule, start, site.ends[first.end - 1], suggestions), start);
  }
  // The end of a reply is known only once the agent ended a sentence.
  if (!ended) return null;
  if (at === 'end') {
    const from = firstOfLastSentences(tokens);
    if (matches.some((t) => t >= from)) return null;
  } else if (matches.length > 0) return null;
  const end = site.ends[last.end - 1];
  const trimmedEnd = original.trimEnd().length;
  const separator = original.includes('\n') ? '\n\n' : ' ';
  return withRange(
    hint(
      rule,
      site.starts[last.start],
      end,
      rule.suggestions.map((text) => `${separator}${text}`),
    ),
    trimmedEnd,
  );
}

/** Every suggestion of a `missing` finding is an insertion at `at`, not a replacement of the marked word. */
function withRange(finding: Finding, at: number): Finding {
  finding.replaces = finding.suggestions.map(() => ({ start: at, end: at }));
  return finding;
}

function opensWithName(site: HintSite): boolean {
  const [first, second] = site.tokens;
  if (!second || first.placeholder) return false;
  const word = site.original.slice(site.starts[first.start], site.ends[first.end - 1]);
  const capitalized = word[0] !== word[0].toLowerCase() && word.slice(1) === word.slice(1).toLowerCase();
  const addressed = (second.punct & PUNCT_COMMA) !== 0 || second.sentence !== first.sentence;
  return capitalized && addressed && word.length > 1 && !NOT_A_NAME.has(first.form);
}

/** The first token of the last `END_SENTENCES` sentences (a signature's lines are sentences of their own). */
function firstOfLastSentences(tokens: Token[]): number {
  let seen = 0;
  let sentence = -1;
  for (let t = tokens.length - 1; t >= 0; t--) {
    if (tokens[t].sentence !== sentence) {
      if (seen === END_SENTENCES) return t + 1;
      seen++;
      sentence = tokens[t].sentence;
    }
  }
  return 0;
}

/**
 * Whether the text ends a sentence: `.` `!` `?` `…`, then closing quotes or brackets, then white space. Read
 * back from the end: a regex ending in `$` is tried at every full stop of the draft, on every keystroke.
 */
function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && /\s/u.test(text[i])) i--;
  while (i >= 0 && (text[i] === '"' || text[i] === '»' || text[i] === ')')) i--;
  return i >= 0 && '.!?…'.includes(text[i]);
}

/** A lower-case Cyrillic or Latin letter: most words start with one, and are no shouting. */
const isLowerLetter = (code: number) => (code >= 0x430 && code <= 0x45f) || (code >= 0x61 && code <= 0x7a);

function isCapsWord(word: string): boolean {
  if (word.length < 2) return false;
  // Most words start with a lower-case letter («заказ») or have one second («Анна»): decided without mapping the
  // whole word's case, which was the hint pass's main cost on a long draft.
  for (let i = 0; i < 2; i++) if (word[i] !== word[i].toUpperCase()) return false;
  return word === word.toUpperCase() && word !== word.toLowerCase() && !/\d/u.test(word);
}

function caps(rule: CompiledRule, site: HintSite): Finding[] {
  const out: Finding[] = [];
  const { tokens, original } = site;
  const textOf = (t: number) => original.slice(site.starts[tokens[t].start], site.ends[tokens[t].end - 1]);
  // Read in place first: the word is cut out of the draft only when it does not start in lower case.
  const shouting = (t: number) =>
    !tokens[t].placeholder &&
    !isLowerLetter(original.charCodeAt(site.starts[tokens[t].start])) &&
    isCapsWord(textOf(t));
  let t = 0;
  while (t < tokens.length) {
    if (!shouting(t)) {
      t++;
      continue;
    }
    let last = t;
    let longest = textOf(t).length;
    while (last + 1 < tokens.length && shouting(last + 1)) {
      last++;
      longest = Math.max(longest, textOf(last).length);
    }
    if (last - t + 1 >= CAPS_RUN_WORDS || longest >= CAPS_WORD_LETTERS) {
      const start = site.starts[tokens[t].start];
      const end = site.ends[tokens[last].end - 1];
      const opensSentence = t === 0 || tokens[t - 1].sentence !== tokens[t].sentence;
      const lower = original.slice(start, end).toLowerCase();
      const fixed = opensSentence ? lower[0].toUpperCase() + lower.slice(1) : lower;
      const finding = hint(rule, start, end, [fixed]);
      // A suggestion takes the case of the first letter it replaces (apply-suggestion.ts); mid-sentence the
      // replacement starts at the space before, so «ОЧЕНЬ ВАЖНО» becomes «очень важно», not «Очень важно».
      if (!opensSentence && start > 0 && /\s/u.test(original[start - 1])) {
        finding.suggestions = [original[start - 1] + fixed];
        finding.replaces = [{ start: start - 1, end }];
      }
      out.push(finding);
    }
    t = last + 1;
  }
  return out;
}

function repeated(rule: CompiledRule, site: HintSite): Finding[] {
  const out: Finding[] = [];
  for (const match of site.original.matchAll(REPEATED_PUNCTUATION)) {
    const start = match.index;
    out.push(hint(rule, start, start + match[0].length, [match[0].includes('?') ? '?' : '!']));
  }
  return out;
}

function longSentences(rule: CompiledRule, site: HintSite): Finding[] {
  const out: Finding[] = [];
  const { tokens } = site;
  const limit = rule.maxWords ?? 40;
  let first = 0;
  while (first < tokens.length) {
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].sentence === tokens[first].sentence) last++;
    let words = 0;
    for (let t = first; t <= last; t++) if (!tokens[t].placeholder) words++;
    if (words > limit) out.push(hint(rule, site.starts[tokens[first].start], site.ends[tokens[last].end - 1], []));
    first = last + 1;
  }
  return out;
}
