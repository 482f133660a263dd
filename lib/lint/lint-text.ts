import { defineMessages } from '../i18n';
import type { Finding, Severity } from '../model';
import { type Clauses, splitClauses } from './clauses';
import type { CompiledClausePattern, CompiledPattern, CompiledRules } from './compile-rules';
import { draftHints } from './draft-hints';
import { NEGATED_BY_PARTICLE, NEGATED_THROUGH_DEGREE, negations, particleOf } from './negation';
import { normalizeText } from './normalize-text';
import { CLAUSE_WINDOW } from './parse-clause-pattern';
import { renderSuggestions, type SuggestionContext } from './render-suggestion';
import { isExpectation, isHypotheticalClause } from './suppress/conditional';
import { isGratitudeIdiom } from './suppress/gratitude';
import { readingHolds } from './suppress/homograph';
import { quotedTokens } from './suppress/quotation';
import { subjectAgrees } from './suppress/third-person';
import { type Token, tokenize } from './tokenize';
import { buildTypoIndex, splitJoinedNegation, type TypoIndex, typoCandidates } from './typo';
import { candidateStems } from './word-forms';

/** The rule id of the built-in check for placeholders left in a draft. */
export const UNFILLED_PLACEHOLDER = 'unfilled-placeholder';

/** The built-in finding's explanation: read when a draft is linted, so it follows the UI language. */
const t = defineMessages({
  ru: {
    placeholder:
      'В тексте осталась незаполненная подстановка: клиент увидит квадратные или фигурные скобки вместо данных. Впишите значение или удалите её.',
  },
  en: {
    placeholder:
      'A placeholder is left unfilled: the customer would see square or curly brackets instead of the details. Fill in the value or delete it.',
  },
});

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface LintOptions {
  /** Report unfilled placeholders (default true; template bodies contain them by design). */
  placeholders?: boolean;
  /** The agent's name and gender, for suggestions that mention them (render-suggestion.ts). */
  context?: SuggestionContext;
  /** Phrase, clause and placeholder findings (default true). */
  phrases?: boolean;
  /** Whole-draft hints, draft-hints.ts (default true; they need the whole draft, see lint-draft.ts). */
  hints?: boolean;
}

interface Candidate {
  ruleIndex: number; // -1 for a placeholder
  first: number; // token range [first, last]
  last: number;
  start: number; // original offsets
  end: number;
}

/**
 * Lints a draft: findings with UTF-16 offsets into `text` as given, overlaps resolved (the longest match
 * wins, then the more severe, then the earlier, then the earlier rule), sorted by position. Never throws.
 */
export function lintText(text: string, rules: CompiledRules, options: LintOptions = {}): Finding[] {
  return lintPiece(text, rules, options).findings;
}

/**
 * `lintText`, also saying whether the piece leaves a quotation open: the parity of its `"` marks (typographic
 * quotes folded) outside placeholders, which is how quotation.ts pairs marks from the start of the draft.
 * The incremental linter (lint-draft.ts) cuts a draft only where no quotation is open.
 */
export function lintPiece(
  text: string,
  rules: CompiledRules,
  options: LintOptions = {},
): { findings: Finding[]; quoteParity: number } {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized.text);
  const quoteParity = quoteMarks(normalized.text, tokens) & 1;
  return { findings: tokens.length === 0 ? [] : lintTokens(text, normalized, tokens, rules, options), quoteParity };
}

/** `"` marks outside placeholder tokens (a placeholder swallows the marks inside it). Linear. */
function quoteMarks(text: string, tokens: readonly Token[]): number {
  let marks = 0;
  let t = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    while (t < tokens.length && tokens[t].end <= i) t++;
    if (t < tokens.length && tokens[t].placeholder && tokens[t].start <= i) continue;
    marks++;
  }
  return marks;
}

