import { UNFILLED_PLACEHOLDER } from '@/lib/lint/lint-text';
import type { Finding, Severity } from '@/lib/model';

/** A draft as an agent leaves it: a greeting, a banned phrase, a softer warning, a placeholder not filled. */
export const DRAFT =
  'Анна, добрый день! К сожалению, ничем не могу помочь. Уважаемый клиент, ваш заказ [номер заказа] в пути.';

function finding(phrase: string, ruleId: string, severity: Severity): Finding {
  const start = DRAFT.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return { ruleId, start, end: start + phrase.length, severity, message: `про ${ruleId}`, suggestions: [] };
}

export const cannotHelp = finding('ничем не могу помочь', 'cannot-help', 'error');
export const dearCustomer = finding('Уважаемый клиент', 'dear-customer', 'warning');
export const placeholder = finding('[номер заказа]', UNFILLED_PLACEHOLDER, 'error');
