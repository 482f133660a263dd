const formatter = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'medium' });

/** «23.11.2026, 12:40:05»: when a sync last succeeded or failed. */
export const formatTime = (at: number) => formatter.format(at);