function lintTokens(
  text: string,
  normalized: ReturnType<typeof normalizeText>,
  tokens: Token[],
  rules: CompiledRules,
  options: LintOptions,
): Finding[] {
  const phrases = options.phrases !== false;
  const { starts, ends } = normalized;
  const toCandidate = (ruleIndex: number, first: number, last: number): Candidate => ({
    ruleIndex,
    first,
    last,
    start: starts[tokens[first].start],
    end: ends[tokens[last].end - 1],
  });

  const termsOf: (number[] | undefined)[] = new Array(tokens.length);
  /** The rule-word form each token was read as (its own, or with a joined «не» or a slip undone). */
  const readAs: string[] = new Array(tokens.length);
  const joined = new Uint8Array(tokens.length);
  const cache = lookupCache(rules);
  for (let t = 0; t < tokens.length; t++) {
    if (tokens[t].placeholder) continue;
    const form = tokens[t].form;
    let found = cache.map.get(form);
    if (found === undefined) {
      found = lookUp(form, rules, cache);
      if (cache.map.size >= LOOKUP_CACHE_SIZE) cache.map.clear();
      cache.map.set(form, found);
    }
    termsOf[t] = found.terms;
    readAs[t] = found.form;
    if (found.joined) joined[t] = 1;
  }

  const candidates: Candidate[] = [];
  /** `missing` rules: where their patterns were found (they mark nothing themselves). */
  const present = new Map<number, number[]>();
  /**
   * Per pattern, the highest start already tried. Anchors come in token order and a pattern's window
   * [t - maxBefore, t - minBefore] (cut at the sentence start) only slides forward, so every start at or
   * below it was tried by an earlier anchor: one number per pattern replaces a Set of (pattern, start) keys.
   */
  const triedUpTo: number[] = [];
  const patternIds = new Map<CompiledPattern, number>();
  for (let t = 0; t < tokens.length; t++) {
    const terms = termsOf[t];
    if (terms === undefined) continue;
    for (const term of terms) {
      const patterns = rules.anchored.get(term);
      if (patterns === undefined) continue;
      for (const pattern of patterns) {
        let patternId = patternIds.get(pattern);
        if (patternId === undefined) {
          patternId = patternIds.size;
          patternIds.set(pattern, patternId);
          triedUpTo.push(-1);
        }
        const upTo = triedUpTo[patternId];
        const sentence = tokens[t].sentence;
        const from = Math.max(0, t - pattern.maxBefore);
        for (let s = t - pattern.minBefore; s >= from; s--) {
          if (tokens[s].sentence !== sentence) break;
          if (!phrases && rules.rules[pattern.ruleIndex].kind !== 'missing') break;
          if (s <= upTo) break;
          const last = matchAt(pattern, tokens, termsOf, s);
          if (last < 0) continue;
          const rule = rules.rules[pattern.ruleIndex];
          if (rule.exceptions.length > 0 && excepted(rule.exceptions, tokens, termsOf, s, last)) continue;
          if (rule.kind === 'missing') {
            const list = present.get(pattern.ruleIndex);
            if (list) list.push(s);
            else present.set(pattern.ruleIndex, [s]);
            continue;
          }
          candidates.push(toCandidate(pattern.ruleIndex, s, last));
        }
        if (t - pattern.minBefore > upTo) triedUpTo[patternId] = t - pattern.minBefore;
      }
    }
  }

  if (!phrases) return rules.hasHints ? draftHints(rules, { original: text, tokens, starts, ends, present }) : [];
  const clauses = splitClauses(tokens);
  if (rules.clauseAnchored.size > 0) {
    const negated = negations(tokens, clauses, joined);
    const view: ClauseView = {
      tokens,
      termsOf,
      readAs,
      apart: splitNegatedWords(tokens, negated, rules),
      rules,
      clauses,
      negated,
      chosen: new Int32Array(16),
    };
    // The suppressors (lib/lint/suppress/) apply to clause rules; phrase rules keep their exact old reading.
    const hypothetical = isHypotheticalClause(tokens, clauses);
    const quoted = quotedTokens(tokens, normalized.text);
    const seen = new Set<number>();
    for (let t = 0; t < tokens.length; t++) {
      const own = termsOf[t];
      const apart = view.apart[t];
      if (own === undefined && apart === undefined) continue;
      const terms = apart === undefined ? own! : own === undefined ? apart : [...own, ...apart];
      for (const term of terms) {
        const patterns = rules.clauseAnchored.get(term);
        if (patterns === undefined) continue;
        for (const pattern of patterns) {
          const span = matchClause(pattern, t, view);
          if (span === null) continue;
          const [first, last] = span;
          const key = (pattern.ruleIndex * tokens.length + first) * (CLAUSE_WINDOW + 2) + (last - first);
          if (seen.has(key)) continue;
          seen.add(key);
          if (hypothetical[clauses.id[t]] || anyQuoted(quoted, first, last)) continue;
          if (isExpectation(tokens, first, last, clauses.last[t]) || isGratitudeIdiom(tokens, last)) continue;
          const rule = rules.rules[pattern.ruleIndex];
          if (rule.clauseExceptions.length > 0 && clauseExcepted(rule.clauseExceptions, first, last, view)) continue;
          candidates.push(toCandidate(pattern.ruleIndex, first, last));
        }
      }
    }
  }

  if (options.placeholders !== false) {
    for (let t = 0; t < tokens.length; t++) if (tokens[t].placeholder) candidates.push(toCandidate(-1, t, t));
  }
  const findings = resolve(candidates, rules, tokens, {
    original: text,
    starts,
    ends,
    clauses,
    context: options.context ?? {},
  });
  if (!rules.hasHints || options.hints === false) return findings;
  const hints = draftHints(rules, { original: text, tokens, starts, ends, present });
  return hints.length === 0 ? findings : [...findings, ...hints].sort((a, b) => a.start - b.start || a.end - b.end);
}

