import { defineMessages } from '../i18n';
import type {
  DraftFinding,
  FindingCardChoice,
  FindingCardInTopRequest,
  GuardChoice,
  GuardInTopRequest,
  InsertOutcome,
  PageContext,
  PickerFrameAnswer,
  PickerInput,
  SiteLocators,
} from '../model';
import { broadcastToPages, sendToTab } from './protocol';
import type { MessageSender } from './register-background';

const t = defineMessages({
  ru: {
    notFromPage: 'Сообщение пришло не со страницы',
    foreignFrame: 'Поле ответа в кадре другого сайта: вставка туда не идёт',
    topFrameOnly: 'Только верхний кадр страницы держит панель Суфлёра',
    boxGone: 'Поле ответа больше не на странице: щёлкните в него и попробуйте ещё раз',
    noTab: 'Нет вкладки, которую можно научить',
  },
  en: {
    notFromPage: 'The message did not come from a page',
    foreignFrame: 'The reply box is in another site’s frame: no inserting there',
    topFrameOnly: 'Only the page’s top frame holds the Sufler panel',
    boxGone: 'The reply box is no longer on the page: click into it and try again',
    noTab: 'There is no tab to teach',
  },
});

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
const sidebarKey = (tabId: number) => `sidebarFrame:${tabId}`;
const pickerKey = (tabId: number) => `pickerFrames:${tabId}`;

/** Per agent frame (by its frame id) of a tab: the token it put in its picker frame's name, and who claimed it. */
type PickerClaims = Record<string, SidebarClaim>;

/** The token the top frame's agent put in its sidebar frame's name, and the frame that claimed it. */
interface SidebarClaim {
  token: string;
  frameId?: number;
}

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

/**
 * Routes the sidebar's requests to the right frame of its tab. The sidebar lives in an extension frame in
 * the top document, while the reply box may sit in any frame (an editor iframe, a chat widget): agents
 * report which frame holds the last focused reply box, and inserts go there.
 */
