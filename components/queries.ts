import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import {
  type BackgroundData,
  type BackgroundProtocol,
  type DataArgs,
  onPageBroadcast,
  sendToBackground,
} from '@/lib/messaging/protocol';
import { readTemplatePages } from '@/lib/messaging/template-pages';
import type { DraftFinding, PackSite, StoredTemplate } from '@/lib/model';

/**
 * Every React surface reads and writes data through these hooks, over the typed protocol, and no component
 * sends a message any other way. The background owns the data; a change notification invalidates the keys
 * below in every open surface.
 */

/** The sidebar frame's claim on its tab (see SidebarProtocol); null outside the sidebar. */
let claim: Promise<boolean> | null = null;

/**
 * The sidebar page's first act: claim its tab with the token its agent put in the frame's name (never in
 * the URL). The background refuses a sidebar frame everything until it holds the claim, so a page that
 * frames the sidebar itself gets a dead frame.
 */
export function claimSidebarFrame(token: string): Promise<boolean> {
  claim ??= sendToBackground('claimSidebar', { token }).then(
    (answer) => answer.ok,
    () => false,
  );
  return claim;
}

/** Whether this sidebar frame holds its tab (true outside the sidebar, where there is nothing to claim). */
export function useSidebarClaim() {
  return useQuery({ queryKey: ['sidebarClaim'], queryFn: () => claim ?? Promise.resolve(true) });
}

/** The one way components reach the background: in the sidebar, only once the frame holds its claim. */
async function send<K extends keyof BackgroundProtocol>(type: K, ...data: DataArgs<BackgroundProtocol[K]>) {
  if (claim) await claim;
  return sendToBackground(type, ...data);
}

/** How many templates the sidebar shows at once on open: a screenful. */
export const FIRST_SCREEN = 30;

let early: ReturnType<typeof send<'listRecentTemplates'>> | null = null;

/**
 * Asked by the sidebar page's first, tiny script, so the answer travels while React and the rest of the
 * page are still loading: the sidebar then opens with results instead of waiting for its own request.
 */
export function requestFirstScreenEarly(): void {
  early ??= send('listRecentTemplates', { limit: FIRST_SCREEN });
}

/** The early answer once, then fresh requests (after the library changes). */
function fetchFirstScreen() {
  const answer = early ?? send('listRecentTemplates', { limit: FIRST_SCREEN });
  early = null;
  return answer;
}

/** Change notices from the background: every surface refetches what it shows. */
export const onDataChanged = (listener: () => void) => onPageBroadcast('dataChanged', listener);

export const closeSidebar = () => send('closeSidebar');
export const openSidebarInActiveTab = () => send('openSidebarInActiveTab');

export function useLintStats(days: number) {
  return useQuery({ queryKey: ['lintStats', days], queryFn: () => send('getLintStats', { days }) });
}

/** The popup's site switch: whether Суфлёр runs on the active tab's site, and turning it on or off. */
export function useSiteAccess() {
  const client = useQueryClient();
  const set = (access: Awaited<ReturnType<typeof send<'getSiteAccess'>>>) =>
    client.setQueryData(['siteAccess'], access);
  return {
    site: useQuery({ queryKey: ['siteAccess'], queryFn: () => send('getSiteAccess') }),
    enable: async (origin: string) => set(await send('enableSite', { origin })),
    disable: async (origin: string) => set(await send('disableSite', { origin })),
  };
}
export const queryKeys = {
  status: ['status'] as const,
  templates: ['templates'] as const,
  usage: ['usage'] as const,
  settings: ['settings'] as const,
  pageContext: ['pageContext'] as const,
};

export function useLibraryStatus() {
  return useQuery({ queryKey: queryKeys.status, queryFn: () => send('getStatus') });
}

/** The whole library; `enabled: false` lets the sidebar ask for its first screen before this big answer. */
export function useTemplates({ enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.templates,
    queryFn: () => readTemplatePages((request) => send('listTemplatePage', request)),
    enabled,
  });
}

/** A few recent and frequent templates: what the sidebar shows while the whole library is on its way. */
export function useFirstScreen() {
  return useQuery({ queryKey: [...queryKeys.templates, 'first-screen'], queryFn: fetchFirstScreen });
}