const LOOKUP_CACHE_SIZE = 20_000;

interface Lookup {
  terms: number[] | undefined;
  form: string;
  joined: boolean;
}

interface LookupCache {
  map: Map<string, Lookup>;
  typo: TypoIndex | null;
}

/**
 * Per compiled rule set: each draft word's lookup (drafts are re-linted on every keystroke, with the same
 * words) and the typo index, built on first use from the set's own forms, so it never travels to the agent.
 */
const lookupCaches = new WeakMap<CompiledRules, LookupCache>();

function lookupCache(rules: CompiledRules): LookupCache {
  let cache = lookupCaches.get(rules);
  if (cache === undefined) {
    cache = { map: new Map(), typo: null };
    lookupCaches.set(rules, cache);
  }
  return cache;
}

/** The terms a draft word satisfies: its own form and stems, else with a joined «не» split, else as a slip. */
function lookUp(form: string, rules: CompiledRules, cache: LookupCache): Lookup {
  let terms = termsFor(form, rules);
  if (terms !== undefined) return { terms, form, joined: false };
  const has = (candidate: string) => rules.formTerms.has(candidate);
  const rest = splitJoinedNegation(form, has);
  if (rest !== null) return { terms: rules.formTerms.get(rest), form: rest, joined: true };
  if (rules.formTerms.size === 0) return { terms: undefined, form, joined: false };
  cache.typo ??= buildTypoIndex(rules.formTerms.keys(), rules.known.flat());
  const slips = typoCandidates(form, cache.typo, has);
  if (slips.length === 0) {
    const joinedSlip = form.startsWith('не') && form.length > 6 ? typoCandidates(form.slice(2), cache.typo, has) : [];
    if (joinedSlip.length > 0) return { terms: rules.formTerms.get(joinedSlip[0]), form: joinedSlip[0], joined: true };
    return { terms: undefined, form, joined: false };
  }
  for (const slip of slips) {
    const more = rules.formTerms.get(slip);
    if (more !== undefined) terms = terms === undefined ? more : [...new Set([...terms, ...more])];
  }
  return { terms, form: slips[0], joined: false };
}

function termsFor(form: string, rules: CompiledRules): number[] | undefined {
  let terms = rules.formTerms.get(form);
  if (rules.stemTerms.size > 0) {
    for (const stem of candidateStems(form)) {
      const more = rules.stemTerms.get(stem);
      if (more !== undefined) terms = terms === undefined ? more : [...new Set([...terms, ...more])];
    }
  }
  return terms;
}

function anyQuoted(quoted: Uint8Array, first: number, last: number): boolean {
  for (let t = first; t <= last; t++) if (quoted[t]) return true;
  return false;
}

