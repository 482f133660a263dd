import { compileDraftRules } from '../lint/compile-draft-rules';
import { createDraftLinter, encodeCompiledRules } from '../lint/lint-draft';
import { UNFILLED_PLACEHOLDER } from '../lint/lint-text';
import type { AgentConfig, TemplateBodyFinding } from '../model';
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
  let cached: {
    key: string;
    rules: string;
    compiled: ReturnType<typeof compileDraftRules>;
    seeAlso: NonNullable<AgentConfig['seeAlso']>;
    /** Template id → key, for `seeAlsoKey`. */
    seeAlsoKeys: Map<string, string>;
  } | null = null;
  const compiled = async (policy: EffectivePolicy) => {
    const ruleSet = await library.getLintRules();
    const key = `${ruleSet.dataVersion}|${JSON.stringify(policy.severityOverrides)}`;
    if (cached?.key !== key) {
      const sets = compileDraftRules(ruleSet.packs, policy.severityOverrides);
      // `seeAlso` names templates of the rule's own pack (checked by `sufler pack check`).
      const wanted = new Set(
        ruleSet.packs.flatMap((pack) =>
          pack.rules.flatMap((rule) => (rule.seeAlso ?? []).map((id) => `${pack.packId}/${id}`)),
        ),
      );
      const seeAlso: NonNullable<AgentConfig['seeAlso']> = {};
      const seeAlsoKeys = new Map<string, string>();
      if (wanted.size > 0) {
        for (const template of await library.listTemplates()) {
          if (!wanted.has(template.key) || seeAlsoKeys.has(template.id)) continue;
          seeAlso[template.id] = { title: template.title };
          seeAlsoKeys.set(template.id, template.key);
        }
      }
      cached = { key, rules: encodeCompiledRules(sets), compiled: sets, seeAlso, seeAlsoKeys };
    }
    return { dataVersion: ruleSet.dataVersion, ...cached };
  };
  return {
    /**
     * A template body against the library's rules, as the coach would see it typed (errors and warnings; a
     * template's fill-ins are its point, not a finding): the template editor warns before it is saved.
     */
    async checkTemplateBody({ body }: { body: string }): Promise<TemplateBodyFinding[]> {
      const { compiled: sets } = await compiled(await getEffectivePolicy());
      return createDraftLinter(sets)
        .lint(body)
        .filter((finding) => finding.ruleId !== UNFILLED_PLACEHOLDER)
        .map((finding) => ({
          phrase: body.slice(finding.start, finding.end),
          message: finding.message,
          severity: finding.severity,
          suggestions: finding.suggestions.slice(0, 3),
        }));
    },

    /** The key of a template some rule names in `seeAlso` (undefined for any other id: agents get no others). */
    async seeAlsoKey(id: string): Promise<string | undefined> {
      return (await compiled(await getEffectivePolicy())).seeAlsoKeys.get(id);
    },

    async getAgentConfig(): Promise<AgentConfig> {
      const [policy, own] = await Promise.all([getEffectivePolicy(), settings.getSettings()]);
      const ruleSet = await compiled(policy);
      const newHireMode = own.newHireMode ?? policy.newHireMode;
      // New-hire mode means the strict guard, unless a locked team policy asks for even more (it cannot).
      const guardMode = newHireMode ? 'strict' : resolveGuardMode(policy, own.guardMode);
      return {
        dataVersion: ruleSet.dataVersion,
        rules: ruleSet.rules,
        guardMode,
        newHireMode,
        errorsLocked: newHireMode || (policy.locked && policy.minGuardMode === 'strict'),
        ...(own.agentName ? { agentName: own.agentName } : {}),
        ...(own.agentGender ? { agentGender: own.agentGender } : {}),
        ...(Object.keys(ruleSet.seeAlso).length > 0 ? { seeAlso: ruleSet.seeAlso } : {}),
        ...(own.theme ? { theme: own.theme } : {}),
        ...(own.language ? { language: own.language } : {}),
      };
    },
  };
}
