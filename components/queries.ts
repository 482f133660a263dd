import { useQuery } from '@tanstack/react-query';
import { sendMessage } from '@/lib/messaging/protocol';

/** Every React surface reads data through these hooks; query keys are invalidated on change notifications. */
export const queryKeys = {
  status: ['status'] as const,
  templates: ['templates'] as const,
};

export function useLibraryStatus() {
  return useQuery({ queryKey: queryKeys.status, queryFn: () => sendMessage('getStatus') });
}

export function useTemplates() {
  return useQuery({ queryKey: queryKeys.templates, queryFn: () => sendMessage('listTemplates') });
}