interface ClauseView {
  tokens: Token[];
  termsOf: (number[] | undefined)[];
  readAs: string[];
  /** A rule word written with its «не» typed apart («не правильно» for «неправильно»): its terms. */
  apart: (number[] | undefined)[];
  rules: CompiledRules;
  clauses: Clauses;
  negated: Uint8Array;
  /** Scratch: the token chosen for each slot. */
  chosen: Int32Array;
}

/**
 * «не правильно», «не правы», «не совсем правильно»: a negated word whose form with «не» joined is a rule
 * word («неправильно», «неправы») also reads as that word — how people type it, the mirror of «немогу».
 * Those tokens' terms, else undefined; one lookup per negated word.
 */
function splitNegatedWords(
  tokens: readonly Token[],
  negated: Uint8Array,
  rules: CompiledRules,
): (number[] | undefined)[] {
  const apart: (number[] | undefined)[] = new Array(tokens.length);
  for (let t = 0; t < tokens.length; t++) {
    if (negated[t] !== NEGATED_BY_PARTICLE && negated[t] !== NEGATED_THROUGH_DEGREE) continue;
    const terms = rules.formTerms.get(`не${tokens[t].form}`);
    if (terms !== undefined) apart[t] = terms;
  }
  return apart;
}

/** True when token t can stand for a slot: one of its terms, the right negation, subject and reading. */
function slotAccepts(slot: CompiledClausePattern['slots'][number], t: number, view: ClauseView): boolean {
  if (slot.any) return !view.tokens[t].placeholder;
  const own = view.termsOf[t];
  if (
    own !== undefined &&
    (view.negated[t] !== 0) === slot.negated &&
    termAccepts(slot, own, view.readAs[t], t, view)
  ) {
    return true;
  }
  // The «не» typed apart belongs to the word: it satisfies a slot that is not negated.
  const apart = view.apart[t];
  return apart !== undefined && !slot.negated && termAccepts(slot, apart, `не${view.tokens[t].form}`, t, view);
}

function termAccepts(
  slot: CompiledClausePattern['slots'][number],
  terms: readonly number[],
  form: string,
  t: number,
  view: ClauseView,
): boolean {
  const { rules } = view;
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k];
    if (!slot.terms.has(term)) continue;
    const person = rules.termPerson.get(term);
    if (person !== undefined && rules.personless.get(term)?.has(form)) {
      if (!subjectAgrees(view.tokens, view.clauses, t, person)) continue;
    }
    if (rules.homographs.get(term)?.has(form) && !readingHolds(view.tokens, t, view.clauses.first[t])) continue;
    return true;
  }
  return false;
}

/**
 * Matches a clause pattern around token `anchor` (a candidate for its anchor slot): every other required
 * slot takes the nearest free token of its clause that it accepts, within `CLAUSE_WINDOW` tokens; optional
 * slots join when they stand right beside the match. Returns the token range, or null. Constant work per
 * anchor (slots × window), so linear in the draft; nothing is ever undone and retried.
 */
