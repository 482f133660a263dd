import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  effectivePolicy,
  resolveGuardMode,
  syncIntervalFor,
} from '../../../lib/packs/effective-policy';

describe('effectivePolicy', () => {
  it('uses the built-in defaults without packs', () => {
    expect(effectivePolicy([])).toEqual({
      guardMode: DEFAULT_POLICY.guardMode,
      minGuardMode: 'off',
      locked: false,
      newHireMode: false,
      severityOverrides: {},
      decidedBy: {},
    });
  });

  it('lets the first pack that sets a value win, in order of precedence', () => {
    const policy = effectivePolicy([
      { packId: 'team', policy: { guardMode: 'warn' } },
      { packId: 'dept', policy: { guardMode: 'strict', newHireMode: true } },
      { packId: 'sufler-default', policy: { newHireMode: false } },
    ]);
    expect(policy).toMatchObject({
      guardMode: 'warn',
      newHireMode: true,
      locked: false,
      decidedBy: { guardMode: 'team', newHireMode: 'dept' },
    });
  });

  it('keeps a locked guard mode as a floor that a higher-precedence pack cannot lower', () => {
    const policy = effectivePolicy([
      { packId: 'permissive', policy: { guardMode: 'off' } },
      { packId: 'lead', policy: { guardMode: 'confirm', locked: true } },
      { packId: 'other-lead', policy: { guardMode: 'warn', locked: true } },
    ]);
    expect(policy).toMatchObject({
      guardMode: 'confirm',
      minGuardMode: 'confirm',
      locked: true,
      decidedBy: { guardMode: 'lead', minGuardMode: 'lead' },
    });
    expect(resolveGuardMode(policy, 'off')).toBe('confirm');
    expect(resolveGuardMode(policy, 'strict')).toBe('strict');
    expect(resolveGuardMode(policy)).toBe('confirm');
  });

  it('ignores `locked` without a guard mode and leaves the agent free', () => {
    const policy = effectivePolicy([{ packId: 'team', policy: { locked: true } }]);
    expect(policy.locked).toBe(false);
    expect(resolveGuardMode(policy, 'off')).toBe('off');
  });

  it('keys severity overrides by the overriding pack, so packs never collide', () => {
    const policy = effectivePolicy([
      { packId: 'team', policy: { severityOverrides: { 'cannot-help': 'warning' } } },
      { packId: 'sufler-default', policy: { severityOverrides: { 'cannot-help': 'info', blame: 'error' } } },
    ]);
    expect(policy.severityOverrides).toEqual({
      'team/cannot-help': 'warning',
      'sufler-default/cannot-help': 'info',
      'sufler-default/blame': 'error',
    });
  });

  it('syncs hourly unless the pack says otherwise', () => {
    expect(syncIntervalFor(undefined)).toBe(60);
    expect(syncIntervalFor({ syncIntervalMinutes: 15 })).toBe(15);
  });
});
