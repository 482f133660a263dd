import { defineMessages } from '../i18n';
import { parseExample } from '../lint/parse-example';
import type { NamedList, Pack, PackChange, Policy, Rule, Template } from '../model';
import { guardModeName, isGuardMode } from './guard-mode-names';

/**
 * What one sync changed in a team pack, by name (template titles, rule phrases, policy settings), so the
 * lead and the agents read «удалён шаблон «…»; проверка перед отправкой: спрашивать → строгая» rather than
 * «версия 2, шаблонов: 8». Pure: the subscription service stores it with the subscription.
 */

/** What the previous version had, as stored. */
export interface PackBefore {
  version: string;
  policy: Policy;
  templates: Pick<Template, 'id' | 'title' | 'body' | 'category' | 'tags' | 'shortcut' | 'note'>[];
  rules: Rule[];
}

const NAMES_KEPT = 20;

function namedList(names: string[]): NamedList {
  return { count: names.length, names: names.slice(0, NAMES_KEPT) };
}

/** A rule by what it catches: the span of its first bad example («ничем не могу помочь»), not its id. */
export function rulePhrase(rule: Pick<Rule, 'id' | 'patterns' | 'examples'>): string {
  for (const source of rule.examples?.bad ?? []) {
    const example = parseExample(source);
    if (!('error' in example) && example.spans.length > 0) {
      const span = example.spans[0];
      return example.text.slice(span.start, span.end).toLowerCase();
    }
  }
  return rule.patterns?.[0] ?? rule.id;
}

function sameTemplate(a: PackBefore['templates'][number], b: Template): boolean {
  return (
    a.body === b.body &&
    a.category === b.category &&
    (a.shortcut ?? '') === (b.shortcut ?? '') &&
    (a.note ?? '') === (b.note ?? '') &&
    a.tags.join('\n') === b.tags.join('\n')
  );
}

/** Compares what a rule does and says; a stored rule's own key and pack id do not count. */
function sameRule(a: Rule, b: Rule): boolean {
  const essence = (rule: Rule) =>
    JSON.stringify([
      rule.severity,
      rule.message,
      rule.patterns,
      rule.exceptions ?? [],
      rule.suggestions,
      rule.examples,
    ]);
  return essence(a) === essence(b);
}

const POLICY_FIELDS: (keyof Policy)[] = ['guardMode', 'locked', 'newHireMode', 'syncIntervalMinutes', 'hideBundled'];

/** Compares the installed version with the incoming one (linear in both sizes). */
export function diffPack(before: PackBefore | undefined, after: Pack, at: number): PackChange {
  const oldTemplates = new Map((before?.templates ?? []).map((template) => [template.id, template]));
  const newIds = new Set(after.templates.map((template) => template.id));
  const added: string[] = [];
  const changed: string[] = [];
  const renamed: { from: string; to: string }[] = [];
  for (const template of after.templates) {
    const old = oldTemplates.get(template.id);
    if (!old) added.push(template.title);
    else {
      if (old.title !== template.title) renamed.push({ from: old.title, to: template.title });
      if (!sameTemplate(old, template)) changed.push(template.title);
    }
  }
  const removed = [...oldTemplates.values()].filter((t) => !newIds.has(t.id)).map((t) => t.title);

  const oldRules = new Map((before?.rules ?? []).map((rule) => [rule.id, rule]));
  const newRuleIds = new Set(after.rules.map((rule) => rule.id));
  const rulesAdded: string[] = [];
  const rulesChanged: string[] = [];
  for (const rule of after.rules) {
    const old = oldRules.get(rule.id);
    if (!old) rulesAdded.push(rulePhrase(rule));
    else if (!sameRule(old, rule)) rulesChanged.push(rulePhrase(rule));
  }
  const rulesRemoved = [...oldRules.values()].filter((r) => !newRuleIds.has(r.id)).map(rulePhrase);

  const policy: PackChange['policy'] = [];
  if (before) {
    for (const field of POLICY_FIELDS) {
      const from = before.policy[field];
      const to = after.policy[field];
      if (JSON.stringify(from) !== JSON.stringify(to)) policy.push({ field, from, to });
    }
  }

  return {
    at,
    packName: after.name,
    ...(before ? { fromVersion: before.version } : {}),
    toVersion: after.version,
    templates: {
      added: namedList(added),
      changed: namedList(changed),
      removed: namedList(removed),
      renamed: renamed.slice(0, NAMES_KEPT),
    },
    rules: { added: namedList(rulesAdded), changed: namedList(rulesChanged), removed: namedList(rulesRemoved) },
    policy,
  };
}

