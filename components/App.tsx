import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useEffect, useState } from 'react';
import { applyDocumentLocale } from '@/lib/i18n';
import { onDataChanged, useSettings } from './queries';

/** The root every React surface (popup, options, sidebar) renders inside: one query cache per surface. */
export function App({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: 1 } } }),
  );
  // The background announces every change to the library: refetch whatever this surface shows.
  useEffect(() => onDataChanged(() => void client.invalidateQueries()), [client]);
  useEffect(() => applyDocumentLocale(), []);
  return (
    <StrictMode>
      <QueryClientProvider client={client}>
        <ThemeFromSettings />
        {children}
      </QueryClientProvider>
    </StrictMode>
  );
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