function matchClause(pattern: CompiledClausePattern, anchor: number, view: ClauseView): [number, number] | null {
  const { slots } = pattern;
  const { clauses, chosen, negated, tokens } = view;
  if (!slotAccepts(slots[pattern.anchor], anchor, view)) return null;
  const low = Math.max(clauses.first[anchor], anchor - CLAUSE_WINDOW);
  const high = Math.min(clauses.last[anchor], anchor + CLAUSE_WINDOW);
  const taken = (t: number, upTo: number) => {
    for (let s = 0; s < upTo; s++) if (chosen[s] === t) return true;
    return false;
  };
  let first = anchor;
  let last = anchor;
  for (let s = 0; s < slots.length; s++) {
    chosen[s] = -1;
    if (s === pattern.anchor) {
      chosen[s] = anchor;
      continue;
    }
    if (slots[s].optional) continue;
    if (slots[s].any) {
      // `*`: some other word after the previous slot's word, in the clause.
      const after = Math.max(chosen[s - 1] ?? anchor, anchor) + 1;
      if (after <= high && !tokens[after].placeholder) chosen[s] = after;
      else return null;
      last = Math.max(last, after);
      continue;
    }
    for (let d = 1; d <= CLAUSE_WINDOW && chosen[s] < 0; d++) {
      const before = anchor - d;
      const after = anchor + d;
      if (before >= low && !taken(before, s) && before !== anchor && slotAccepts(slots[s], before, view))
        chosen[s] = before;
      else if (after <= high && !taken(after, s) && slotAccepts(slots[s], after, view)) chosen[s] = after;
    }
    if (chosen[s] < 0) return null;
    first = Math.min(first, chosen[s]);
    last = Math.max(last, chosen[s]);
  }
  if (last - first > CLAUSE_WINDOW) return null;
  // `a+b`: b right after a; when the nearest pick was elsewhere, the token after a is the only other try.
  for (let s = 1; s < slots.length; s++) {
    if (!slots[s].adjacent || chosen[s - 1] < 0 || chosen[s] === chosen[s - 1] + 1) continue;
    const next = chosen[s - 1] + 1;
    if (s === pattern.anchor || next > high || taken(next, slots.length) || !slotAccepts(slots[s], next, view)) {
      return null;
    }
    chosen[s] = next;
    first = Math.min(first, next);
    last = Math.max(last, next);
  }
  if (pattern.ordered) {
    let previous = -1;
    for (let s = 0; s < slots.length; s++) {
      if (chosen[s] < 0) continue;
      if (chosen[s] < previous) return null;
      previous = chosen[s];
    }
  }
  // A negated word brings its «не» (and a degree adverb after it) into the span.
  for (let s = 0; s < slots.length; s++) {
    const t = chosen[s];
    if (t < 0) continue;
    const particle = particleOf(tokens, negated, t);
    if (particle >= 0 && particle < first) first = particle;
  }
  // Optional words join only right beside the match («ничем не могу вам помочь», «вы должны будете»).
  for (let grown = true; grown; ) {
    grown = false;
    for (let s = 0; s < slots.length; s++) {
      if (!slots[s].optional || chosen[s] >= 0) continue;
      for (const t of [first - 1, last + 1]) {
        if (t < clauses.first[anchor] || t > clauses.last[anchor] || taken(t, slots.length)) continue;
        if (pattern.ordered && !inOrder(chosen, s, t, slots.length)) continue;
        if (slotAccepts(slots[s], t, view)) {
          chosen[s] = t;
          first = Math.min(first, t);
          last = Math.max(last, t);
          grown = true;
          break;
        }
      }
    }
  }
  // An ordered pattern reads like a phrase: nothing but its own words (and punctuation) inside the span.
  if (pattern.ordered) {
    for (let t = first; t <= last; t++) {
      if (taken(t, slots.length) || (negated[t + 1] === 1 && taken(t + 1, slots.length))) continue;
      let filled = false;
      for (let s = 0; s < slots.length && !filled; s++) {
        if (
          slots[s].optional &&
          chosen[s] < 0 &&
          inOrder(chosen, s, t, slots.length) &&
          slotAccepts(slots[s], t, view)
        ) {
          chosen[s] = t;
          filled = true;
        }
      }
      if (!filled) return null;
    }
  }
  return tokens[first] && tokens[last] ? [first, last] : null;
}

/** For an ordered pattern: whether slot s may take token t given the slots already chosen. */
function inOrder(chosen: Int32Array, s: number, t: number, count: number): boolean {
  for (let k = 0; k < count; k++) {
    if (chosen[k] < 0) continue;
    if ((k < s && chosen[k] > t) || (k > s && chosen[k] < t)) return false;
  }
  return true;
}

/** True when an exception pattern matches near the finding, in its clause. */
function clauseExcepted(exceptions: CompiledClausePattern[], first: number, last: number, view: ClauseView): boolean {
  const { clauses, termsOf } = view;
  const low = Math.max(clauses.first[first], first - CLAUSE_WINDOW);
  const high = Math.min(clauses.last[last], last + CLAUSE_WINDOW);
  for (const exception of exceptions) {
    const anchorTerms = exception.slots[exception.anchor].terms;
    for (let t = low; t <= high; t++) {
      const terms = termsOf[t];
      if (terms === undefined || !terms.some((term) => anchorTerms.has(term))) continue;
      if (matchClause(exception, t, view) !== null) return true;
    }
  }
  return false;
}

