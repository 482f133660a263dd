import type { LintEventKind, LintStat } from '../model';
import type { SuflerDatabase } from './database';

/** `YYYY-MM-DD` in the agent's local time: statistics are read per working day. */
export function localDay(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local statistics per rule per day (shown, fixed, ignored, sent anyway). Nothing of the draft is stored. */
export function createLintStatsService(db: SuflerDatabase, now: () => number = Date.now) {
  return {
    async recordLintEvent({ ruleId, kind }: { ruleId: string; kind: LintEventKind }): Promise<void> {
      const day = localDay(now());
      const key = `${day}|${ruleId}`;
      await db.transaction('rw', db.lintStats, async () => {
        const current: LintStat = (await db.lintStats.get(key)) ?? {
          key,
          day,
          ruleId,
          shown: 0,
          fixed: 0,
          ignored: 0,
          sentAnyway: 0,
        };
        await db.lintStats.put({ ...current, [kind]: current[kind] + 1 });
      });
    },

    /** The last `days` days, newest first. */
    async getLintStats({ days }: { days: number }): Promise<LintStat[]> {
      const since = localDay(now() - (days - 1) * 24 * 60 * 60 * 1000);
      return (await db.lintStats.where('day').aboveOrEqual(since).toArray()).sort(
        (a, b) => b.day.localeCompare(a.day) || a.ruleId.localeCompare(b.ruleId),
      );
    },
  };
}