/** Each pack's search lexicon and synonyms; under the templates key, so a library change refreshes it too. */
export function useSearchLexicons() {
  return useQuery({
    queryKey: [...queryKeys.templates, 'search-lexicons'],
    queryFn: () => send('getSearchLexicons'),
  });
}

export function useUsageStats() {
  return useQuery({ queryKey: queryKeys.usage, queryFn: () => send('getUsageStats') });
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => send('getSettings') });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: BackgroundData<'saveSettings'>) => send('saveSettings', patch),
    onSuccess: (settings) => client.setQueryData(queryKeys.settings, settings),
  });
}

/** The page the sidebar is docked to: its customer name and conversation. */
export function usePageContext() {
  return useQuery({ queryKey: queryKeys.pageContext, queryFn: () => send('getPageContext') });
}

/**
 * Reads the page again when the sidebar is shown: a frame prepared or closed a while ago may sit over
 * another conversation by now (a helpdesk that switches tickets without reloading). An answer younger
 * than a second is kept (the frame was just created for this opening).
 */
export function useRefreshPageContext() {
  const client = useQueryClient();
  return useCallback(() => {
    const state = client.getQueryState(queryKeys.pageContext);
    if (state && Date.now() - state.dataUpdatedAt > 1000)
      void client.invalidateQueries({ queryKey: queryKeys.pageContext });
  }, [client]);
}

export function useInsertIntoPage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: BackgroundData<'insertIntoPage'>) => send('insertIntoPage', data),
    onSuccess: (outcome) => {
      if (outcome.ok) void client.invalidateQueries({ queryKey: queryKeys.usage });
    },
  });
}

/** Fill-in values typed earlier in this conversation. */
export function useFillValues(conversation: string | undefined) {
  return useQuery({
    queryKey: ['fillValues', conversation],
    queryFn: () => send('getFillValues', { conversation: conversation! }),
    enabled: conversation !== undefined,
  });
}

export function useSaveFillValues() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: BackgroundData<'saveFillValues'>) => send('saveFillValues', data),
    onSuccess: (_, { conversation }) => client.invalidateQueries({ queryKey: ['fillValues', conversation] }),
  });
}

/** Opens the picker over the sidebar's page: the agent points at the name, the order number, the ticket number. */
export const teachSite = () => send('teachSite');

export function useLearnedSites() {
  return useQuery({ queryKey: ['learnedSites'], queryFn: () => send('listLearnedSites') });
}

export function useLearnedSiteActions() {
  const client = useQueryClient();
  const options = { onSettled: () => client.invalidateQueries({ queryKey: ['learnedSites'] }) };
  return {
    save: useMutation({ mutationFn: (site: PackSite) => send('saveLearnedSite', site), ...options }),
    remove: useMutation({ mutationFn: (id: string) => send('deleteLearnedSite', { id }), ...options }),
  };
}

/** Writes to the agent's own library; every surface refetches on the background's change notice. */
export function useLibraryWrites() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.templates });
  const options = { onSuccess: refresh };
  return {
    create: useMutation({
      mutationFn: (draft: BackgroundData<'createTemplate'>) => send('createTemplate', draft),
      ...options,
    }),
    update: useMutation({
      mutationFn: (data: BackgroundData<'updateTemplate'>) => send('updateTemplate', data),
      ...options,
    }),
    copyToPersonal: useMutation({ mutationFn: (key: string) => send('copyToPersonal', { key }), ...options }),
    remove: useMutation({ mutationFn: (keys: string[]) => send('deleteTemplates', { keys }), ...options }),
    restore: useMutation({
      mutationFn: (templates: StoredTemplate[]) => send('restoreTemplates', { templates }),
      ...options,
    }),
    bulkTag: useMutation({
      mutationFn: (data: BackgroundData<'bulkTag'>) => send('bulkTag', data),
      ...options,
    }),
  };
}

export const subscriptionKeys = { list: ['subscriptions'] as const, policy: ['effectivePolicy'] as const };

/** Team pack subscriptions with their sync status (refetched on every change notice). */
export function useSubscriptions() {
  return useQuery({ queryKey: subscriptionKeys.list, queryFn: () => send('listSubscriptions') });
}

