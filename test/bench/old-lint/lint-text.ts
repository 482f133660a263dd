import type { Finding, Severity } from '../../../lib/model';
import type { CompiledPattern, CompiledRules } from './compile-rules';
import { normalizeText } from './normalize-text';
import { type Token, tokenize } from './tokenize';
import { candidateStems } from './word-forms';

/** The rule id of the built-in check for placeholders left in a draft. */
export const UNFILLED_PLACEHOLDER = 'unfilled-placeholder';

const PLACEHOLDER_MESSAGE =
  'В тексте осталась незаполненная подстановка: клиент увидит квадратные или фигурные скобки вместо данных. Впишите значение или удалите её.';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface LintOptions {
  /** Report unfilled placeholders (default true; template bodies contain them by design). */
  placeholders?: boolean;
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
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized.text);
  if (tokens.length === 0) return [];
  const { starts, ends } = normalized;
  const toCandidate = (ruleIndex: number, first: number, last: number): Candidate => ({
    ruleIndex,
    first,
    last,
    start: starts[tokens[first].start],
    end: ends[tokens[last].end - 1],
  });

  const termsOf: (number[] | undefined)[] = new Array(tokens.length);
  const stemmed = rules.stemTerms.size > 0;
  for (let t = 0; t < tokens.length; t++) {
    if (tokens[t].placeholder) continue;
    let terms = rules.formTerms.get(tokens[t].form);
    if (stemmed) {
      for (const stem of candidateStems(tokens[t].form)) {
        const more = rules.stemTerms.get(stem);
        if (more !== undefined) terms = terms === undefined ? more : [...new Set([...terms, ...more])];
      }
    }
    termsOf[t] = terms;
  }

  const candidates: Candidate[] = [];
  const tried = new Set<number>();
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
        }
        const sentence = tokens[t].sentence;
        const from = Math.max(0, t - pattern.maxBefore);
        for (let s = t - pattern.minBefore; s >= from; s--) {
          if (tokens[s].sentence !== sentence) break;
          const key = patternId * (tokens.length + 1) + s;
          if (tried.has(key)) continue;
          tried.add(key);
          const last = matchAt(pattern, tokens, termsOf, s);
          if (last < 0) continue;
          const rule = rules.rules[pattern.ruleIndex];
          if (rule.exceptions.length > 0 && excepted(rule.exceptions, tokens, termsOf, s, last)) continue;
          candidates.push(toCandidate(pattern.ruleIndex, s, last));
        }
      }
    }
  }

  if (options.placeholders !== false) {
    for (let t = 0; t < tokens.length; t++) if (tokens[t].placeholder) candidates.push(toCandidate(-1, t, t));
  }
  return resolve(candidates, rules, tokens.length);
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

function resolve(candidates: Candidate[], rules: CompiledRules, tokenCount: number): Finding[] {
  if (candidates.length === 0) return [];
  const rank = (c: Candidate) =>
    c.ruleIndex < 0 ? SEVERITY_RANK.error : SEVERITY_RANK[rules.rules[c.ruleIndex].severity];
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start || a.ruleIndex - b.ruleIndex,
  );
  const taken = new Uint8Array(tokenCount);
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
        message: PLACEHOLDER_MESSAGE,
        suggestions: [],
      };
    }
    const rule = rules.rules[candidate.ruleIndex];
    return {
      ruleId: rule.id,
      start: candidate.start,
      end: candidate.end,
      severity: rule.severity,
      message: rule.message,
      suggestions: [...rule.suggestions],
    };
  });
}
