import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compileRules } from '../../lib/lint/compile-rules';
import { lintText } from '../../lib/lint/lint-text';
import type { Finding } from '../../lib/model';
import { buildPackFromDir } from '../../lib/packs/build-pack';

/**
 * The coach corpus: realistic agent drafts written from real Russian support language (see
 * coach-corpus/README.md), each with the banned phrasings it contains marked inline as
 * `[[rule-id: exact span]]`. This module turns the YAML files into plain text + expected spans, validates them,
 * and scores any `text → Finding[]` function against them.
 */

export const COACH_CORPUS_DIR = resolve(import.meta.dirname, 'coach-corpus');
/**
 * The held-apart set (issue 10's generalisation check): drafts written after the rules were tuned, kept in a
 * sub-folder so that `readCoachCorpusFiles(COACH_CORPUS_DIR)` — the tuning loop — never reads them.
 */
export const COACH_HELD_APART_DIR = resolve(COACH_CORPUS_DIR, 'held-apart');
const TEMPLATES_DIR = resolve(import.meta.dirname, '../../templates');

/** The rule ids the corpus may expect; agreed with the lint engine's default rules (issue 10). */
export const COACH_RULE_IDS = [
  'cannot-help',
  'nothing-can-be-done',
  'not-our-fault',
  'depends-not-on-me',
  'you-must',
  'you-should-have',
  'not-our-questions',
  'call-important',
  'operator-signature',
  'dear-customer',
  'cannot-promise',
  'i-dont-know',
  'other-department',
  'not-my-job',
  'call-back-later',
  'rules-are-rules',
  'calm-down',
  'already-explained',
  'read-it-yourself',
  'you-misunderstood',
  'you-are-wrong',
  'client-is-to-blame',
  'dry-signature',
  'curt-wait',
  'impossible',
] as const;

/** Kinds with banned phrasing (every draft has ≥ 1 marker) and benign kinds (no markers, except `quoted`). */
export const FLAGGED_KINDS = ['core', 'reordered', 'interrupted', 'variant', 'typo'] as const;
export const BENIGN_KINDS = ['benign-plain', 'benign-hard', 'quoted'] as const;
export const COACH_KINDS = [...FLAGGED_KINDS, ...BENIGN_KINDS] as const;
export type CoachKind = (typeof COACH_KINDS)[number];
export const COACH_SPLITS = ['tune', 'heldout'] as const;
export type CoachSplit = (typeof COACH_SPLITS)[number];

export interface ExpectedSpan {
  ruleId: string;
  start: number;
  end: number;
}

export interface CoachDraft {
  id: string;
  text: string;
  expected: ExpectedSpan[];
  kind: CoachKind;
  split: CoachSplit;
}

export interface CorpusError {
  where: string;
  message: string;
}

const MARKER = /\[\[([^\]\s:]*):([^\]]*)\]\]/g;

/** Turns `…[[rule: span]]…` into the plain text and the spans; reports every malformed marker. */
export function parseMarkedText(
  marked: string,
  where: string,
  errors: CorpusError[],
): { text: string; expected: ExpectedSpan[] } {
  const expected: ExpectedSpan[] = [];
  let text = '';
  let last = 0;
  for (const match of marked.matchAll(MARKER)) {
    const [whole, ruleId, rawSpan] = match;
    text += marked.slice(last, match.index);
    last = match.index + whole.length;
    // Exactly one space separates the id from the span, so spans with doubled spaces stay exact.
    if (!rawSpan.startsWith(' ')) errors.push({ where, message: `marker «${whole}»: expected «[[id: span]]»` });
    const span = rawSpan.slice(1);
    if (!(COACH_RULE_IDS as readonly string[]).includes(ruleId)) {
      errors.push({ where, message: `marker «${whole}»: unknown rule id «${ruleId}»` });
    }
    if (span.trim() === '' || span !== span.trim()) {
      errors.push({ where, message: `marker «${whole}»: the span must start and end with a word` });
    }
    expected.push({ ruleId, start: text.length, end: text.length + span.length });
    text += span;
  }
  text += marked.slice(last);
  if (text.includes('[[') || text.includes(']]')) {
    errors.push({ where, message: 'unbalanced or nested «[[ … ]]» marker' });
  }
  for (let i = 1; i < expected.length; i++) {
    if (expected[i].start < expected[i - 1].end) errors.push({ where, message: 'overlapping spans' });
  }
  return { text, expected };
}

