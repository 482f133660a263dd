import type { Finding } from '../model';
import type { CompiledRules } from './compile-rules';
import { lintText } from './lint-text';
import type { SuggestionContext } from './render-suggestion';

export interface DraftLinter {
  lint(text: string): Finding[];
}

/**
 * The linter an agent's drafts go through: every pack's compiled rules plus unfilled placeholders. Info
 * hints are for new hires only. Across packs, overlapping findings keep the longer one, as within a pack.
 */
export function createDraftLinter(
  sets: readonly CompiledRules[],
  { includeInfo = false, context = {} as SuggestionContext } = {},
): DraftLinter {
  return {
    lint(text) {
      const found = sets.flatMap((set, index) => lintText(text, set, { placeholders: index === 0, context }));
      const visible = includeInfo ? found : found.filter((finding) => finding.severity !== 'info');
      return sets.length > 1 ? resolveOverlaps(visible) : visible;
    },
  };
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
