import type { ReactNode } from 'react';
import { useSidebarClaim } from '../queries';

/**
 * A sidebar frame that could not claim its tab (a page framed the sidebar page itself, outside our host)
 * shows this and nothing else: the background refuses it every message anyway.
 */
export function SidebarGate({ children }: { children: ReactNode }) {
  const claim = useSidebarClaim();
  if (claim.data === false) {
    return (
      <aside aria-label="Суфлёр" className="sidebar">
        <p role="alert">
          Эту панель открыл не Суфлёр, а страница: она ничего не покажет и не вставит. (This panel was not opened by
          Суфлёр and does nothing.)
        </p>
      </aside>
    );
  }
  return children;
}
