import { useLintStats, useRuleNames } from '../queries';

const DAYS = 14;

/** Local per-rule statistics: which phrasings the agent keeps reaching for, and what they did about it. */
export function LintStats() {
  const stats = useLintStats(DAYS);
  const names = useRuleNames().data ?? {};
  if (stats.isError) return <p role="alert">Не удалось загрузить статистику: {stats.error.message}</p>;
  if (!stats.data) return <p>Загружаю…</p>;
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
    <section aria-label="Статистика замечаний">
      <p className="muted">
        За последние {DAYS} дней, только на этом компьютере. Тексты ответов не сохраняются — только счётчики по
        правилам.
      </p>
      {rows.length === 0 ? (
        <p>Замечаний пока не было.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Правило</th>
              <th scope="col">Показано</th>
              <th scope="col">Исправлено</th>
              <th scope="col">Пропущено</th>
              <th scope="col">Отправлено всё равно</th>
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
