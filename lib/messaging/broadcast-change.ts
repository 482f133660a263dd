import { broadcastToPages, sendToTab } from './protocol';

/**
 * After any change to the data: every open extension page refetches (`dataChanged`) and every agent script
 * recompiles its rules (`rulesChanged`). Nobody listening — no page open, a tab without our script — is fine.
 */
export async function broadcastChange(listTabIds: () => Promise<number[]>): Promise<void> {
  void broadcastToPages('dataChanged').catch(() => undefined);
  for (const tabId of await listTabIds()) void sendToTab(tabId, 'rulesChanged').catch(() => undefined);
}
