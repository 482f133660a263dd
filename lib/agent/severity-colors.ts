import { defineMessages } from '../i18n';
import type { Severity } from '../model';

/** One palette for underlines, the badge and the card, readable on white and on tinted helpdesk themes. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  error: '#e03131',
  warning: '#e8590c',
  info: '#1c7ed6',
};

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** How a finding's severity is named to the agent: in the card, the sidebar's «Замечания». */
export const SEVERITY_LABELS: Record<Severity, string> = defineMessages({
  ru: { error: 'Ошибка', warning: 'Совет', info: 'Подсказка' },
  en: { error: 'Error', warning: 'Tip', info: 'Hint' },
});
