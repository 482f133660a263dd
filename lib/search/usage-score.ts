import type { TemplateUsage, UsageStats } from '../model';

/** Usage per template key as the background answers it, or as a Map (benchmarks, the CLI). */
export type UsageLookup = UsageStats | Map<string, TemplateUsage>;

const DAY = 24 * 60 * 60 * 1000;
/** A template used three days ago counts half as «recent» as one used just now: a support week has cycles. */
const RECENCY_HALF_LIFE = 3 * DAY;
/** Five uses make a template half «frequent»: frequency saturates, so one favourite cannot dominate forever. */
const FREQUENCY_HALF = 5;

/** 0 (never used) … 1 (used very often and just now). */
export function usageScore(usage: TemplateUsage | undefined, now: number): number {
  if (!usage || usage.count <= 0) return 0;
  const frequency = usage.count / (usage.count + FREQUENCY_HALF);
  const age = Math.max(0, now - usage.lastUsedAt);
  const recency = 0.5 ** (age / RECENCY_HALF_LIFE);
  return 0.6 * frequency + 0.4 * recency;
}

export function getUsage(stats: UsageLookup | undefined, key: string): TemplateUsage | undefined {
  if (!stats) return undefined;
  return stats instanceof Map ? stats.get(key) : Object.hasOwn(stats, key) ? stats[key] : undefined;
}

/**
 * The agent's used templates, best first: the one order of every empty-query list (the sidebar's first
 * screen, its list before the index is built, and the search's empty query), so the list never reorders
 * while the sidebar loads. Ties go to the later use, then to the key.
 */
export function rankRecent(stats: UsageLookup | undefined, now: number): { key: string; score: number }[] {
  const entries: [string, TemplateUsage][] = stats instanceof Map ? [...stats] : Object.entries(stats ?? {});
  return entries
    .map(([key, usage]) => ({ key, score: usageScore(usage, now), lastUsedAt: usage.lastUsedAt }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.lastUsedAt - a.lastUsedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, score }) => ({ key, score }));
}
