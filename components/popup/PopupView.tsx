import { defineMessages } from '@/lib/i18n';
import { formatTime } from '../options/format-time';
import type { RequestOrigins } from '../options/TeamPacks';
import { openSidebarInActiveTab, teachSite, useLibraryStatus, useSiteAccess, useSubscriptions } from '../queries';

const t = defineMessages({
  ru: {
    name: 'Суфлёр',
    thisSite: 'Этот сайт',
    builtin: 'Работает на этом сайте.',
    enabled: 'Включён вами на этом сайте.',
    off: 'На этом сайте выключен.',
    enable: 'Включить на этом сайте',
    disable: 'Выключить на этом сайте',
    openPanel: 'Открыть панель (Alt+Shift+S)',
    teach: 'Научить Суфлёр этому сайту',
    libraryFailed: (message: string) => `Не удалось открыть библиотеку: ${message}`,
    counts: (templates: number, rules: number) => `В библиотеке шаблонов: ${templates}, правил: ${rules}.`,
    teamPacks: 'Пакеты команды',
    synced: (at: string) => `синхронизирован ${at}`,
    notSynced: 'ещё не синхронизирован',
    syncError: (at: string, message: string) => ` — ошибка ${at}: ${message}`,
    options: 'Библиотека и настройки',
  },
  en: {
    name: 'Sufler',
    thisSite: 'This site',
    builtin: 'Works on this site.',
    enabled: 'Turned on by you on this site.',
    off: 'Off on this site.',
    enable: 'Turn on for this site',
    disable: 'Turn off for this site',
    openPanel: 'Open the panel (Alt+Shift+S)',
    teach: 'Teach Sufler this site',
    libraryFailed: (message: string) => `Could not open the library: ${message}`,
    counts: (templates: number, rules: number) => `In the library: ${templates} templates, ${rules} rules.`,
    teamPacks: 'Team packs',
    synced: (at: string) => `synced ${at}`,
    notSynced: 'not synced yet',
    syncError: (at: string, message: string) => ` — error ${at}: ${message}`,
    options: 'Library and settings',
  },
});

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
      <h1>{t.name}</h1>
      {site.data?.origin && (
        <section aria-label={t.thisSite}>
          <p>
            {site.data.access === 'builtin' && t.builtin}
            {site.data.access === 'enabled' && t.enabled}
            {site.data.access === 'off' && t.off}
          </p>
          {site.data.access === 'off' && (
            <button type="button" className="primary" onClick={() => void enable(site.data.origin!)}>
              {t.enable}
            </button>
          )}
          {site.data.access === 'enabled' && (
            <button type="button" onClick={() => void disable(site.data.origin!)}>
              {t.disable}
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
              {t.openPanel}
            </button>
          )}
          {on && (
            <button type="button" onClick={() => void teachSite().finally(() => window.close())}>
              {t.teach}
            </button>
          )}
        </section>
      )}
      {status.isError && <p role="alert">{t.libraryFailed(status.error.message)}</p>}
      {status.data && <p className="muted">{t.counts(status.data.templateCount, status.data.ruleCount)}</p>}
      {subscriptions.data && subscriptions.data.length > 0 && (
        <section aria-label={t.teamPacks}>
          <h2>{t.teamPacks}</h2>
          <ul>
            {subscriptions.data.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong>: {s.lastSuccessAt ? t.synced(formatTime(s.lastSuccessAt)) : t.notSynced}
                {s.lastError && (!s.lastSuccessAt || s.lastError.at > s.lastSuccessAt) && (
                  <span role="alert" className="error">
                    {t.syncError(formatTime(s.lastError.at), s.lastError.message)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <button type="button" onClick={openOptions}>
        {t.options}
      </button>
    </main>
  );
}
