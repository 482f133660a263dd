import type { ReactNode } from 'react';
import { useSidebarClaim } from '../queries';
import { t } from './messages';

/**
 * A sidebar frame that could not claim its tab (a page framed the sidebar page itself, outside our host)
 * shows this and nothing else: the background refuses it every message anyway.
 */
export function SidebarGate({ children }: { children: ReactNode }) {
  const claim = useSidebarClaim();
  if (claim.data === false) {
    return (
      <aside aria-label={t.name} className="sidebar">
        <p role="alert">{t.gate}</p>
      </aside>
    );
  }
  return children;
}