/** Rule id → the phrase it catches, so statistics name rules as an agent knows them. */
export function useRuleNames() {
  return useQuery({ queryKey: [...queryKeys.templates, 'ruleNames'], queryFn: () => send('getRuleNames') });
}

/**
 * The template editor's body against the library's rules. Keyed by the text, so a body typed back to an
 * earlier state answers from the cache; `placeholderData` keeps the last answer while the next one comes.
 */
export function useTemplateBodyCheck(body: string) {
  return useQuery({
    queryKey: [...queryKeys.templates, 'checkBody', body],
    queryFn: () => send('checkTemplateBody', { body }),
    enabled: body.trim() !== '',
    placeholderData: (previous) => previous,
  });
}

/** What syncs changed since the sidebar last showed it; taken once per sidebar open. */
export function useTakePackChanges() {
  return useMutation({ mutationFn: () => send('takePackChanges') });
}

export function useEffectivePolicy() {
  return useQuery({ queryKey: subscriptionKeys.policy, queryFn: () => send('getEffectivePolicy') });
}

export function useSubscriptionActions() {
  const client = useQueryClient();
  const options = { onSettled: () => client.invalidateQueries() };
  return {
    subscribe: useMutation({
      mutationFn: (input: BackgroundData<'subscribe'>) => send('subscribe', input),
      ...options,
    }),
    sync: useMutation({ mutationFn: (id: string) => send('syncSubscription', { id }), ...options }),
    syncAll: useMutation({ mutationFn: () => send('syncAllSubscriptions'), ...options }),
    remove: useMutation({ mutationFn: (id: string) => send('removeSubscription', { id }), ...options }),
    reorder: useMutation({ mutationFn: (ids: string[]) => send('reorderSubscriptions', { ids }), ...options }),
  };
}

/** A customised copy of a pack template: take the pack's new version, or keep the agent's own. */
export function useUpstreamActions() {
  const client = useQueryClient();
  const options = { onSettled: () => client.invalidateQueries({ queryKey: queryKeys.templates }) };
  return {
    customise: useMutation({ mutationFn: (key: string) => send('customiseTemplate', { key }), ...options }),
    accept: useMutation({ mutationFn: (key: string) => send('acceptUpstream', { key }), ...options }),
    keep: useMutation({ mutationFn: (key: string) => send('keepMine', { key }), ...options }),
  };
}

export function useLibraryTransfer() {
  const client = useQueryClient();
  return {
    exportLibrary: useMutation({
      mutationFn: (data: BackgroundData<'exportLibrary'>) => send('exportLibrary', data),
    }),
    previewImport: useMutation({
      mutationFn: (data: BackgroundData<'previewImport'>) => send('previewImport', data),
    }),
    applyImport: useMutation({
      mutationFn: (data: BackgroundData<'applyImport'>) => send('applyImport', data),
      onSettled: () => client.invalidateQueries({ queryKey: queryKeys.templates }),
    }),
  };
}

/** The findings of the draft in this sidebar's tab, kept current by the background's broadcasts. */
export function useDraftFindings(tabId: number | undefined) {
  const client = useQueryClient();
  useEffect(() => {
    // A prepared frame asked before the draft existed, and a change broadcast before the tab was known is
    // dropped: once the tab is known, ask again.
    if (tabId !== undefined) void client.invalidateQueries({ queryKey: ['findings'] });
    return onPageBroadcast('findingsChanged', ({ data }) => {
      if (data.tabId === tabId) client.setQueryData(['findings'], data.findings);
    });
  }, [client, tabId]);
  return useQuery({ queryKey: ['findings'], queryFn: () => send('getFindings') });
}

export function useFindingActions() {
  return {
    apply: useMutation({
      mutationFn: (data: BackgroundData<'applyFinding'>) => send('applyFinding', data),
    }),
    ignore: useMutation({ mutationFn: (finding: DraftFinding) => send('ignoreFinding', { finding }) }),
    insertTemplate: useMutation({
      mutationFn: (data: BackgroundData<'insertSeeAlso'>) => send('insertSeeAlso', data),
    }),
  };
}
