import type { GuardMode, Policy, Severity } from '../model';

/**
 * Merges the policies of every installed pack into the one the extension runs with (pure).
 *
 * `sources` are in order of precedence, highest first: the subscriptions in the agent's order, the bundled
 * pack last. For each setting the first pack that sets it wins, with one exception: a locked guard mode is
 * a floor no other pack can lower — otherwise an agent could escape a lead's lock by subscribing to a
 * permissive pack and moving it up. `locked` without a `guardMode` locks nothing.
 *
 * Severity overrides apply to the overriding pack's own rules (parsePack only accepts ids of rules in the
 * same pack), so they are keyed by rule key `packId/ruleId` and never collide across packs.
 * `syncIntervalMinutes` is per subscription (see syncIntervalFor), not merged.
 */

export interface PolicySource {
  packId: string;
  policy: Policy;
}

export interface EffectivePolicy {
  /** The mode the agent gets unless they choose another one (and can choose, see minGuardMode). */
  guardMode: GuardMode;
  /** The weakest mode the agent may choose: `off` when nothing is locked. */
  minGuardMode: GuardMode;
  locked: boolean;
  /** The default for new-hire mode (live phrasing warnings); the agent may still switch it. */
  newHireMode: boolean;
  /** `packId/ruleId` → severity. */
  severityOverrides: Record<string, Severity>;
  /** Which pack decided each setting, for «задано пакетом …» in options; absent = built-in default. */
  decidedBy: { guardMode?: string; minGuardMode?: string; newHireMode?: string };
}

export const GUARD_MODE_ORDER: readonly GuardMode[] = ['off', 'warn', 'confirm', 'strict'];

export const DEFAULT_POLICY = { guardMode: 'confirm', newHireMode: false } as const satisfies {
  guardMode: GuardMode;
  newHireMode: boolean;
};

export const DEFAULT_SYNC_INTERVAL_MINUTES = 60;

const strength = (mode: GuardMode) => GUARD_MODE_ORDER.indexOf(mode);

export function effectivePolicy(
  sources: readonly PolicySource[],
  defaults: { guardMode: GuardMode; newHireMode: boolean } = DEFAULT_POLICY,
): EffectivePolicy {
  const decidedBy: EffectivePolicy['decidedBy'] = {};
  let guardMode: GuardMode = defaults.guardMode;
  let newHireMode = defaults.newHireMode;
  let minGuardMode: GuardMode = 'off';
  let locked = false;
  const severityOverrides: Record<string, Severity> = {};

  for (const { packId, policy } of sources) {
    if (policy.guardMode !== undefined && decidedBy.guardMode === undefined) {
      guardMode = policy.guardMode;
      decidedBy.guardMode = packId;
    }
    if (policy.newHireMode !== undefined && decidedBy.newHireMode === undefined) {
      newHireMode = policy.newHireMode;
      decidedBy.newHireMode = packId;
    }
    if (policy.locked && policy.guardMode !== undefined) {
      locked = true;
      if (strength(policy.guardMode) > strength(minGuardMode)) {
        minGuardMode = policy.guardMode;
        decidedBy.minGuardMode = packId;
      }
    }
    for (const [ruleId, severity] of Object.entries(policy.severityOverrides ?? {})) {
      severityOverrides[`${packId}/${ruleId}`] = severity;
    }
  }
  if (strength(guardMode) < strength(minGuardMode)) {
    guardMode = minGuardMode;
    decidedBy.guardMode = decidedBy.minGuardMode;
  }
  return { guardMode, minGuardMode, locked, newHireMode, severityOverrides, decidedBy };
}

/** The mode actually in force: the agent's own choice when they made one, never below the locked floor. */
export function resolveGuardMode(policy: EffectivePolicy, agentChoice?: GuardMode): GuardMode {
  const chosen = agentChoice ?? policy.guardMode;
  return strength(chosen) < strength(policy.minGuardMode) ? policy.minGuardMode : chosen;
}

/** How often a subscription is checked: the pack's own policy, or hourly. */
export function syncIntervalFor(policy: Policy | undefined): number {
  return policy?.syncIntervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES;
}
