import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchFirstScreen } from '@/components/sidebar/first-screen';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import type {
  ConflictChoice,
  DraftFinding,
  LibraryFormat,
  PackSite,
  SettingsPatch,
  StoredTemplate,
  SubscriptionInput,
  TemplateDraft,
} from '@/lib/model';

/**
 * Every React surface reads and writes data through these hooks, over the typed protocol. The background
 * owns the data; a change notification invalidates the keys below in every open surface.
 */
export const queryKeys = {
  status: ['status'] as const,
  templates: ['templates'] as const,
  usage: ['usage'] as const,
  settings: ['settings'] as const,
  pageContext: ['pageContext'] as const,
};

export function useLibraryStatus() {
  return useQuery({ queryKey: queryKeys.status, queryFn: () => sendMessage('getStatus') });
}

/** The whole library; `enabled: false` lets the sidebar ask for its first screen before this big answer. */
export function useTemplates({ enabled = true } = {}) {
  return useQuery({ queryKey: queryKeys.templates, queryFn: () => sendMessage('listTemplates'), enabled });
}

/** A few recent and frequent templates: what the sidebar shows while the whole library is on its way. */
export function useFirstScreen() {
  return useQuery({ queryKey: [...queryKeys.templates, 'first-screen'], queryFn: fetchFirstScreen });
}

export function useUsageStats() {
  return useQuery({ queryKey: queryKeys.usage, queryFn: () => sendMessage('getUsageStats') });
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => sendMessage('getSettings') });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => sendMessage('saveSettings', patch),
    onSuccess: (settings) => client.setQueryData(queryKeys.settings, settings),
  });
}

/** The page the sidebar is docked to: its customer name and conversation. */
export function usePageContext() {
  return useQuery({ queryKey: queryKeys.pageContext, queryFn: () => sendMessage('getPageContext') });
}

export function useInsertIntoPage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: { text: string; templateKey: string; site: string }) => sendMessage('insertIntoPage', data),
    onSuccess: (outcome) => {
      if (outcome.ok) void client.invalidateQueries({ queryKey: queryKeys.usage });
    },
  });
}

/** Fill-in values typed earlier in this conversation. */
export function useFillValues(conversation: string | undefined) {
  return useQuery({
    queryKey: ['fillValues', conversation],
    queryFn: () => sendMessage('getFillValues', { conversation: conversation! }),
    enabled: conversation !== undefined,
  });
}

export function useSaveFillValues() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: { conversation: string; values: Record<string, string> }) => sendMessage('saveFillValues', data),
    onSuccess: (_, { conversation }) => client.invalidateQueries({ queryKey: ['fillValues', conversation] }),
  });
}

export const closeSidebar = () => sendMessage('closeSidebar');
/** Opens the picker over the sidebar's page: the agent points at the name, the order number, the ticket number. */
export const teachSite = () => sendMessage('teachSite');

export function useLearnedSites() {
  return useQuery({ queryKey: ['learnedSites'], queryFn: () => sendMessage('listLearnedSites') });
}

export function useLearnedSiteActions() {
  const client = useQueryClient();
  const options = { onSettled: () => client.invalidateQueries({ queryKey: ['learnedSites'] }) };
  return {
    save: useMutation({ mutationFn: (site: PackSite) => sendMessage('saveLearnedSite', site), ...options }),
    remove: useMutation({ mutationFn: (id: string) => sendMessage('deleteLearnedSite', { id }), ...options }),
  };
}