/**
 * Runs a pattern's automaton from token `start`; returns the last token of the longest match, or -1.
 * Linear in the tokens it reads: the state is a bit mask of automaton positions, never a backtrack.
 */
function matchAt(pattern: CompiledPattern, tokens: Token[], termsOf: (number[] | undefined)[], start: number): number {
  const { nodes, closure, accept } = pattern;
  const acceptBit = 1 << accept;
  const sentence = tokens[start].sentence;
  let active = closure[0];
  let best = -1;
  for (let t = start; t < tokens.length && active !== 0; t++) {
    if (tokens[t].sentence !== sentence) break;
    // A placeholder matches nothing, not even a gap, so a rule finding never swallows one.
    if (tokens[t].placeholder) break;
    const terms = termsOf[t];
    let next = 0;
    for (let p = 0; p < accept; p++) {
      if ((active & (1 << p)) === 0) continue;
      const node = nodes[p];
      let ok = node === null;
      if (!ok && terms !== undefined) {
        for (let k = 0; k < terms.length; k++) {
          if (node!.has(terms[k])) {
            ok = true;
            break;
          }
        }
      }
      if (ok) next |= closure[p + 1];
    }
    if (next & acceptBit) best = t;
    active = next & ~acceptBit;
  }
  return best;
}

/** True when any exception pattern matches tokens overlapping [first, last]. */
function excepted(
  exceptions: CompiledPattern[],
  tokens: Token[],
  termsOf: (number[] | undefined)[],
  first: number,
  last: number,
): boolean {
  const sentence = tokens[first].sentence;
  for (const exception of exceptions) {
    for (let s = Math.max(0, first - exception.accept + 1); s <= last; s++) {
      if (tokens[s].sentence !== sentence) continue;
      const end = matchAt(exception, tokens, termsOf, s);
      if (end >= first) return true;
    }
  }
  return false;
}

interface RenderSite {
  original: string;
  starts: Int32Array;
  ends: Int32Array;
  clauses: Clauses;
  context: SuggestionContext;
}

function resolve(candidates: Candidate[], rules: CompiledRules, tokens: Token[], site: RenderSite): Finding[] {
  if (candidates.length === 0) return [];
  const rank = (c: Candidate) =>
    c.ruleIndex < 0 ? SEVERITY_RANK.error : SEVERITY_RANK[rules.rules[c.ruleIndex].severity];
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start || a.ruleIndex - b.ruleIndex,
  );
  const taken = new Uint8Array(tokens.length);
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    let free = true;
    for (let t = candidate.first; t <= candidate.last && free; t++) if (taken[t]) free = false;
    if (!free) continue;
    for (let t = candidate.first; t <= candidate.last; t++) taken[t] = 1;
    kept.push(candidate);
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  return kept.map((candidate) => {
    if (candidate.ruleIndex < 0) {
      return {
        ruleId: UNFILLED_PLACEHOLDER,
        start: candidate.start,
        end: candidate.end,
        severity: 'error',
        message: t.placeholder,
        suggestions: [],
      };
    }
    const rule = rules.rules[candidate.ruleIndex];
    const rendered = renderSuggestions(
      rule.suggestions,
      {
        original: site.original,
        tokens,
        starts: site.starts,
        ends: site.ends,
        first: candidate.first,
        last: candidate.last,
        clauseFirst: site.clauses.first[candidate.first],
        clauseLast: site.clauses.last[candidate.last],
        scope: rule.fix,
        imperatives: rules.imperatives,
        secondPerson: rules.secondPerson,
      },
      site.context,
    );
    const finding: Finding = {
      ruleId: rule.id,
      start: candidate.start,
      end: candidate.end,
      severity: rule.severity,
      message: rule.message,
      suggestions: rendered.suggestions,
    };
    if (rendered.replaces.some((range) => range !== null)) finding.replaces = rendered.replaces;
    if (rule.seeAlso) finding.seeAlso = rule.seeAlso;
    return finding;
  });
}
