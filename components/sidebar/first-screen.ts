import { sendMessage } from '@/lib/messaging/protocol';
import type { StoredTemplate } from '@/lib/model';

/** How many templates the sidebar shows at once on open: a screenful. */
export const FIRST_SCREEN = 30;

let early: Promise<StoredTemplate[]> | null = null;

/**
 * Asked by the sidebar page's first, tiny script, so the answer travels while React and the rest of the
 * page are still loading: the sidebar then opens with results instead of waiting for its own request.
 */
export function requestFirstScreenEarly(): void {
  early ??= sendMessage('listRecentTemplates', { limit: FIRST_SCREEN });
}

/** The early answer once, then fresh requests (after the library changes). */
export function fetchFirstScreen(): Promise<StoredTemplate[]> {
  const answer = early ?? sendMessage('listRecentTemplates', { limit: FIRST_SCREEN });
  early = null;
  return answer;
}
