import type { Rule, Severity } from '../model';
import { type CompiledRules, compileRules } from './compile-rules';

/** The rules of one installed pack, as the background stores them. */
export interface PackRules {
  packId: string;
  rules: readonly Rule[];
  compiled?: Record<string, unknown>;
}

/**
 * Compiles every installed pack's rules (each with its own lexicon), with the team's severity overrides
 * applied. Runs in the background once per change; agents receive the result (see `encodeCompiledRules`),
 * so the always-on script carries neither the pattern parser nor the compiler.
 */
export function compileDraftRules(
  packs: readonly PackRules[],
  /** `packId/ruleId` → severity (a pack's policy overrides only its own rules). */
  severityOverrides: Record<string, Severity> = {},
): CompiledRules[] {
  const sets = packs.map((pack) => {
    const rules = pack.rules.map((rule) => {
      const override = severityOverrides[`${pack.packId}/${rule.id}`];
      return override ? { ...rule, severity: override } : rule;
    });
    return compileRules(rules, pack.compiled).compiled;
  });
  // With no rules at all, one empty set still reports unfilled placeholders.
  return sets.length > 0 ? sets : [compileRules([]).compiled];
}
