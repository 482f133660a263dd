import { defineMessages } from '../i18n';
import { type FixScope, isHintKind, type MissingAt, type Rule, type RuleKind, type Severity } from '../model';
import { type ClauseSlot, GRAMMEMES, parseClausePattern, taggedKey } from './parse-clause-pattern';
import { type PatternItem, parsePattern } from './parse-pattern';
import { fallbackStem, readLexicon, readLexiconExtras } from './word-forms';

const t = defineMessages({
  ru: {
    tooLong: (nodes: number, max: number) =>
      `шаблон слишком длинный для проверки: ${nodes} позиций вместе с пропусками, можно не больше ${max}`,
    failed: (rule: string, exception: boolean, source: string, message: string) =>
      `правило «${rule}», ${exception ? 'исключение' : 'шаблон'} «${source}»: ${message}`,
  },
  en: {
    tooLong: (nodes: number, max: number) =>
      `the pattern is too long to check: ${nodes} positions with the gaps, at most ${max}`,
    failed: (rule: string, exception: boolean, source: string, message: string) =>
      `rule “${rule}”, ${exception ? 'exception' : 'pattern'} “${source}”: ${message}`,
  },
});

/**
 * Turns rules into the structure `lintText` runs on:
 *
 * - every word alternative becomes a *term* (a set of forms: the exact form, or all forms from the pack's
 *   lexicon, or the fallback forms); `formTerms` maps each draft word form to the terms it satisfies, so a
 *   draft word costs one map lookup;
 * - every pattern becomes a small automaton over word positions (at most 31, a bit mask);
 * - every pattern is indexed under the terms of its rarest required word (its *anchor*), so a draft only
 *   runs the patterns whose anchor it contains.
 *
 * Pure and fast (no dictionary work happens here): the extension calls it whenever rules change.
 */
export interface CompiledPattern {
  ruleIndex: number;
  /** Per automaton node: the terms it accepts, or null for a gap node (any token). */
  nodes: (Set<number> | null)[];
  /** closure[p]: bit mask of positions reachable from p without consuming a token (p included). */
  closure: Int32Array;
  /** Position of the accepting state (= nodes.length). */
  accept: number;
  anchor: number;
  /** Tokens that may / must precede the anchor token in a match. */
  maxBefore: number;
  minBefore: number;
}

/** A `kind: clause` pattern: slots that must all be found in one clause (see parse-clause-pattern.ts). */
export interface CompiledClausePattern {
  ruleIndex: number;
  /** `any`: the `*` slot, any word after the previous slot's word. */
  slots: { terms: Set<number>; negated: boolean; optional: boolean; any: boolean; adjacent: boolean }[];
  /** The rule says order matters: slots must appear in the pattern's order. */
  ordered: boolean;
  /** The slot looked up first: the rarest required word. */
  anchor: number;
}

export interface CompiledRule {
  id: string;
  kind: RuleKind;
  fix: FixScope;
  severity: Severity;
  message: string;
  suggestions: string[];
  patterns: CompiledPattern[];
  exceptions: CompiledPattern[];
  clausePatterns: CompiledClausePattern[];
  clauseExceptions: CompiledClausePattern[];
  /** Whole-draft hints (draft-hints.ts): `missing` placement and draft size, `long-sentence` limit. */
  at?: MissingAt;
  minWords?: number;
  maxWords?: number;
  seeAlso?: string[];
}

export interface CompiledRules {
  rules: CompiledRule[];
  /** Some rule is a whole-draft hint (`HINT_KINDS`): lint-text.ts runs draft-hints.ts. */
  hasHints: boolean;
  formTerms: Map<string, number[]>;
  /** Fallback for words the pack's lexicon lacks: stem → terms (see word-forms.ts `candidateStems`). */
  stemTerms: Map<string, number[]>;
  /** term id → patterns anchored on it. */
  anchored: Map<number, CompiledPattern[]>;
  /** term id → clause patterns anchored on it. */
  clauseAnchored: Map<number, CompiledClausePattern[]>;
  /** Terms with a person filter (`мочь:1л`) → the person, and their forms without person («смог»). */
  termPerson: Map<number, number>;
  personless: Map<number, Set<string>>;
  /** Noun terms → their forms that are also another noun («вина» / «вино»). */
  homographs: Map<number, Set<string>>;
  /** Every form the pack's lexicon knows, whole paradigms included (typo.ts never "corrects" these); lists
   * shared with the lexicon, made into a set only when a draft first needs the typo check. */
  known: string[][];
  /** Infinitive → polite imperative and → its «вы» form (render-suggestion.ts `{глагол:пов}`, `{глагол:2л}`). */
  imperatives: Map<string, string>;
  secondPerson: Map<string, string>;
}

