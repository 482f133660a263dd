import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useEffect, useState } from 'react';
import { onDataChanged } from './queries';

/** The root every React surface (popup, options, sidebar) renders inside: one query cache per surface. */
export function App({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: 1 } } }),
  );
  // The background announces every change to the library: refetch whatever this surface shows.
  useEffect(() => onDataChanged(() => void client.invalidateQueries()), [client]);
  return (
    <StrictMode>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </StrictMode>
  );
}