export function createPageRouter(deps: PageRouterDeps) {
  const tabOf = (sender: MessageSender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error(t.notFromPage);
    return tabId;
  };

  const fillValues = async (conversation: string): Promise<Record<string, string>> => {
    const stored = (await deps.session.get(fillKey(conversation)))[fillKey(conversation)];
    return typeof stored === 'object' && stored !== null ? (stored as Record<string, string>) : {};
  };

  const sidebarClaim = async (tabId: number): Promise<SidebarClaim | null> => {
    const stored = (await deps.session.get(sidebarKey(tabId)))[sidebarKey(tabId)];
    return typeof stored === 'object' && stored !== null ? (stored as SidebarClaim) : null;
  };

  const pickerClaims = async (tabId: number): Promise<PickerClaims> => {
    const stored = (await deps.session.get(pickerKey(tabId)))[pickerKey(tabId)];
    return typeof stored === 'object' && stored !== null ? (stored as PickerClaims) : {};
  };

  /** The frame of a tab whose agent last reported a focused reply box (the top frame by default). */
  const focusedFrame = async (tabId: number) => {
    const key = focusKey(tabId);
    const frameId = (await deps.session.get(key))[key];
    return { tabId, frameId: typeof frameId === 'number' ? frameId : TOP_FRAME };
  };

  /** Template text goes only to the top page's own origin: a cross-origin subframe is another site. */
  const assertTopOrigin = (sender: MessageSender) => {
    const frameOrigin = originOf(sender.url);
    if (sender.frameId !== TOP_FRAME && (frameOrigin === null || frameOrigin !== originOf(sender.tab?.url))) {
      throw new Error(t.foreignFrame);
    }
  };

  return {
    async openSidebar(_: undefined, sender: MessageSender): Promise<void> {
      await sendToTab({ tabId: tabOf(sender), frameId: TOP_FRAME }, 'toggleSidebar', { open: true });
    },

    async openSidebarInActiveTab(): Promise<void> {
      const tabId = await deps.queryActiveTab();
      if (tabId !== undefined) await sendToTab({ tabId, frameId: TOP_FRAME }, 'toggleSidebar', { open: true });
    },

    /**
     * The top frame's agent is about to create its sidebar frame with `token` as the frame's name. The
     * token never appears in a URL, and a page cannot read the name of a cross-origin frame it cannot
     * reach (the frame sits in a closed shadow root): so only the agent's own frame can claim the tab.
     */
    async expectSidebar({ token }: { token: string }, sender: MessageSender): Promise<void> {
      if (sender.frameId !== TOP_FRAME) throw new Error(t.topFrameOnly);
      await deps.session.set({ [sidebarKey(tabOf(sender))]: { token } satisfies SidebarClaim });
    },

    /** The sidebar frame's first message: one claim per token, by the frame that holds it. */
    async claimSidebar({ token }: { token: string }, sender: MessageSender): Promise<{ ok: boolean }> {
      const tabId = tabOf(sender);
      const claim = await sidebarClaim(tabId);
      if (!claim || claim.token !== token || typeof token !== 'string') return { ok: false };
      // The same frame may ask again (its page reloaded); any other frame is too late.
      if (claim.frameId !== undefined && claim.frameId !== sender.frameId) return { ok: false };
      await deps.session.set({ [sidebarKey(tabId)]: { token, frameId: sender.frameId } satisfies SidebarClaim });
      return { ok: true };
    },

    /** Whether `sender` is the sidebar frame that claimed its tab. */
    async isClaimedSidebar(sender: MessageSender): Promise<boolean> {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId === undefined) return false;
      const claim = await sidebarClaim(tabId);
      return claim?.frameId === sender.frameId;
    },

    /**
     * An agent is about to create its picker frame (lib/agent/picker-host.ts) with `token` as the frame's name.
     * Only agents in frames of the top page's origin: template text never goes to another site's frame.
     */
    async expectPicker({ token }: { token: string }, sender: MessageSender): Promise<void> {
      assertTopOrigin(sender);
      const tabId = tabOf(sender);
      const claims = await pickerClaims(tabId);
      claims[String(sender.frameId ?? TOP_FRAME)] = { token };
      await deps.session.set({ [pickerKey(tabId)]: claims });
    },

    /** The picker frame's first message: one claim per token, by the frame that holds it. */
    async claimPicker({ token }: { token: string }, sender: MessageSender): Promise<{ ok: boolean }> {
      const tabId = tabOf(sender);
      const claims = await pickerClaims(tabId);
      const entry = Object.entries(claims).find(([, claim]) => claim.token === token && typeof token === 'string');
      if (!entry) return { ok: false };
      const [agentFrame, claim] = entry;
      if (claim.frameId !== undefined && claim.frameId !== sender.frameId) return { ok: false };
      claims[agentFrame] = { token, frameId: sender.frameId };
      await deps.session.set({ [pickerKey(tabId)]: claims });
      return { ok: true };
    },

    /** Whether `sender` is a picker frame that claimed its place. */
    async isClaimedPicker(sender: MessageSender): Promise<boolean> {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId === undefined) return false;
      return Object.values(await pickerClaims(tabId)).some((claim) => claim.frameId === sender.frameId);
    },

    /** The agent's typing at the trigger, to the picker frame it created; null when it has none (yet). */
    async relayToPicker(input: PickerInput, sender: MessageSender): Promise<PickerFrameAnswer | null> {
      assertTopOrigin(sender);
      const tabId = tabOf(sender);
      const frameId = (await pickerClaims(tabId))[String(sender.frameId ?? TOP_FRAME)]?.frameId;
      if (frameId === undefined) return null;
      return sendToTab({ tabId, frameId }, 'pickerUpdate', input).catch(() => null);
    },

    async loadAgentUi(_: undefined, sender: MessageSender): Promise<void> {
      await deps.injectScript({ tabId: tabOf(sender), frameId: sender.frameId ?? TOP_FRAME }, AGENT_UI_SCRIPT);
    },

    async toggleSidebarInActiveTab(): Promise<void> {
      const tabId = await deps.queryActiveTab();
      if (tabId !== undefined) await sendToTab({ tabId, frameId: TOP_FRAME }, 'toggleSidebar', {});
    },

    async closeSidebar(_: undefined, sender: MessageSender): Promise<void> {
      await sendToTab({ tabId: tabOf(sender), frameId: TOP_FRAME }, 'hideSidebar');
    },

    /**
     * Inserts follow the reply box the agent focused last, but only in a frame of the top page's own origin:
     * a cross-origin subframe (another tenant's widget on the same helpdesk host, an ad) never receives
     * what the agent inserts, whatever it focuses. The agent reports only focus that follows a user action.
     */
    async replyBoxFocused(_: undefined, sender: MessageSender): Promise<void> {
      assertTopOrigin(sender);
      await deps.session.set({ [focusKey(tabOf(sender))]: sender.frameId ?? TOP_FRAME });
    },

    /** A subframe's guard dialog is drawn by the top frame's agent, which answers with the agent's choice. */
    async showGuardInTop(data: GuardInTopRequest, sender: MessageSender): Promise<GuardChoice> {
      return sendToTab({ tabId: tabOf(sender), frameId: TOP_FRAME }, 'showGuardDialog', data);
    },

    /**
     * A cross-origin frame's finding card is drawn by the top frame's agent, over that frame (found by the
     * origin the browser reports for the sender, not one the frame names), which answers with the choice.
     */
    async showFindingCardInTop(data: FindingCardInTopRequest, sender: MessageSender): Promise<FindingCardChoice> {
      const frameOrigin = originOf(sender.url) ?? undefined;
      return sendToTab({ tabId: tabOf(sender), frameId: TOP_FRAME }, 'showFindingCard', { ...data, frameOrigin });
    },

    async hideFindingCardInTop(_: undefined, sender: MessageSender): Promise<void> {
      await sendToTab({ tabId: tabOf(sender), frameId: TOP_FRAME }, 'hideFindingCard');
    },

    async insertIntoPage({ text }: { text: string }, sender: MessageSender): Promise<InsertOutcome> {
      try {
        return await sendToTab(await focusedFrame(tabOf(sender)), 'insertText', { text });
      } catch {
        // The frame navigated away or was removed since the agent focused it.
        return { ok: false, reason: t.boxGone };
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
      return { ...(await sendToTab({ tabId, frameId: TOP_FRAME }, 'readPageContext', data)), tabId };
    },

    /** The sidebar's tab, or the popup's active tab: open the picker in its top frame. */
    async startSitePicker(_: undefined, sender: MessageSender): Promise<void> {
      const tabId = sender.tab?.id ?? (await deps.queryActiveTab());
      if (tabId === undefined) throw new Error(t.noTab);
      await sendToTab({ tabId, frameId: TOP_FRAME }, 'startSitePicker');
    },

    /** The draft's findings, per tab for the session only, relayed to that tab's sidebar. */
    async reportFindings({ findings }: { findings: DraftFinding[] }, sender: MessageSender): Promise<void> {
      const tabId = tabOf(sender);
      await deps.session.set({ [findingsKey(tabId)]: findings });
      await broadcastToPages('findingsChanged', { tabId, findings }).catch(() => undefined);
    },

    async getFindings(_: undefined, sender: MessageSender): Promise<DraftFinding[]> {
      const key = findingsKey(tabOf(sender));
      const stored = (await deps.session.get(key))[key];
      return Array.isArray(stored) ? (stored as DraftFinding[]) : [];
    },

    async applyFinding(data: { finding: DraftFinding; index: number }, sender: MessageSender): Promise<void> {
      await sendToTab(await focusedFrame(tabOf(sender)), 'applyFindingInBox', data);
    },

    async ignoreFinding(data: { finding: DraftFinding }, sender: MessageSender): Promise<void> {
      await sendToTab(await focusedFrame(tabOf(sender)), 'ignoreFindingInBox', data);
    },

    async insertSeeAlso(data: { finding: DraftFinding; id: string }, sender: MessageSender): Promise<void> {
      await sendToTab(await focusedFrame(tabOf(sender)), 'insertSeeAlsoInBox', data);
    },
  };
}
