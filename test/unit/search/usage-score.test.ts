import { describe, expect, it } from 'vitest';
import { rankRecent } from '@/lib/search/usage-score';

const NOW = Date.UTC(2026, 11, 1, 12);
const HOUR = 60 * 60 * 1000;

describe('rankRecent', () => {
  // A morning of one agent: a template used forty times over the week, one used three times just now,
  // one used once a month ago, one never used (a zero count the background never stores, but a Map may hold).
  const usage = {
    'p/password': { count: 40, lastUsedAt: NOW - 26 * HOUR },
    'p/promo': { count: 3, lastUsedAt: NOW - 0.2 * HOUR },
    'p/old': { count: 1, lastUsedAt: NOW - 30 * 24 * HOUR },
    'p/never': { count: 0, lastUsedAt: 0 },
  };

  it('orders by frequency and recency together, and leaves out what was never used', () => {
    expect(rankRecent(usage, NOW).map((entry) => entry.key)).toEqual(['p/password', 'p/promo', 'p/old']);
  });

  it('gives the same order from a record and from a Map (the CLI and benches pass Maps)', () => {
    expect(rankRecent(new Map(Object.entries(usage)), NOW)).toEqual(rankRecent(usage, NOW));
  });

  it('breaks ties by the later use, then by key, so the list is stable between calls', () => {
    const tied = { b: { count: 2, lastUsedAt: NOW - HOUR }, a: { count: 2, lastUsedAt: NOW - HOUR } };
    expect(rankRecent(tied, NOW).map((entry) => entry.key)).toEqual(['a', 'b']);
    expect(rankRecent(undefined, NOW)).toEqual([]);
  });
});
