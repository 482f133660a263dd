import { type BackgroundProtocols, CALLER_GROUPS, type Caller, type Handlers, onBackgroundMessage } from './protocol';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  documentId?: string;
}

/** A handler for every background message, grouped by who may send it (see protocol.ts). */
export type BackgroundHandlers = {
  [G in keyof BackgroundProtocols]: Handlers<BackgroundProtocols[G], [sender: MessageSender]>;
};

/** Whether a sidebar or picker frame holds its claim (page-router.ts keeps the claims). */
export type SidebarGate = (sender: MessageSender, frame: 'sidebar' | 'picker') => Promise<boolean>;

const EXTENSION_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:']);
const SIDEBAR_PATH = '/sidebar.html';
const PICKER_PATH = '/picker.html';
/** The first message of each framed page: the only one it may send before it holds its claim. */
const CLAIMS: Record<'sidebar' | 'picker', string> = { sidebar: 'claimSidebar', picker: 'claimPicker' };

/**
 * Who sent a message, from what Chrome reports about the sender (the sender cannot choose it), or null
 * for a sender we never answer. Like Dark Reader's messenger: only this extension's own contexts count
 * (`sender.id`; pages cannot reach runtime messaging without `externally_connectable`, which we never
 * declare, but another extension can), and a context on an extension URL is one of our pages — a content
 * script's `sender.url` is the page it runs in, never one of ours. The sidebar is the one extension page
 * framed into a tab (`use_dynamic_url` gives its frame a per-session host, so the path is what is checked).
 */
export function callerOf(sender: MessageSender, extensionId: string): Caller | null {
  if (sender.id !== extensionId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (!EXTENSION_PROTOCOLS.has(url.protocol)) return sender.tab ? 'agent' : null;
  // The picker page is web-accessible like the sidebar: framed by anyone, so never an extension page.
  if (url.pathname === PICKER_PATH) return sender.tab ? 'picker' : null;
  return sender.tab && url.pathname === SIDEBAR_PATH ? 'sidebar' : 'extensionPage';
}

/** The messages a caller may send, for the unit test that lists them and for the check below. */
export function messagesFor(handlers: BackgroundHandlers, caller: Caller): string[] {
  return CALLER_GROUPS[caller].flatMap((group) => Object.keys(handlers[group]));
}

/**
 * Registers a handler for every background message; each refuses a caller its group does not admit, and a
 * sidebar or picker frame that has not claimed its place (only its claim message itself is open to it). `ready` gates all
 * answers on start-up work (opening the DB, seeding the default pack) so that the first answer after a
 * cold start is already correct.
 */
export function registerBackgroundHandlers(
  handlers: BackgroundHandlers,
  extensionId: string,
  ready: Promise<unknown>,
  isClaimedSidebar: SidebarGate,
): () => void {
  const removers = (Object.keys(handlers) as (keyof BackgroundProtocols)[]).flatMap((group) =>
    Object.entries(handlers[group]).map(([type, handler]) =>
      onBackgroundMessage(type as never, async (message) => {
        const caller = callerOf(message.sender, extensionId);
        if (caller === null) throw new Error(`Refused "${type}" from an untrusted sender`);
        if (!(CALLER_GROUPS[caller] as readonly string[]).includes(group)) {
          throw new Error(`Refused "${type}": not a message for the ${caller}`);
        }
        if (
          (caller === 'sidebar' || caller === 'picker') &&
          type !== CLAIMS[caller] &&
          !(await isClaimedSidebar(message.sender, caller))
        ) {
          throw new Error(`Refused "${type}": this ${caller} frame was not opened by Суфлёр`);
        }
        await ready;
        return (handler as (data: unknown, sender: MessageSender) => never)(message.data, message.sender);
      }),
    ),
  );
  return () => {
    for (const remove of removers) remove();
  };
}