/** True when the new version differs from the old in anything a person would notice. */
export function packChanged(change: PackChange): boolean {
  const { templates, rules, policy } = change;
  return (
    templates.added.count + templates.changed.count + templates.removed.count + templates.renamed.length > 0 ||
    rules.added.count + rules.changed.count + rules.removed.count > 0 ||
    policy.length > 0
  );
}

const t = defineMessages({
  ru: {
    guardMode: 'проверка перед отправкой',
    locked: 'закреплено руководителем',
    newHireMode: 'режим новичка',
    syncIntervalMinutes: 'проверять обновления, минут',
    hideBundled: 'скрыть встроенные шаблоны',
    unset: 'не задано',
    yes: 'да',
    no: 'нет',
    more: (names: string, rest: number) => `${names} и ещё ${rest}`,
    added: (n: number, names: string) => `Новые шаблоны (${n}): ${names}`,
    renamed: (pairs: string) => `Переименованы: ${pairs}`,
    changed: (n: number, names: string) => `Изменены шаблоны (${n}): ${names}`,
    removed: (n: number, names: string) => `Удалены шаблоны (${n}): ${names}`,
    rulesAdded: (n: number, names: string) => `Новые правила (${n}): ${names}`,
    rulesChanged: (n: number, names: string) => `Изменены правила (${n}): ${names}`,
    rulesRemoved: (n: number, names: string) => `Удалены правила (${n}): ${names}`,
    policy: (field: string, from: string, to: string) => `Политика: ${field} — ${from} → ${to}`,
    installed: (name: string, version: string) => `Подключён пакет «${name}» (версия ${version})`,
    updated: (name: string, from: string, to: string) => `Пакет «${name}» обновлён: версия ${from} → ${to}`,
  },
  en: {
    guardMode: 'check before sending',
    locked: 'locked by the lead',
    newHireMode: 'new-hire mode',
    syncIntervalMinutes: 'check for updates, minutes',
    hideBundled: 'hide the built-in templates',
    unset: 'not set',
    yes: 'yes',
    no: 'no',
    more: (names: string, rest: number) => `${names} and ${rest} more`,
    added: (n: number, names: string) => `New templates (${n}): ${names}`,
    renamed: (pairs: string) => `Renamed: ${pairs}`,
    changed: (n: number, names: string) => `Changed templates (${n}): ${names}`,
    removed: (n: number, names: string) => `Removed templates (${n}): ${names}`,
    rulesAdded: (n: number, names: string) => `New rules (${n}): ${names}`,
    rulesChanged: (n: number, names: string) => `Changed rules (${n}): ${names}`,
    rulesRemoved: (n: number, names: string) => `Removed rules (${n}): ${names}`,
    policy: (field: string, from: string, to: string) => `Policy: ${field} — ${from} → ${to}`,
    installed: (name: string, version: string) => `Pack “${name}” added (version ${version})`,
    updated: (name: string, from: string, to: string) => `Pack “${name}” updated: version ${from} → ${to}`,
  },
});

function policyValue(field: keyof Policy, value: unknown): string {
  if (value === undefined) return t.unset;
  if (field === 'guardMode') return isGuardMode(value) ? guardModeName(value) : String(value);
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  return String(value);
}

function listed(list: NamedList): string {
  const names = list.names.map((name) => `«${name}»`).join(', ');
  return list.count > list.names.length ? t.more(names, list.count - list.names.length) : names;
}

/** The change as lines of text (Russian or English): for the sidebar's notice and the options page's details. */
export function describePackChange(change: PackChange): string[] {
  const lines: string[] = [];
  const { templates, rules } = change;
  if (templates.added.count) lines.push(t.added(templates.added.count, listed(templates.added)));
  if (templates.renamed.length) {
    lines.push(t.renamed(templates.renamed.map(({ from, to }) => `«${from}» → «${to}»`).join(', ')));
  }
  if (templates.changed.count) lines.push(t.changed(templates.changed.count, listed(templates.changed)));
  if (templates.removed.count) lines.push(t.removed(templates.removed.count, listed(templates.removed)));
  if (rules.added.count) lines.push(t.rulesAdded(rules.added.count, listed(rules.added)));
  if (rules.changed.count) lines.push(t.rulesChanged(rules.changed.count, listed(rules.changed)));
  if (rules.removed.count) lines.push(t.rulesRemoved(rules.removed.count, listed(rules.removed)));
  for (const { field, from, to } of change.policy) {
    const name = POLICY_FIELDS.includes(field) ? t[field as 'guardMode'] : field;
    lines.push(t.policy(name, policyValue(field, from), policyValue(field, to)));
  }
  return lines;
}

/** «Пакет «…» обновлён: версия 1 → 2» or «подключён» for the first install. */
export function packChangeHeadline(change: PackChange): string {
  return change.fromVersion === undefined
    ? t.installed(change.packName, change.toVersion)
    : t.updated(change.packName, change.fromVersion, change.toVersion);
}
