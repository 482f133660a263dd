import { formatTime } from '../options/format-time';
import type { RequestOrigins } from '../options/TeamPacks';
import { openSidebarInActiveTab, teachSite, useLibraryStatus, useSiteAccess, useSubscriptions } from '../queries';

/**
 * The toolbar popup: is Суфлёр on for this site (and the switch for sites it does not know), open the
 * sidebar, the library at a glance, and how each team pack synced.
 */
export function PopupView({ requestOrigins, openOptions }: { requestOrigins: RequestOrigins; openOptions(): void }) {
  const status = useLibraryStatus();
  const subscriptions = useSubscriptions();
  const access = useSiteAccess();
  const site = access.site;

  const enable = async (origin: string) => {
    if (!(await requestOrigins([`${origin}/*`]))) return;
    await access.enable(origin);
  };
  const disable = (origin: string) => access.disable(origin);
  const on = site.data?.access === 'builtin' || site.data?.access === 'enabled';

  return (
    <main className="popup">
      <h1>Суфлёр</h1>
      {site.data?.origin && (
        <section aria-label="Этот сайт">
          <p>
            {site.data.access === 'builtin' && 'Работает на этом сайте.'}
            {site.data.access === 'enabled' && 'Включён вами на этом сайте.'}
            {site.data.access === 'off' && 'На этом сайте выключен.'}
          </p>
          {site.data.access === 'off' && (
            <button type="button" className="primary" onClick={() => void enable(site.data.origin!)}>
              Включить на этом сайте
            </button>
          )}
          {site.data.access === 'enabled' && (
            <button type="button" onClick={() => void disable(site.data.origin!)}>
              Выключить на этом сайте
            </button>
          )}
          {on && (
            <button
              type="button"
              className="primary"
              onClick={() => {
                void openSidebarInActiveTab().finally(() => window.close());
              }}
            >
              Открыть панель (Alt+Shift+S)
            </button>
          )}
          {on && (
            <button type="button" onClick={() => void teachSite().finally(() => window.close())}>
              Научить Суфлёр этому сайту
            </button>
          )}
        </section>
      )}
      {status.isError && <p role="alert">Не удалось открыть библиотеку: {status.error.message}</p>}
      {status.data && (
        <p className="muted">
          В библиотеке шаблонов: {status.data.templateCount}, правил: {status.data.ruleCount}.
        </p>
      )}
      {subscriptions.data && subscriptions.data.length > 0 && (
        <section aria-label="Пакеты команды">
          <h2>Пакеты команды</h2>
          <ul>
            {subscriptions.data.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong>:{' '}
                {s.lastSuccessAt ? `синхронизирован ${formatTime(s.lastSuccessAt)}` : 'ещё не синхронизирован'}
                {s.lastError && (!s.lastSuccessAt || s.lastError.at > s.lastSuccessAt) && (
                  <span role="alert" className="error">
                    {' '}
                    — ошибка {formatTime(s.lastError.at)}: {s.lastError.message}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <button type="button" onClick={openOptions}>
        Библиотека и настройки
      </button>
    </main>
  );
}
