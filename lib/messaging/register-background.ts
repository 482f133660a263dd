import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { type BackgroundProtocol, onMessage } from './protocol';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type BackgroundHandlers = {
  [K in keyof BackgroundProtocol]: (
    data: GetDataType<BackgroundProtocol[K]>,
    sender: MessageSender,
  ) => Promise<GetReturnType<BackgroundProtocol[K]>> | GetReturnType<BackgroundProtocol[K]>;
};

/**
 * Only this extension's own contexts may talk to the background. Pages cannot reach runtime messaging
 * without `externally_connectable` (which we never declare), but another extension can: its messages
 * carry its own id and are refused here.
 */
export function isTrustedSender(sender: MessageSender, extensionId: string): boolean {
  return sender.id === extensionId;
}

/**
 * Registers a handler for every background message. `ready` gates all answers on start-up work (opening
 * the DB, seeding the default pack) so that the first answer after a cold start is already correct.
 */
export function registerBackgroundHandlers(
  handlers: BackgroundHandlers,
  extensionId: string,
  ready: Promise<unknown>,
): () => void {
  const removers = (Object.keys(handlers) as (keyof BackgroundProtocol)[]).map((type) =>
    onMessage(type, async (message) => {
      if (!isTrustedSender(message.sender, extensionId)) {
        throw new Error(`Refused "${type}" from an untrusted sender`);
      }
      await ready;
      // biome-ignore lint/suspicious/noExplicitAny: each key's handler takes that key's own data type.
      return (handlers[type] as (data: any, sender: MessageSender) => unknown)(message.data, message.sender) as never;
    }),
  );
  return () => {
    for (const remove of removers) remove();
  };
}
