import { defineExtensionMessaging } from '@webext-core/messaging';
import type { StoredPack, StoredRule, StoredTemplate } from '../db/database';

/** What the popup and options show about the library; also the e2e tests' view of the seeded data. */
export interface LibraryStatus {
  dataVersion: number;
  packs: Pick<StoredPack, 'id' | 'name' | 'version' | 'source' | 'updatedAt'>[];
  templateCount: number;
  ruleCount: number;
}

/** Rules of every installed pack, with each pack's build output, for the agent script's linter. */
export interface LintRuleSet {
  dataVersion: number;
  packs: { packId: string; rules: StoredRule[]; compiled?: Record<string, unknown> }[];
}

/**
 * Messages handled by the background service worker. Every cross-context request goes through this map:
 * the key is the message, the function type its argument and result. A unit test checks that the
 * background registers a handler for every key.
 */
export interface BackgroundProtocol {
  getStatus(): LibraryStatus;
  listTemplates(): StoredTemplate[];
  getLintRules(): LintRuleSet;
  recordUsage(data: { templateKey: string; site: string }): void;
}

/** Messages the background (or the popup) sends to the agent script in a tab. */
export interface TabProtocol {
  /** Answers with the page URL: proves the agent script is alive in that frame. */
  agentPing(): { url: string };
}

export type Protocol = BackgroundProtocol & TabProtocol;

export const BACKGROUND_MESSAGES = [
  'getStatus',
  'listTemplates',
  'getLintRules',
  'recordUsage',
] as const satisfies readonly (keyof BackgroundProtocol)[];

export const messenger = defineExtensionMessaging<Protocol>({ logger: undefined });
export const { sendMessage, onMessage } = messenger;
