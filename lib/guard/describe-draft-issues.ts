import { defineMessages, enPlural, ruPlural } from '../i18n';
import { UNFILLED_PLACEHOLDER } from '../lint/lint-text';
import type { Finding, Severity } from '../model';

/** What the guard shows about a draft: pure, built from the draft text and its findings. */
export interface DraftIssues {
  /** One line, the dialog's accessible name: «В ответе остались стоп-фразы: 2 ошибки». */
  title: string;
  errors: number;
  placeholders: number;
  warnings: number;
  /** Errors and placeholders first (they are why the send is held), then the rest, in draft order. */
  items: DraftIssue[];
}

export interface DraftIssue {
  /** Exactly what the agent wrote there. */
  phrase: string;
  /** The rule's message; for a placeholder, a short instruction. */
  message: string;
  /** The message as it speaks about `phrase`: without the rule's own quoted phrase in front (`whyOf`). */
  why: string;
  /** The why in a few words, for one dialog line: its first clause (`shortWhy`). */
  short: string;
  severity: Severity;
  placeholder: boolean;
}

const PLURAL = new Intl.PluralRules('ru');

/** `forms`: one, few, many — «1 ошибка», «2 ошибки», «5 ошибок». */
export function pluralRu(count: number, forms: readonly [one: string, few: string, many: string]): string {
  return ruPlural(count, ...forms);
}

const t = defineMessages({
  ru: {
    errors: (n: number) => ruPlural(n, 'ошибка', 'ошибки', 'ошибок'),
    placeholders: (n: number) => ruPlural(n, 'незаполненное поле', 'незаполненных поля', 'незаполненных полей'),
    warnings: (n: number) => ruPlural(n, 'замечание', 'замечания', 'замечаний'),
    placeholderMessage: 'незаполненное поле: впишите значение или удалите его',
    both: (counts: string) => `В ответе остались стоп-фразы и незаполненные поля: ${counts}`,
    errorsLeft: (n: number, counts: string) =>
      `В ответе ${n === 1 ? 'осталась стоп-фраза' : 'остались стоп-фразы'}: ${counts}`,
    placeholdersLeft: (n: number, counts: string) =>
      `В ответе ${PLURAL.select(n) === 'few' ? 'остались' : 'осталось'} ${counts}`,
    warningsLeft: (counts: string) => `В ответе есть ${counts}`,
    none: 'В ответе нет замечаний',
  },
  en: {
    errors: (n: number) => enPlural(n, 'error', 'errors'),
    placeholders: (n: number) => enPlural(n, 'unfilled field', 'unfilled fields'),
    warnings: (n: number) => enPlural(n, 'finding', 'findings'),
    placeholderMessage: 'unfilled field: type a value or delete it',
    both: (counts: string) => `The reply still has banned phrases and unfilled fields: ${counts}`,
    errorsLeft: (n: number, counts: string) =>
      `The reply still has ${n === 1 ? 'a banned phrase' : 'banned phrases'}: ${counts}`,
    placeholdersLeft: (_n: number, counts: string) => `The reply still has ${counts}`,
    warningsLeft: (counts: string) => `The reply has ${counts}`,
    none: 'The reply has no findings',
  },
});

export function describeDraftIssues(text: string, findings: readonly Finding[]): DraftIssues {
  const isPlaceholder = (finding: Finding) => finding.ruleId === UNFILLED_PLACEHOLDER;
  const errors = findings.filter((f) => f.severity === 'error' && !isPlaceholder(f)).length;
  const placeholders = findings.filter(isPlaceholder).length;
  const warnings = findings.length - errors - placeholders;
  const blocking = (f: Finding) => f.severity === 'error' || isPlaceholder(f);
  const items = [...findings.filter(blocking), ...findings.filter((f) => !blocking(f))].map((finding): DraftIssue => {
    const message = isPlaceholder(finding) ? t.placeholderMessage : finding.message;
    return {
      phrase: text.slice(finding.start, finding.end),
      message,
      why: whyOf(message),
      short: shortWhy(message),
      severity: finding.severity,
      placeholder: isPlaceholder(finding),
    };
  });
  return { title: titleFor(errors, placeholders, warnings), errors, placeholders, warnings, items };
}

function titleFor(errors: number, placeholders: number, warnings: number): string {
  const counts = [errors > 0 ? t.errors(errors) : '', placeholders > 0 ? t.placeholders(placeholders) : ''].filter(
    Boolean,
  );
  if (errors > 0 && placeholders > 0) {
    return t.both(counts.join(', '));
  }
  if (errors > 0) return t.errorsLeft(errors, counts[0]);
  if (placeholders > 0) return t.placeholdersLeft(placeholders, counts[0]);
  return warnings > 0 ? t.warningsLeft(t.warnings(warnings)) : t.none;
}

/**
 * Rule messages open with the phrase they were written for («Ваш звонок очень важен для нас» — фраза
 * автоответчика…), which is often not what the agent wrote («ваше обращение очень важно для нас»). Where
 * the card or the dialog already quotes the agent's phrase, the rule's quote goes: the message then speaks
 * about what the agent wrote. One or more quotes joined by «и» or commas, then a dash or the verb.
 */
export function whyOf(message: string): string {
  const rest = message.replace(/^«[^»]*»(\s*(,|и)\s*«[^»]*»)*\s*(—|–|-)?\s*/u, '');
  // Lower-case as written: it reads on from the agent's phrase quoted just above or before it.
  return rest === message || rest.length === 0 ? message : rest;
}

/** The first clause of the why, for one line after «phrase» —: «звучит как оправдание». */
export function shortWhy(message: string): string {
  const clause = whyOf(message)
    .split(/[:.;!?](\s|$)/u)[0]
    .trim();
  return clause.charAt(0).toLowerCase() + clause.slice(1);
}
