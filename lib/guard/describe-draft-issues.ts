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
  const items = [...findings.filter(blocking), ...findings.filter((f) => !blocking(f))].map(
    (finding): DraftIssue => ({
      phrase: text.slice(finding.start, finding.end),
      message: isPlaceholder(finding) ? t.placeholderMessage : finding.message,
      severity: finding.severity,
      placeholder: isPlaceholder(finding),
    }),
  );
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
