import { describe, expect, it } from 'vitest';
import { comparePackVersions, rollbackRefusal } from '../../../lib/packs/pack-version';

describe('pack versions', () => {
  it('compares the way a lead numbers releases: digits as numbers', () => {
    expect(comparePackVersions('3.10', '3.9')).toBeGreaterThan(0);
    expect(comparePackVersions('2026.11.2', '2026.9.30')).toBeGreaterThan(0);
    expect(comparePackVersions('2026.11.23', '2026.11.23')).toBe(0);
    expect(comparePackVersions('1.0', '1.0.1')).toBeLessThan(0);
  });

  it('refuses an older version unless it names exactly the version it rolls back', () => {
    expect(rollbackRefusal(undefined, { version: '1' })).toBeNull();
    expect(rollbackRefusal('2', { version: '2' })).toBeNull();
    expect(rollbackRefusal('2', { version: '3' })).toBeNull();
    expect(rollbackRefusal('2', { version: '1' })).toMatch(/^версия 1 старше установленной 2/);
    expect(rollbackRefusal('2', { version: '1', rollbackFrom: '2' })).toBeNull();
    expect(rollbackRefusal('3', { version: '1', rollbackFrom: '2' })).toMatch(/rollbackFrom: "3"/);
  });
});
