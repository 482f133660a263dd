import { type Finding, isHintKind } from '../model';
import { commonEnds } from './common-ends';
import type { CompiledRules } from './compile-rules';
import { lintPiece, lintText } from './lint-text';
import type { SuggestionContext } from './render-suggestion';

export interface DraftLinter {
  lint(text: string): Finding[];
  /**
   * The findings while the agent types inside a word: when `text` differs from the last draft this linter
   * saw only in the letters and digits of one word (the same word as the last such edit, if it was one), the
   * last findings move with the edit and those on or across that word are left out, with no lint
   * (`settled: false`). Any other edit is linted (`settled: true`).
   */
  lintTyping(text: string): { findings: Finding[]; settled: boolean };
}

/**
 * The linter an agent's drafts go through: every pack's compiled rules plus unfilled placeholders. Info
 * hints are for new hires only. Across packs, overlapping findings keep the longer one, as within a pack.
 *
 * Incremental (issue 19): a draft is re-linted on every keystroke, and a keystroke changes one sentence. The
 * draft is cut into pieces at sentence ends that no finding can cross (`pieceEnds`); each piece's findings are
 * kept by its text, so only the piece the agent is typing in is linted again, the others are shifted to their
 * new offsets. Quotation marks pair from the start of the draft (suppress/quotation.ts): a cut is made only
 * where none is open, and after a piece that leaves one open the rest of the draft is one piece. Whole-draft
 * hints (draft-hints.ts) are one pass over the whole draft, run only when a hint can be shown. The result is
 * exactly `lintText` over the whole draft (test/unit/lint/lint-draft-incremental.test.ts).
 */
export function createDraftLinter(
  sets: readonly CompiledRules[],
  { includeInfo = false, context = {} as SuggestionContext } = {},
): DraftLinter {
  const visible = (severity: Finding['severity']) => includeInfo || severity !== 'info';
  const hinted = sets.map((set) => set.hasHints && set.rules.some((r) => isHintKind(r.kind) && visible(r.severity)));
  /** The last draft's pieces, by text: each linted once while it stays as it is. */
  let pieces = new Map<string, Piece>();
  /**
   * The last draft linted or typed, its findings as returned, and the word typed in since the last lint
   * (offsets in `text`), whose findings were left out.
   */
  let last: { text: string; findings: Finding[]; word: { start: number; end: number } | null } = {
    text: '',
    findings: [],
    word: null,
  };
  const lintAt = (piece: string, at: number): Piece => {
    const known = pieces.get(piece);
    if (known) return known.at === at ? known : shifted(known, at);
    let quoteParity = 0;
    const findings = sets.map((set, index) => {
      const linted = lintPiece(piece, set, { placeholders: index === 0, context, hints: false });
      quoteParity = linted.quoteParity;
      return linted.findings;
    });
    const linted: Piece = { at: 0, findings, quoteParity, text: piece };
    return at === 0 ? linted : shifted(linted, at);
  };
  const linter: DraftLinter = {
    lint(text) {
      const next = new Map<string, Piece>();
      const perSet: Finding[][] = sets.map(() => []);
      const take = (piece: Piece) => {
        next.set(piece.text, piece);
        piece.findings.forEach((found, index) => {
          for (const finding of found) perSet[index].push(finding);
        });
      };
      let start = 0;
      for (const end of pieceEnds(text)) {
        const piece = lintAt(text.slice(start, end), start);
        if (piece.quoteParity !== 0) break; // a quotation stays open: no cut until the draft's end
        take(piece);
        start = end;
      }
      take(lintAt(text.slice(start), start));
      pieces = next;
      const found = perSet.flatMap((findings, index) => {
        if (!hinted[index]) return findings;
        const hints = lintText(text, sets[index], { placeholders: index === 0, context, phrases: false });
        return hints.length === 0
          ? findings
          : [...findings, ...hints].sort((a, b) => a.start - b.start || a.end - b.end);
      });
      const shown = includeInfo ? found : found.filter((finding) => finding.severity !== 'info');
      const findings = sets.length > 1 ? resolveOverlaps(shown) : shown;
      last = { text, findings, word: null };
      return findings;
    },
    lintTyping(text) {
      if (text !== last.text) {
        const edit = wordEdit(last.text, text);
        // Typing moved on to another word: the one typed in before is linted now.
        const sameWord = !last.word || (edit && edit.start === last.word.start && edit.end === last.word.end);
        if (!edit || !sameWord) return { findings: linter.lint(text), settled: true };
        last = {
          text,
          findings: movedFindings(last.findings, edit),
          word: { start: edit.start, end: edit.end + edit.by },
        };
      }
      return { findings: last.findings, settled: last.word === null };
    },
  };
  return linter;
}

