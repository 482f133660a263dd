import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Fragment, type ReactNode, StrictMode, useEffect, useState } from 'react';
import { applyDocumentLocale, locale } from '@/lib/i18n';
import { applyChosenLocale, restoreChosenLocale } from '@/lib/i18n/remembered-locale';
import { onDataChanged, useSettings } from './queries';

/** The root every React surface (popup, options, sidebar) renders inside: one query cache per surface. */
export function App({ children }: { children: ReactNode }) {
  const [client] = useState(() => {
    restoreChosenLocale();
    return new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: 1 } } });
  });
  // The background announces every change to the library: refetch whatever this surface shows.
  useEffect(() => onDataChanged(() => void client.invalidateQueries()), [client]);
  return (
    <StrictMode>
      <QueryClientProvider client={client}>
        <ThemeFromSettings />
        <LanguageFromSettings>{children}</LanguageFromSettings>
      </QueryClientProvider>
    </StrictMode>
  );
}

/**
 * Настройки → Язык интерфейса (unset: the browser's). Catalogs are read at render time, so a change renders the
 * surface again from the top (its data stays in the query cache; a tab chosen by `#tab=` stays chosen).
 */
function LanguageFromSettings({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const language = settings.data?.language;
  const [shown, setShown] = useState(locale);
  useEffect(() => {
    if (!settings.isSuccess) return;
    applyChosenLocale(language);
    applyDocumentLocale();
    setShown(locale());
  }, [language, settings.isSuccess]);
  useEffect(() => applyDocumentLocale(), []);
  return <Fragment key={shown}>{children}</Fragment>;
}

/** The agent's «Оформление» setting on <html>; unset leaves the system's prefers-color-scheme in charge. */
function ThemeFromSettings() {
  const theme = useSettings().data?.theme;
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  }, [theme]);
  return null;
}
