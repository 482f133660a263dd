/**
 * Scores the lint engine on the coach corpus (test/data/coach-corpus/).
 *
 *   npx tsx test/data/score-coach.ts [--split tune|heldout] [--misses]
 *       the bundled default pack, in process (the same build → compile → lintText path as `sufler lint`)
 *   npx tsx test/data/score-coach.ts --held-apart [--cli] [--misses]
 *       the held-apart set (coach-corpus/held-apart/, never used while tuning) instead of the corpus
 *   npx tsx test/data/score-coach.ts --cli [--split …] [--misses]
 *       runs `sufler lint --jsonl` on the corpus and scores what it prints
 *   npx tsx test/data/score-coach.ts --write-jsonl drafts.jsonl [--split …]
 *   sufler lint --jsonl drafts.jsonl > findings.jsonl
 *   npx tsx test/data/score-coach.ts --findings findings.jsonl [--split …]
 *       the same, in two steps (e.g. with another pack: `sufler lint --jsonl --pack my-pack drafts.jsonl`)
 *
 * Line N of the JSONL files is the N-th draft of the chosen split, in corpus order.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Finding } from '../../lib/model';
import {
  COACH_CORPUS_DIR,
  COACH_HELD_APART_DIR,
  COACH_KINDS,
  COACH_SPLITS,
  type CoachDraft,
  type CoachScore,
  type CoachSplit,
  defaultPackFindings,
  exactRate,
  loadCoachCorpus,
  type Miss,
  ofSplit,
  precision,
  recall,
  scoreCoach,
  type Tally,
} from './coach-corpus';

const SUFLER = resolve(import.meta.dirname, '../../lib/cli/sufler.mjs');

const { values } = parseArgs({
  options: {
    split: { type: 'string' },
    misses: { type: 'boolean', default: false },
    cli: { type: 'boolean', default: false },
    'held-apart': { type: 'boolean', default: false },
    findings: { type: 'string' },
    'write-jsonl': { type: 'string' },
  },
});

function fail(message: string): never {
  process.stderr.write(`score-coach: ${message}\n`);
  process.exit(2);
}

if (values.split !== undefined && !(COACH_SPLITS as readonly string[]).includes(values.split)) {
  fail(`--split: ожидается tune или heldout / expected tune or heldout, got «${values.split}»`);
}
const corpusDir = values['held-apart'] ? COACH_HELD_APART_DIR : COACH_CORPUS_DIR;
const drafts = ofSplit(loadCoachCorpus(corpusDir), values.split as CoachSplit | undefined);
const jsonl = drafts.map((draft) => `${JSON.stringify({ id: draft.id, text: draft.text })}\n`).join('');

if (values['write-jsonl']) {
  writeFileSync(values['write-jsonl'], jsonl);
  process.stdout.write(`${drafts.length} drafts → ${values['write-jsonl']}\n`);
  process.exit(0);
}

/** Findings per draft, in corpus order, from `sufler lint --jsonl` output (one JSON array per line). */
function fromJsonLines(output: string): (text: string, draft: CoachDraft) => Finding[] {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== drafts.length) {
    fail(
      `ожидалось ${drafts.length} строк с находками (по одной на черновик), получено ${lines.length} / ` +
        `expected ${drafts.length} lines of findings (one per draft), got ${lines.length} — same --split as --write-jsonl?`,
    );
  }
  const byId = new Map(
    drafts.map((draft, index) => {
      try {
        return [draft.id, JSON.parse(lines[index]) as Finding[]];
      } catch {
        return fail(`строка ${index + 1}: не JSON-массив находок / line ${index + 1}: not a JSON array of findings`);
      }
    }),
  );
  return (_text, draft) => byId.get(draft.id)!;
}

let findingsFor: (text: string, draft: CoachDraft) => readonly Finding[];
let source: string;
if (values.findings) {
  findingsFor = fromJsonLines(readFileSync(values.findings, 'utf8'));
  source = values.findings;
} else if (values.cli) {
  // Exit code 1 only means "error-level findings"; the output is what we score.
  let output: string;
  try {
    output = execFileSync(process.execPath, [SUFLER, 'lint', '--jsonl'], { input: jsonl, encoding: 'utf8' });
  } catch (error) {
    const failed = error as { status?: number; stdout?: string };
    if (failed.status !== 1 || failed.stdout === undefined) throw error;
    output = failed.stdout;
  }
  findingsFor = fromJsonLines(output);
  source = 'sufler lint --jsonl (default pack)';
} else {
  findingsFor = await defaultPackFindings();
  source = 'default pack, in process';
}

const score = scoreCoach(findingsFor, drafts);
const set = values['held-apart'] ? 'held-apart set' : 'corpus';
process.stdout.write(report(score, `${set}; ${source}; split: ${values.split ?? 'all'}`));
if (values.misses) process.stdout.write(listMisses(score));

function fmt(value: number): string {
  return Number.isNaN(value) ? '   –' : value.toFixed(2);
}

function row(label: string, t: Tally): string {
  // Per-rule tallies count spans and findings, not drafts.
  const draftCount = t.drafts === 0 ? '' : String(t.drafts);
  const clean = t.benignDrafts === 0 ? '' : `${t.cleanDrafts}/${t.benignDrafts}`;
  return `${label.padEnd(19)} ${draftCount.padStart(6)} ${String(t.expected).padStart(8)} ${String(t.found).padStart(6)} ${String(t.findings).padStart(8)} ${String(t.falseAlarms).padStart(6)}   ${fmt(precision(t))}   ${fmt(recall(t))}   ${fmt(exactRate(t))}  ${clean.padStart(8)}\n`;
}

function report(s: CoachScore, title: string): string {
  const head = `${'kind'.padEnd(19)} ${'drafts'.padStart(6)} ${'expected'.padStart(8)} ${'found'.padStart(6)} ${'findings'.padStart(8)} ${'false'.padStart(6)}   prec   rec    exact  clean\n`;
  let out = `Coach corpus — ${title}\n${head}`;
  for (const kind of COACH_KINDS) if (s.byKind[kind]) out += row(kind, s.byKind[kind]);
  out += '\n';
  for (const split of COACH_SPLITS) if (s.bySplit[split]) out += row(split, s.bySplit[split]);
  out += row('overall', s.overall);
  out += '\nby rule (expected spans; findings of that rule)\n';
  for (const [ruleId, t] of Object.entries(s.byRule).sort(([a], [b]) => a.localeCompare(b))) {
    out += row(ruleId, t);
  }
  return out;
}

function listMisses(s: CoachScore): string {
  const line = (m: Miss) =>
    `  ${m.id} [${m.split}] ${m.ruleId} «${m.span.replace(/\s+/g, ' ')}» in: ${m.text.replace(/\s+/g, ' ')}\n`;
  return (
    `\nfalse negatives (${s.falseNegatives.length}): expected, not found\n${s.falseNegatives.map(line).join('')}` +
    `\nfalse positives (${s.falsePositives.length}): found, not expected\n${s.falsePositives.map(line).join('')}`
  );
}
