import type { DraftFinding, InsertOutcome, PageContext, SiteLocators } from '../model';
import { sendMessage } from './protocol';
import type { MessageSender } from './register-background';

/** The slice of `browser` the router needs; tests and other browsers can pass their own. */
export interface PageRouterDeps {
  queryActiveTab(): Promise<number | undefined>;
  /** Runs an extension script file in one frame of a tab (`scripting.executeScript`). */
  injectScript(target: { tabId: number; frameId: number }, file: string): Promise<unknown>;
  /** Session storage: survives service-worker restarts, cleared when the browser closes. */
  session: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
}

const TOP_FRAME = 0;
/** The agent's on-demand UI (entrypoints/agent-ui.content), as WXT names the built file. */
const AGENT_UI_SCRIPT = 'content-scripts/agent-ui.js';
const focusKey = (tabId: number) => `focusedFrame:${tabId}`;
const fillKey = (conversation: string) => `fillValues:${conversation}`;
const findingsKey = (tabId: number) => `findings:${tabId}`;

/**
 * Routes the sidebar's requests to the right frame of its tab. The sidebar lives in an extension frame in
 * the top document, while the reply box may sit in any frame (an editor iframe, a chat widget): agents
 * report which frame holds the last focused reply box, and inserts go there.
 */
export function createPageRouter(deps: PageRouterDeps) {
  const tabOf = (sender: MessageSender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('Сообщение пришло не со страницы');
    return tabId;
  };

  const fillValues = async (conversation: string): Promise<Record<string, string>> => {
    const stored = (await deps.session.get(fillKey(conversation)))[fillKey(conversation)];
    return typeof stored === 'object' && stored !== null ? (stored as Record<string, string>) : {};
  };

  /** The frame of a tab whose agent last reported a focused reply box (the top frame by default). */
  const focusedFrame = async (tabId: number) => {
    const key = focusKey(tabId);
    const frameId = (await deps.session.get(key))[key];
    return { tabId, frameId: typeof frameId === 'number' ? frameId : TOP_FRAME };
  };

  return {
    async openSidebar(_: undefined, sender: MessageSender): Promise<void> {
      const tabId = sender.tab?.id ?? (await deps.queryActiveTab());
      if (tabId === undefined) return;
      await sendMessage('toggleSidebar', { open: true }, { tabId, frameId: TOP_FRAME });
    },

    async loadAgentUi(_: undefined, sender: MessageSender): Promise<void> {
      await deps.injectScript({ tabId: tabOf(sender), frameId: sender.frameId ?? TOP_FRAME }, AGENT_UI_SCRIPT);
    },

    async toggleSidebarInActiveTab(): Promise<void> {
      const tabId = await deps.queryActiveTab();
      if (tabId !== undefined) await sendMessage('toggleSidebar', {}, { tabId, frameId: TOP_FRAME });
    },

    async closeSidebar(_: undefined, sender: MessageSender): Promise<void> {
      await sendMessage('hideSidebar', undefined, { tabId: tabOf(sender), frameId: TOP_FRAME });
    },

    async replyBoxFocused(_: undefined, sender: MessageSender): Promise<void> {
      await deps.session.set({ [focusKey(tabOf(sender))]: sender.frameId ?? TOP_FRAME });
    },

    async insertIntoPage({ text }: { text: string }, sender: MessageSender): Promise<InsertOutcome> {
      const tabId = tabOf(sender);
      const key = focusKey(tabId);
      const frameId = (await deps.session.get(key))[key];
      try {
        return await sendMessage(
          'insertText',
          { text },
          { tabId, frameId: typeof frameId === 'number' ? frameId : TOP_FRAME },
        );
      } catch {
        // The frame navigated away or was removed since the agent focused it.
        return { ok: false, reason: 'Поле ответа больше не на странице: щёлкните в него и попробуйте ещё раз' };
      }
    },

    /**
     * Values the agent typed into fill-in forms, per conversation, so one order number is typed once per
     * ticket. Session storage: nothing about customers outlives the browser session.
     */
    getFillValues: ({ conversation }: { conversation: string }) => fillValues(conversation),

    async saveFillValues({
      conversation,
      values,
    }: {
      conversation: string;
      values: Record<string, string>;
    }): Promise<void> {
      const kept = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
      const current = await fillValues(conversation);
      await deps.session.set({ [fillKey(conversation)]: { ...current, ...kept } });
    },

    async getPageContext(data: { locators?: SiteLocators } | undefined, sender: MessageSender): Promise<PageContext> {
      const tabId = tabOf(sender);
      return { ...(await sendMessage('readPageContext', data, { tabId, frameId: TOP_FRAME })), tabId };
    },

    /** The sidebar's tab, or the popup's active tab: open the picker in its top frame. */
    async startSitePicker(_: undefined, sender: MessageSender): Promise<void> {
      const tabId = sender.tab?.id ?? (await deps.queryActiveTab());
      if (tabId === undefined) throw new Error('Нет вкладки, которую можно научить');
      await sendMessage('startSitePicker', undefined, { tabId, frameId: TOP_FRAME });
    },

    /** The draft's findings, per tab for the session only, relayed to that tab's sidebar. */
    async reportFindings({ findings }: { findings: DraftFinding[] }, sender: MessageSender): Promise<void> {
      const tabId = tabOf(sender);
      await deps.session.set({ [findingsKey(tabId)]: findings });
      await sendMessage('findingsChanged', { tabId, findings }).catch(() => undefined);
    },

    async getFindings(_: undefined, sender: MessageSender): Promise<DraftFinding[]> {
      const key = findingsKey(tabOf(sender));
      const stored = (await deps.session.get(key))[key];
      return Array.isArray(stored) ? (stored as DraftFinding[]) : [];
    },

    async applyFinding(data: { finding: DraftFinding; index: number }, sender: MessageSender): Promise<void> {
      await sendMessage('applyFindingInBox', data, await focusedFrame(tabOf(sender)));
    },

    async ignoreFinding(data: { finding: DraftFinding }, sender: MessageSender): Promise<void> {
      await sendMessage('ignoreFindingInBox', data, await focusedFrame(tabOf(sender)));
    },
  };
}
