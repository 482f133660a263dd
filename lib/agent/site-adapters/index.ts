import { demoHelpdeskAdapter } from './demo-helpdesk';
import type { SiteAdapter } from './site-adapter';

/** Every adapter, most specific first. */
export const SITE_ADAPTERS: SiteAdapter[] = [demoHelpdeskAdapter];

export function customerNameOnPage(doc: Document, location: Location): string | undefined {
  for (const adapter of SITE_ADAPTERS) {
    if (!adapter.matches(location)) continue;
    const name = adapter.customerName(doc);
    if (name) return name;
  }
  return undefined;
}