/** The letters and digits an edit changed, widened to the whole word, in the old text; `by` = length change. */
interface WordEdit {
  start: number;
  end: number;
  by: number;
}

/**
 * The edit from `before` to `after` (their common start and end set apart), if it changed only word units
 * within one word: letters typed or deleted in a word, a one-letter word begun or deleted between spaces.
 * A word begun or deleted right by a punctuation mark, a space, a punctuation mark or a line break typed or
 * deleted, a paste across words, a replaced phrase: null. Linear.
 */
function wordEdit(before: string, after: string): WordEdit | null {
  const { head, tail } = commonEnds(before, after);
  for (let i = head; i < before.length - tail; i++) if (!isWordUnit(before, i)) return null;
  for (let i = head; i < after.length - tail; i++) if (!isWordUnit(after, i)) return null;
  let start = head;
  while (start > 0 && isWordUnit(before, start - 1)) start--;
  let end = before.length - tail;
  while (end < before.length && isWordUnit(before, end)) end++;
  const by = after.length - before.length;
  // A word begun or deleted whole: by one keystroke (not a word pasted or set at once), and not right by a
  // punctuation mark, which it may make a sentence end of, or not one («а.» reads as an initial, «аа.» not).
  const longer = by > 0 ? after : before;
  const touches = (i: number) => i >= 0 && i < longer.length && !isWordUnit(longer, i) && !/\s/.test(longer[i]);
  const whole = end === start || end - start + by === 0;
  if (whole && (Math.abs(by) !== 1 || touches(start - 1) || touches(Math.max(end, end + by)))) return null;
  return { start, end, by };
}

/**
 * Findings before the edited word stay as they are, those after it move by the edit's length; a finding on
 * or across the word is left out until the next lint. What a suggestion would replace may reach over the
 * word (a whole sentence): its ends move as text edits move a selection (one after the word moves with it).
 */
function movedFindings(findings: readonly Finding[], { start, end, by }: WordEdit): Finding[] {
  // Offsets after the word move with it; one inside it (only a suggestion's range can end there) stays in it.
  const at = (offset: number) => (offset <= start ? offset : offset >= end ? offset + by : Math.min(offset, end + by));
  const moved: Finding[] = [];
  for (const finding of findings) {
    if (finding.end > start && finding.start < end) continue;
    const reach = finding.replaces?.reduce((far, range) => Math.max(far, range?.end ?? 0), finding.end) ?? finding.end;
    if (reach <= start || by === 0) {
      moved.push(finding);
      continue;
    }
    const next = { ...finding, start: at(finding.start), end: at(finding.end) };
    if (finding.replaces)
      next.replaces = finding.replaces.map((range) => range && { start: at(range.start), end: at(range.end) });
    moved.push(next);
  }
  return moved;
}

interface Piece {
  text: string;
  /** Offset of the piece in the draft its findings' offsets are for. */
  at: number;
  /** Per rule set, in draft offsets. */
  findings: Finding[][];
  quoteParity: number;
}