/** Writes to the agent's own library; every surface refetches on the background's change notice. */
export function useLibraryWrites() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.templates });
  const options = { onSuccess: refresh };
  return {
    create: useMutation({ mutationFn: (draft: TemplateDraft) => sendMessage('createTemplate', draft), ...options }),
    update: useMutation({
      mutationFn: (data: { key: string; draft: TemplateDraft }) => sendMessage('updateTemplate', data),
      ...options,
    }),
    copyToPersonal: useMutation({ mutationFn: (key: string) => sendMessage('copyToPersonal', { key }), ...options }),
    remove: useMutation({ mutationFn: (keys: string[]) => sendMessage('deleteTemplates', { keys }), ...options }),
    restore: useMutation({
      mutationFn: (templates: StoredTemplate[]) => sendMessage('restoreTemplates', { templates }),
      ...options,
    }),
    bulkTag: useMutation({
      mutationFn: (data: { keys: string[]; add: string[]; remove: string[] }) => sendMessage('bulkTag', data),
      ...options,
    }),
  };
}

export const subscriptionKeys = { list: ['subscriptions'] as const, policy: ['effectivePolicy'] as const };

/** Team pack subscriptions with their sync status (refetched on every change notice). */
export function useSubscriptions() {
  return useQuery({ queryKey: subscriptionKeys.list, queryFn: () => sendMessage('listSubscriptions') });
}

export function useEffectivePolicy() {
  return useQuery({ queryKey: subscriptionKeys.policy, queryFn: () => sendMessage('getEffectivePolicy') });
}

export function useSubscriptionActions() {
  const client = useQueryClient();
  const options = { onSettled: () => client.invalidateQueries() };
  return {
    subscribe: useMutation({ mutationFn: (input: SubscriptionInput) => sendMessage('subscribe', input), ...options }),
    sync: useMutation({ mutationFn: (id: string) => sendMessage('syncSubscription', { id }), ...options }),
    syncAll: useMutation({ mutationFn: () => sendMessage('syncAllSubscriptions'), ...options }),
    remove: useMutation({ mutationFn: (id: string) => sendMessage('removeSubscription', { id }), ...options }),
    reorder: useMutation({ mutationFn: (ids: string[]) => sendMessage('reorderSubscriptions', { ids }), ...options }),
  };
}

/** A customised copy of a pack template: take the pack's new version, or keep the agent's own. */
export function useUpstreamActions() {
  const client = useQueryClient();
  const options = { onSettled: () => client.invalidateQueries({ queryKey: queryKeys.templates }) };
  return {
    customise: useMutation({ mutationFn: (key: string) => sendMessage('customiseTemplate', { key }), ...options }),
    accept: useMutation({ mutationFn: (key: string) => sendMessage('acceptUpstream', { key }), ...options }),
    keep: useMutation({ mutationFn: (key: string) => sendMessage('keepMine', { key }), ...options }),
  };
}

export function useLibraryTransfer() {
  const client = useQueryClient();
  return {
    exportLibrary: useMutation({ mutationFn: (format: LibraryFormat) => sendMessage('exportLibrary', { format }) }),
    previewImport: useMutation({
      mutationFn: (data: { text: string; format: LibraryFormat }) => sendMessage('previewImport', data),
    }),
    applyImport: useMutation({
      mutationFn: (data: {
        text: string;
        format: LibraryFormat;
        expectedDataVersion: number;
        conflicts: ConflictChoice;
      }) => sendMessage('applyImport', data),
      onSettled: () => client.invalidateQueries({ queryKey: queryKeys.templates }),
    }),
  };
}

/** The findings of the draft in this sidebar's tab, kept current by the background's broadcasts. */
export function useDraftFindings(tabId: number | undefined) {
  const client = useQueryClient();
  useEffect(
    () =>
      onMessage('findingsChanged', ({ data }) => {
        if (data.tabId === tabId) client.setQueryData(['findings'], data.findings);
      }),
    [client, tabId],
  );
  return useQuery({ queryKey: ['findings'], queryFn: () => sendMessage('getFindings') });
}

export function useFindingActions() {
  return {
    apply: useMutation({
      mutationFn: (data: { finding: DraftFinding; index: number }) => sendMessage('applyFinding', data),
    }),
    ignore: useMutation({ mutationFn: (finding: DraftFinding) => sendMessage('ignoreFinding', { finding }) }),
  };
}
