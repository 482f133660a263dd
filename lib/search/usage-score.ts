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
