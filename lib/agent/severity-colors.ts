import type { Severity } from '../model';

/** One palette for underlines, the badge and the card, readable on white and on tinted helpdesk themes. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  error: '#e03131',
  warning: '#e8590c',
  info: '#1c7ed6',
};

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