export interface RuleCompileError {
  /** e.g. `rules[3].patterns[1]` */
  path: string;
  ruleIndex: number;
  message: string;
}

export interface CompileResult {
  compiled: CompiledRules;
  errors: RuleCompileError[];
}

const MAX_NODES = 30;

/** Words so common that a pattern should never be looked up by them when it has a better word. */
const COMMON = new Set(
  'не ни я вы мы ты он она они оно это этот то и а но в во на с со к ко по за из у о об от до для же ли бы что как так вам вас вами нам нас меня мне мной тебя тебе уже еще очень все всё быть есть был'.split(
    ' ',
  ),
);

export function compileRules(rules: readonly Rule[], compiled?: Record<string, unknown>): CompileResult {
  const lexicon = readLexicon(compiled);
  const extras = readLexiconExtras(compiled);
  const termPerson = new Map<number, number>();
  const personless = new Map<number, Set<string>>();
  const homographs = new Map<number, Set<string>>();
  const known: string[][] = [...lexicon.values(), extras.known];
  const formTerms = new Map<string, number[]>();
  const stemTerms = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, id: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  const termIds = new Map<string, number>();
  const termCost: number[] = [];
  const errors: RuleCompileError[] = [];

  const termOf = (form: string, exact: boolean, tags = ''): number => {
    const key = exact ? `=${form}` : taggedKey(form, tags);
    let id = termIds.get(key);
    if (id !== undefined) return id;
    id = termCost.length;
    termIds.set(key, id);
    // A word with grammemes the pack's lexicon lacks (a hand-written pack) falls back to all its forms.
    const listed = exact ? [form] : (lexicon.get(key) ?? lexicon.get(form));
    const stem = listed ? null : fallbackStem(form);
    let forms = listed ?? [form];
    if (tags && lexicon.has(key)) {
      const person = tags.split(',').find((tag) => GRAMMEMES[tag]?.endsWith('per'));
      const without = extras.personless.get(key);
      if (person) termPerson.set(id, Number(person[0]));
      if (person && without) {
        personless.set(id, new Set(without));
        forms = [...forms, ...without];
      }
    }
    const ambiguous = !exact && !tags ? extras.homographs.get(form) : undefined;
    if (ambiguous) homographs.set(id, new Set(ambiguous));
    let common = false;
    for (const f of forms) {
      add(formTerms, f, id);
      if (COMMON.has(f)) common = true;
    }
    if (stem !== null) add(stemTerms, stem, id);
    // Prefer uncommon, long, exact words as anchors.
    termCost.push((common ? 1000 : 0) + (exact ? 0 : 5) - Math.min(form.length, 20));
    return id;
  };

  const build = (items: PatternItem[], ruleIndex: number): CompiledPattern | string => {
    const nodes: (Set<number> | null)[] = [];
    const skip: number[] = []; // skip[p]: position reachable from p without consuming, or -1
    const required: boolean[] = [];
    const nodeCost: number[] = [];
    let groupStart = -1;
    let currentGroup = 0;
    for (const item of items) {
      if (item.type === 'gap') {
        currentGroup = 0;
        for (let k = 0; k < item.max; k++) {
          nodes.push(null);
          skip.push(nodes.length); // each gap node may be skipped
          required.push(false);
          nodeCost.push(Number.POSITIVE_INFINITY);
        }
        continue;
      }
      const terms = new Set<number>();
      let cost = Number.NEGATIVE_INFINITY;
      for (const alternative of item.alternatives) {
        const term = termOf(alternative.form, alternative.exact);
        terms.add(term);
        cost = Math.max(cost, termCost[term]); // a slot is as common as its most common alternative
      }
      if (item.optional && item.group !== currentGroup) {
        currentGroup = item.group;
        groupStart = nodes.length;
        skip.push(-1); // patched when the group ends
      } else {
        if (!item.optional) currentGroup = 0;
        skip.push(-1);
      }
      nodes.push(terms);
      required.push(!item.optional);
      nodeCost.push(item.optional ? Number.POSITIVE_INFINITY : cost);
      if (item.optional) skip[groupStart] = nodes.length;
    }
    if (nodes.length > MAX_NODES) {
      return t.tooLong(nodes.length, MAX_NODES);
    }
    const accept = nodes.length;
    const closure = new Int32Array(accept + 1);
    for (let p = accept; p >= 0; p--) {
      closure[p] = (1 << p) | (p < accept && skip[p] >= 0 ? closure[skip[p]] : 0);
    }
    let anchor = -1;
    for (let p = 0; p < accept; p++) {
      if (required[p] && (anchor < 0 || nodeCost[p] < nodeCost[anchor])) anchor = p;
    }
    let minBefore = 0;
    for (let p = 0; p < anchor; p++) if (required[p]) minBefore++;
    return { ruleIndex, nodes, closure, accept, anchor, maxBefore: anchor, minBefore };
  };

  const buildClause = (slots: ClauseSlot[], ruleIndex: number, ordered: boolean): CompiledClausePattern => {
    let anchor = -1;
    let anchorCost = Number.POSITIVE_INFINITY;
    const compiledSlots = slots.map((slot, index) => {
      const terms = new Set<number>();
      let cost = slot.any ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      for (const alternative of slot.alternatives) {
        const term = termOf(alternative.form, alternative.exact, alternative.tags);
        terms.add(term);
        cost = Math.max(cost, termCost[term]);
      }
      if (!slot.optional && !slot.any && cost < anchorCost) {
        anchor = index;
        anchorCost = cost;
      }
      return { terms, negated: slot.negated, optional: slot.optional, any: slot.any, adjacent: slot.adjacent };
    });
    return { ruleIndex, slots: compiledSlots, anchor, ordered };
  };

  const compiledRules: CompiledRule[] = [];
  const anchored = new Map<number, CompiledPattern[]>();
  const clauseAnchored = new Map<number, CompiledClausePattern[]>();
  rules.forEach((rule, ruleIndex) => {
    const kind: RuleKind = rule.kind ?? 'phrase';
    const fail = (field: string, index: number, source: string, message: string) =>
      errors.push({
        path: `rules[${ruleIndex}].${field}[${index}]`,
        ruleIndex,
        message: t.failed(rule.id, field !== 'patterns', source, message),
      });
    const compileList = (sources: readonly string[] | undefined, field: 'patterns' | 'exceptions') => {
      const out: CompiledPattern[] = [];
      // A `missing` rule's patterns are phrases too: found, they silence the rule (lint-text.ts).
      if (kind !== 'phrase' && kind !== 'missing') return out;
      (sources ?? []).forEach((source, index) => {
        const parsed = parsePattern(source);
        const result = parsed.error ?? build(parsed.items!, ruleIndex);
        if (typeof result === 'string') fail(field, index, source, result);
        else out.push(result);
      });
      return out;
    };
    const compileClauses = (sources: readonly string[] | undefined, field: 'patterns' | 'exceptions') => {
      const out: CompiledClausePattern[] = [];
      if (kind !== 'clause') return out;
      (sources ?? []).forEach((source, index) => {
        const parsed = parseClausePattern(source);
        if (parsed.error !== undefined) fail(field, index, source, parsed.error);
        else out.push(buildClause(parsed.slots, ruleIndex, rule.ordered === true));
      });
      return out;
    };
    const patterns = compileList(rule.patterns, 'patterns');
    const exceptions = compileList(rule.exceptions, 'exceptions');
    const clausePatterns = compileClauses(rule.patterns, 'patterns');
    const clauseExceptions = compileClauses(rule.exceptions, 'exceptions');
    for (const pattern of clausePatterns) {
      for (const term of pattern.slots[pattern.anchor].terms) {
        const list = clauseAnchored.get(term);
        if (list) list.push(pattern);
        else clauseAnchored.set(term, [pattern]);
      }
    }
    for (const pattern of patterns) {
      for (const term of pattern.nodes[pattern.anchor]!) {
        const list = anchored.get(term);
        if (list) list.push(pattern);
        else anchored.set(term, [pattern]);
      }
    }
    compiledRules.push({
      id: rule.id,
      kind,
      fix: rule.fix ?? 'phrase',
      severity: rule.severity,
      message: rule.message,
      suggestions: rule.suggestions,
      patterns,
      exceptions,
      clausePatterns,
      clauseExceptions,
      ...(kind === 'missing' ? { at: rule.at ?? 'anywhere', minWords: rule.minWords ?? 8 } : {}),
      ...(kind === 'long-sentence' ? { maxWords: rule.maxWords ?? 40 } : {}),
      ...(rule.seeAlso?.length ? { seeAlso: rule.seeAlso } : {}),
    });
  });
  return {
    compiled: {
      rules: compiledRules,
      hasHints: compiledRules.some((rule) => isHintKind(rule.kind)),
      formTerms,
      stemTerms,
      anchored,
      clauseAnchored,
      termPerson,
      personless,
      homographs,
      known,
      imperatives: extras.imperatives,
      secondPerson: extras.secondPerson,
    },
    errors,
  };
}