function shifted(piece: Piece, at: number): Piece {
  const by = at - piece.at;
  const move = (finding: Finding): Finding => {
    const moved = { ...finding, start: finding.start + by, end: finding.end + by };
    if (finding.replaces)
      moved.replaces = finding.replaces.map((range) => range && { start: range.start + by, end: range.end + by });
    return moved;
  };
  return { ...piece, at, findings: piece.findings.map((found) => found.map(move)) };
}

/**
 * Where a draft may be cut with no finding changed: after a sentence end that a word closes — `x.`, `x!`,
 * `x?` (one full stop, not an ellipsis) — and the spaces or line breaks after it, before a letter or digit.
 * Every rule match, clause, suppressor and suggestion stays inside a sentence (tokenize.ts, clauses.ts), the
 * gap holds no comma, dash or quotation mark, and normalization folds no character across it. One pass over
 * the code units, linear; a surrogate pair is never taken for a word character (fewer cuts are always exact).
 */
/**
 * A piece's linting has a fixed cost (its tables): a sentence shorter than this goes with the next one, so
 * 100 KB of «Ок. » is not 25,000 pieces. Decided by the sentence alone, not by where the piece began, so
 * the cuts after an edited sentence fall where they fell before and their pieces are found by text again.
 */
const MIN_SENTENCE = 24;

function pieceEnds(text: string): number[] {
  const ends: number[] = [];
  const length = text.length;
  let sentence = 0; // where the current sentence began
  for (let i = 1; i < length - 2; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f) continue;
    if (!isWordUnit(text, i - 1)) continue;
    let j = i + 1;
    while (j < length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x0a)) j++;
    if (j > i + 1 && j < length && isWordUnit(text, j)) {
      if (j - sentence >= MIN_SENTENCE) ends.push(j);
      sentence = j;
    }
    i = j - 1;
  }
  return ends;
}

const WORD_UNIT = /[\p{L}\p{N}]/u;
function isWordUnit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return true;
  if (code >= 0x410 && code <= 0x44f) return true;
  if (code < 0xc0 || (code >= 0xd800 && code <= 0xdfff)) return false;
  return WORD_UNIT.test(text[index]);
}

/** The same findings by one `lintText` pass over the whole draft per set: the reference the incremental linter keeps to. */
export function lintWholeDraft(
  sets: readonly CompiledRules[],
  text: string,
  { includeInfo = false, context = {} as SuggestionContext } = {},
): Finding[] {
  const found = sets.flatMap((set, index) => lintText(text, set, { placeholders: index === 0, context }));
  const visible = includeInfo ? found : found.filter((finding) => finding.severity !== 'info');
  return sets.length > 1 ? resolveOverlaps(visible) : visible;
}

/** Longest first wins a contested span; the result is sorted by position, as `lintText` returns it. */
function resolveOverlaps(findings: Finding[]): Finding[] {
  // Whole-draft hints are about the reply, not a phrase: they take part in no contest (draft-hints.ts).
  const kept: Finding[] = findings.filter((finding) => finding.hint);
  const phrases = findings.filter((finding) => !finding.hint);
  for (const finding of phrases.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (kept.every((other) => other.hint || finding.end <= other.start || finding.start >= other.end))
      kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Compiled rules as a string for the trip to the agent: extension messaging serializes as JSON, which
 * would turn the compiled Maps and Sets into empty objects.
 */
export function encodeCompiledRules(sets: readonly CompiledRules[]): string {
  return JSON.stringify(sets, (_, value) => {
    if (value instanceof Map) return { $map: [...value] };
    if (value instanceof Set) return { $set: [...value] };
    return value;
  });
}

export function decodeCompiledRules(json: string): CompiledRules[] {
  return JSON.parse(json, (_, value) => {
    if (value && Array.isArray(value.$map)) return new Map(value.$map);
    if (value && Array.isArray(value.$set)) return new Set(value.$set);
    return value;
  });
}
