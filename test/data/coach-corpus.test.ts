import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/model';
import {
  BENIGN_KINDS,
  COACH_HELD_APART_DIR,
  COACH_KINDS,
  type CoachDraft,
  defaultPackFindings,
  FLAGGED_KINDS,
  loadCoachCorpus,
  ofSplit,
  parseCoachCorpus,
  precision,
  recall,
  scoreCoach,
} from './coach-corpus';

const drafts = loadCoachCorpus();

describe('the coach corpus', () => {
  it('loads with every marker well-formed, ids known, no overlaps and no duplicate drafts', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(450);
    for (const draft of drafts) {
      for (const span of draft.expected) {
        const text = draft.text.slice(span.start, span.end);
        expect(text.trim(), `${draft.id} ${span.ruleId}`).toBe(text);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });

  it('covers every kind in both splits, holds out about 30 %, and flags about 55 %', () => {
    for (const kind of COACH_KINDS) {
      const ofKind = drafts.filter((draft) => draft.kind === kind);
      expect(ofKind.filter((draft) => draft.split === 'tune').length, kind).toBeGreaterThan(0);
      expect(ofKind.filter((draft) => draft.split === 'heldout').length, kind).toBeGreaterThan(0);
    }
    const heldout = ofSplit(drafts, 'heldout').length / drafts.length;
    expect(heldout).toBeGreaterThan(0.25);
    expect(heldout).toBeLessThan(0.35);
    const flagged = drafts.filter((draft) => draft.expected.length > 0).length / drafts.length;
    expect(flagged).toBeGreaterThan(0.5);
    expect(flagged).toBeLessThan(0.6);
  });

  it('rejects malformed files with a specific message for each problem', () => {
    const { errors } = parseCoachCorpus({
      'core.yaml': [
        '- { id: core-001, split: tune, text: "[[no-such-rule: ничем не могу помочь]]" }',
        '- { id: core-002, split: tune, text: "Нет маркера вовсе." }',
        '- { id: core-003, split: later, text: "[[cannot-help:ничем не могу помочь]]" }',
        '- { id: core-004, split: tune, text: "[[cannot-help:  ничем не могу]] помочь вам" }',
        '- { id: core-004, split: tune, text: "[[cannot-help: не могу [[i-dont-know: не знаю]]]]" }',
        '- { id: core-006, split: tune, text: "Нет  маркера   вовсе." }',
        '- { id: typo-007, split: tune, text: "[[calm-down: Успакойтесь]]." }',
      ].join('\n'),
      'benign-plain.yaml': '- { id: benign-plain-001, split: tune, text: "[[calm-down: Успокойтесь]]." }',
      'misc.yaml': '[]',
    });
    const messages = errors.map((error) => `${error.where}: ${error.message}`);
    expect(messages).toEqual([
      'core.yaml#core-001: marker «[[no-such-rule: ничем не могу помочь]]»: unknown rule id «no-such-rule»',
      'core.yaml#core-002: a «core» draft must mark at least one banned phrase',
      'core.yaml#core-003: split must be tune or heldout',
      'core.yaml#core-003: marker «[[cannot-help:ничем не могу помочь]]»: expected «[[id: span]]»',
      'core.yaml#core-004: marker «[[cannot-help:  ничем не могу]]»: the span must start and end with a word',
      'core.yaml#core-004: duplicate id',
      'core.yaml#core-004: unbalanced or nested «[[ … ]]» marker',
      'core.yaml#core-006: duplicate of core-002',
      'core.yaml#core-006: a «core» draft must mark at least one banned phrase',
      'core.yaml#typo-007: id must be the kind and a number: «core-001»',
      'benign-plain.yaml#benign-plain-001: a «benign-plain» draft must not mark anything',
      'misc.yaml: the file name must be a kind: core, reordered, interrupted, variant, typo, benign-plain, benign-hard, quoted',
    ]);
  });

  it('scores an oracle 1.0, a silent linter 0 recall, and a wrong rule id as a miss plus a false alarm', () => {
    const oracle = (_text: string, draft: CoachDraft): Finding[] =>
      draft.expected.map((span) => ({ ...span, severity: 'warning', message: '', suggestions: [] }));
    const perfect = scoreCoach(oracle, drafts);
    expect([precision(perfect.overall), recall(perfect.overall)]).toEqual([1, 1]);
    expect(perfect.overall.cleanDrafts).toBe(perfect.overall.benignDrafts);
    expect(recall(scoreCoach(() => [], drafts).overall)).toBe(0);
    const renamed = scoreCoach(
      (text, draft) =>
        oracle(text, draft).map((finding) => ({ ...finding, ruleId: 'calm-down', start: finding.start + 1 })),
      drafts.filter((draft) => draft.kind === 'core' && draft.expected.every((span) => span.ruleId !== 'calm-down')),
    );
    expect(renamed.overall.found).toBe(0);
    expect(renamed.falsePositives.length).toBe(renamed.overall.findings);
  });
});

/*
 * FLOORS — today's engine, measured with `npx tsx test/data/score-coach.ts --split tune|heldout` and set just
 * below it, so that the test fails if the engine gets worse. These are NOT the target: issue 10 asks for
 * precision and recall ≥ 0.95; the engine helper (branch lint-v2) raises these floors as the engine improves.
 */
const FLOORS = {
  // measured on 627 drafts (engine of main at dddb71c): tune 0.67 / 0.46, heldout 0.71 / 0.47 (precision / recall)
  // clause engine (lint-v2), 627 drafts: tune 1.00 / 0.99, heldout 1.00 / 0.97 — the floor is 0.95
  tune: { precision: 0.95, recall: 0.95 },
  heldout: { precision: 0.95, recall: 0.95 },
};

describe('the default pack on the coach corpus (floors: see FLOORS)', async () => {
  const findingsFor = await defaultPackFindings();
  for (const split of ['tune', 'heldout'] as const) {
    it(`${split}: precision and recall stay above the floor`, () => {
      const { overall } = scoreCoach(findingsFor, ofSplit(drafts, split));
      expect(precision(overall)).toBeGreaterThanOrEqual(FLOORS[split].precision);
      expect(recall(overall)).toBeGreaterThanOrEqual(FLOORS[split].recall);
    });
  }
  it('finds nothing in most plain benign drafts', () => {
    const plain = drafts.filter((draft) => draft.kind === 'benign-plain');
    const { overall } = scoreCoach(findingsFor, plain);
    expect(overall.cleanDrafts / overall.benignDrafts).toBeGreaterThanOrEqual(0.95);
  });
});

/*
 * The held-apart set (coach-corpus/held-apart/, issue 10's generalisation check): written after the rules were
 * tuned, from real support writing, and never read by the tuning loop. Scored before any change at 0.99 / 0.96
 * (precision / recall); `npx tsx test/data/score-coach.ts --held-apart` prints today's figure.
 */
describe('the default pack on the held-apart set', async () => {
  const heldApart = loadCoachCorpus(COACH_HELD_APART_DIR);
  const findingsFor = await defaultPackFindings();
  it('holds ≥ 80 drafts of every kind, none of them a copy of a corpus draft', () => {
    expect(heldApart.length).toBeGreaterThanOrEqual(80);
    for (const kind of COACH_KINDS)
      expect(
        heldApart.some((draft) => draft.kind === kind),
        kind,
      ).toBe(true);
    const seen = new Set(drafts.map((draft) => draft.text.toLowerCase().replace(/\s+/g, ' ').trim()));
    for (const draft of heldApart) {
      expect(seen.has(draft.text.toLowerCase().replace(/\s+/g, ' ').trim()), draft.id).toBe(false);
    }
  });
  it('scores precision and recall ≥ 0.95, overall and on the core, variant and benign kinds', () => {
    const { overall, byKind } = scoreCoach(findingsFor, heldApart);
    expect(precision(overall)).toBeGreaterThanOrEqual(0.95);
    expect(recall(overall)).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['core', 'variant'] as const) {
      expect(precision(byKind[kind]), kind).toBeGreaterThanOrEqual(0.95);
      expect(recall(byKind[kind]), kind).toBeGreaterThanOrEqual(0.95);
    }
    for (const kind of ['benign-plain', 'benign-hard'] as const) {
      expect(byKind[kind].cleanDrafts / byKind[kind].benignDrafts, kind).toBeGreaterThanOrEqual(0.95);
    }
  });
});

// Keep the kind lists honest: every kind is either flagged or benign.
it('splits the kinds into flagged and benign', () => {
  expect([...FLAGGED_KINDS, ...BENIGN_KINDS].sort()).toEqual([...COACH_KINDS].sort());
});
