import { defineMessages } from '../i18n';
import { UNFILLED_PLACEHOLDER } from '../lint/lint-text';
import type { Rule } from '../model';
import { rulePhrase } from './pack-change';

const t = defineMessages({ ru: { placeholder: 'незаполненное поле […]' }, en: { placeholder: 'unfilled field […]' } });

/** Rule id → phrase over every installed pack (the first pack that has the id names it). */
export function ruleNames(packs: readonly { rules: readonly Rule[] }[]): Record<string, string> {
  const names: Record<string, string> = { [UNFILLED_PLACEHOLDER]: t.placeholder };
  for (const pack of packs) for (const rule of pack.rules) names[rule.id] ??= rulePhrase(rule);
  return names;
}
