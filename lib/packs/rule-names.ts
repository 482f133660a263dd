import { UNFILLED_PLACEHOLDER } from '../lint/lint-text';
import type { Rule } from '../model';
import { rulePhrase } from './pack-change';

/** Rule id → phrase over every installed pack (the first pack that has the id names it). */
export function ruleNames(packs: readonly { rules: readonly Rule[] }[]): Record<string, string> {
  const names: Record<string, string> = { [UNFILLED_PLACEHOLDER]: 'незаполненное поле […]' };
  for (const pack of packs) for (const rule of pack.rules) names[rule.id] ??= rulePhrase(rule);
  return names;
}
