import { localeTag } from '@/lib/i18n';

/** «23.11.2026, 12:40:05» (in English «23/11/2026, 12:40:05»): when a sync last succeeded or failed. */
export const formatTime = (at: number) =>
  new Intl.DateTimeFormat(localeTag(), { dateStyle: 'short', timeStyle: 'medium' }).format(at);
