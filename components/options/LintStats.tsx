import { defineMessages } from '@/lib/i18n';
import { useLintStats, useRuleNames } from '../queries';

const t = defineMessages({
  ru: {
    failed: (message: string) => `Не удалось загрузить статистику: ${message}`,
    loading: 'Загружаю…',
    label: 'Статистика замечаний',
    scope: (days: number) =>
      `За последние ${days} дней, только на этом компьютере. Тексты ответов не сохраняются — только счётчики по правилам.`,
    none: 'Замечаний пока не было.',
    rule: 'Правило',
    shown: 'Показано',
    fixed: 'Исправлено',
    ignored: 'Пропущено',
    sentAnyway: 'Отправлено всё равно',
  },
  en: {
    failed: (message: string) => `Could not load the statistics: ${message}`,
    loading: 'Loading…',
    label: 'Finding statistics',
    scope: (days: number) =>
      `The last ${days} days, on this computer only. Reply texts are not stored — only counts per rule.`,
    none: 'No findings yet.',
    rule: 'Rule',
    shown: 'Shown',
    fixed: 'Fixed',
    ignored: 'Skipped',
    sentAnyway: 'Sent anyway',
  },
});

const DAYS = 14;

/** Local per-rule statistics: which phrasings the agent keeps reaching for, and what they did about it. */
export function LintStats() {
  const stats = useLintStats(DAYS);
  const names = useRuleNames().data ?? {};
  if (stats.isError) return <p role="alert">{t.failed(stats.error.message)}</p>;
  if (!stats.data) return <p>{t.loading}</p>;
  const byRule = new Map<string, { shown: number; fixed: number; ignored: number; sentAnyway: number }>();
  for (const row of stats.data) {
    const total = byRule.get(row.ruleId) ?? { shown: 0, fixed: 0, ignored: 0, sentAnyway: 0 };
    byRule.set(row.ruleId, {
      shown: total.shown + row.shown,
      fixed: total.fixed + row.fixed,
      ignored: total.ignored + row.ignored,
      sentAnyway: total.sentAnyway + row.sentAnyway,
    });
  }
  const rows = [...byRule].sort((a, b) => b[1].shown - a[1].shown);
  return (
    <section aria-label={t.label}>
      <p className="muted">{t.scope(DAYS)}</p>
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.rule}</th>
              <th scope="col">{t.shown}</th>
              <th scope="col">{t.fixed}</th>
              <th scope="col">{t.ignored}</th>
              <th scope="col">{t.sentAnyway}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([ruleId, total]) => (
              <tr key={ruleId}>
                {/* A rule since removed from every pack keeps its id: there is nothing else to call it. */}
                <td>{names[ruleId] ? `«${names[ruleId]}»` : ruleId}</td>
                <td>{total.shown}</td>
                <td>{total.fixed}</td>
                <td>{total.ignored}</td>
                <td>{total.sentAnyway}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
