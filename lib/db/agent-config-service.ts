import { compileDraftRules } from '../lint/compile-draft-rules';
import { encodeCompiledRules } from '../lint/lint-draft';
import type { AgentConfig } from '../model';
import { type EffectivePolicy, resolveGuardMode } from '../packs/effective-policy';
import type { createLibraryService } from './library-service';
import type { createSettingsService } from './settings-service';

interface Deps {
  library: ReturnType<typeof createLibraryService>;
  settings: ReturnType<typeof createSettingsService>;
  getEffectivePolicy(): Promise<EffectivePolicy>;
}

/**
 * Builds the agent configuration. Compiling costs a few milliseconds, so the result is kept per data
 * version in memory; a restarted service worker simply compiles again on the first request.
 */
export function createAgentConfigService({ library, settings, getEffectivePolicy }: Deps) {
  let cached: { key: string; rules: string } | null = null;
  return {
    async getAgentConfig(): Promise<AgentConfig> {
      const [ruleSet, policy, own] = await Promise.all([
        library.getLintRules(),
        getEffectivePolicy(),
        settings.getSettings(),
      ]);
      const key = `${ruleSet.dataVersion}|${JSON.stringify(policy.severityOverrides)}`;
      if (cached?.key !== key) {
        cached = { key, rules: encodeCompiledRules(compileDraftRules(ruleSet.packs, policy.severityOverrides)) };
      }
      const newHireMode = own.newHireMode ?? policy.newHireMode;
      // New-hire mode means the strict guard, unless a locked team policy asks for even more (it cannot).
      const guardMode = newHireMode ? 'strict' : resolveGuardMode(policy, own.guardMode);
      return {
        dataVersion: ruleSet.dataVersion,
        rules: cached.rules,
        guardMode,
        newHireMode,
        errorsLocked: newHireMode || (policy.locked && policy.minGuardMode === 'strict'),
        ...(own.agentName ? { agentName: own.agentName } : {}),
        ...(own.agentGender ? { agentGender: own.agentGender } : {}),
      };
    },
  };
}