const normalizeForDuplicates = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Parses corpus files (`<kind>.yaml` → YAML text) into drafts; never throws, collects every problem. */
export function parseCoachCorpus(files: Record<string, string>): { drafts: CoachDraft[]; errors: CorpusError[] } {
  const errors: CorpusError[] = [];
  const drafts: CoachDraft[] = [];
  const seenIds = new Set<string>();
  const seenTexts = new Map<string, string>();
  for (const [file, source] of Object.entries(files)) {
    const kind = basename(file).replace(/\.ya?ml$/, '') as CoachKind;
    if (!COACH_KINDS.includes(kind)) {
      errors.push({ where: file, message: `the file name must be a kind: ${COACH_KINDS.join(', ')}` });
      continue;
    }
    let entries: unknown;
    try {
      entries = parseYaml(source);
    } catch (error) {
      errors.push({ where: file, message: `YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    if (!Array.isArray(entries)) {
      errors.push({ where: file, message: 'expected a list of drafts' });
      continue;
    }
    for (const [index, entry] of entries.entries()) {
      const { id, split, text: marked } = (entry ?? {}) as Record<string, unknown>;
      const where = `${file}#${typeof id === 'string' ? id : index}`;
      if (typeof id !== 'string' || !new RegExp(`^${kind}-\\d{3}$`).test(id)) {
        errors.push({ where, message: `id must be the kind and a number: «${kind}-001»` });
        continue;
      }
      if (seenIds.has(id)) errors.push({ where, message: 'duplicate id' });
      seenIds.add(id);
      if (split !== 'tune' && split !== 'heldout') errors.push({ where, message: 'split must be tune or heldout' });
      if (typeof marked !== 'string' || marked.trim() === '') {
        errors.push({ where, message: 'text must be a non-empty string' });
        continue;
      }
      const { text, expected } = parseMarkedText(marked, where, errors);
      const key = normalizeForDuplicates(text);
      const twin = seenTexts.get(key);
      if (twin) errors.push({ where, message: `duplicate of ${twin}` });
      seenTexts.set(key, id);
      if ((FLAGGED_KINDS as readonly string[]).includes(kind) && expected.length === 0) {
        errors.push({ where, message: `a «${kind}» draft must mark at least one banned phrase` });
      }
      if ((kind === 'benign-plain' || kind === 'benign-hard') && expected.length > 0) {
        errors.push({ where, message: `a «${kind}» draft must not mark anything` });
      }
      drafts.push({ id, text, expected, kind, split: split as CoachSplit });
    }
  }
  return { drafts, errors };
}

export function readCoachCorpusFiles(dir = COACH_CORPUS_DIR): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.yaml')) files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

/** The whole corpus; throws with every problem listed if any file is malformed. */
export function loadCoachCorpus(dir = COACH_CORPUS_DIR): CoachDraft[] {
  const { drafts, errors } = parseCoachCorpus(readCoachCorpusFiles(dir));
  if (errors.length > 0) {
    throw new Error(
      `coach corpus: ${errors.length} problem(s)\n${errors.map((e) => `${e.where}: ${e.message}`).join('\n')}`,
    );
  }
  return drafts;
}

/** The bundled default pack's findings, the way `sufler lint` computes them (same build, compile and lint). */
export async function defaultPackFindings(): Promise<(text: string) => Finding[]> {
  const built = await buildPackFromDir(TEMPLATES_DIR);
  if (!built.pack) throw new Error(`default pack: ${built.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const { compiled } = compileRules(built.pack.rules, built.pack.compiled);
  return (text) => lintText(text, compiled);
}

export interface Tally {
  drafts: number;
  expected: number;
  found: number; // expected spans matched by a finding of the same rule that overlaps them
  exact: number; // … of which the finding has exactly the expected start and end
  findings: number;
  falseAlarms: number; // findings that match no expected span
  cleanDrafts: number; // drafts with no expected span and no finding
  benignDrafts: number; // drafts with no expected span
}

export interface Miss {
  id: string;
  kind: CoachKind;
  split: CoachSplit;
  ruleId: string;
  span: string;
  text: string;
}

export interface CoachScore {
  overall: Tally;
  bySplit: Record<string, Tally>;
  byKind: Record<string, Tally>;
  byRule: Record<string, Tally>;
  falseNegatives: Miss[];
  falsePositives: Miss[];
}

/**
 * Findings the coach corpus does not judge: unfilled placeholders are a separate check, not phrasing; the
 * new-hire hints (`finding.hint`, whole-draft checks such as «no greeting») are advice about the reply as
 * a whole, which the corpus does not annotate.
 */
const IGNORED_RULES = new Set(['unfilled-placeholder']);

const emptyTally = (): Tally => ({
  drafts: 0,
  expected: 0,
  found: 0,
  exact: 0,
  findings: 0,
  falseAlarms: 0,
  cleanDrafts: 0,
  benignDrafts: 0,
});

export const precision = (t: Tally) => (t.findings === 0 ? Number.NaN : (t.findings - t.falseAlarms) / t.findings);
export const recall = (t: Tally) => (t.expected === 0 ? Number.NaN : t.found / t.expected);
export const exactRate = (t: Tally) => (t.found === 0 ? Number.NaN : t.exact / t.found);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * Scores a linter on the corpus. A finding is a true positive when it has the expected rule id and overlaps the
 * expected span (each expected span and each finding counts once; an exact match is preferred when several
 * overlap). Precision counts findings, recall counts expected spans.
 */
export function scoreCoach(
  findingsFor: (text: string, draft: CoachDraft) => readonly Finding[],
  drafts: readonly CoachDraft[] = loadCoachCorpus(),
): CoachScore {
  const score: CoachScore = {
    overall: emptyTally(),
    bySplit: {},
    byKind: {},
    byRule: {},
    falseNegatives: [],
    falsePositives: [],
  };
  const tally = (group: Record<string, Tally>, key: string) => {
    group[key] ??= emptyTally();
    return group[key];
  };
  for (const draft of drafts) {
    const findings = findingsFor(draft.text, draft).filter(
      (finding) => !IGNORED_RULES.has(finding.ruleId) && !finding.hint,
    );
    const used = new Set<number>();
    const groups = [score.overall, tally(score.bySplit, draft.split), tally(score.byKind, draft.kind)];
    const miss = (ruleId: string, start: number, end: number): Miss => ({
      id: draft.id,
      kind: draft.kind,
      split: draft.split,
      ruleId,
      span: draft.text.slice(start, end),
      text: draft.text,
    });
    for (const expected of draft.expected) {
      const candidates = findings
        .map((finding, index) => ({ finding, index }))
        .filter(
          ({ finding, index }) => !used.has(index) && finding.ruleId === expected.ruleId && overlaps(finding, expected),
        );
      const best =
        candidates.find(({ finding }) => finding.start === expected.start && finding.end === expected.end) ??
        candidates[0];
      const isExact = best !== undefined && best.finding.start === expected.start && best.finding.end === expected.end;
      if (best) used.add(best.index);
      else score.falseNegatives.push(miss(expected.ruleId, expected.start, expected.end));
      for (const t of [...groups, tally(score.byRule, expected.ruleId)]) {
        t.expected++;
        if (best) t.found++;
        if (isExact) t.exact++;
      }
    }
    findings.forEach((finding, index) => {
      const isFalse = !used.has(index);
      if (isFalse) score.falsePositives.push(miss(finding.ruleId, finding.start, finding.end));
      for (const t of [...groups, tally(score.byRule, finding.ruleId)]) {
        t.findings++;
        if (isFalse) t.falseAlarms++;
      }
    });
    for (const t of groups) {
      t.drafts++;
      if (draft.expected.length === 0) {
        t.benignDrafts++;
        if (findings.length === 0) t.cleanDrafts++;
      }
    }
  }
  return score;
}

/** Only the drafts of one split (the held-out part stays apart while tuning). */
export const ofSplit = (drafts: readonly CoachDraft[], split: CoachSplit | undefined) =>
  split ? drafts.filter((draft) => draft.split === split) : [...drafts];
