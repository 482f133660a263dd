import { defineMessages, locale } from '../i18n';
import { suggestionEdit } from '../lint/apply-suggestion';
import { compileRules } from '../lint/compile-rules';
import { lintText } from '../lint/lint-text';
import { parseExample } from '../lint/parse-example';
import type { DataError, Finding, Pack, Rule } from '../model';
import { checkSynonyms } from './check-synonyms';

/** What a lead reads when a pack fails its own proof: in options on import or subscribe, and from `sufler pack check`. */
const t = defineMessages({
  ru: {
    rule: (id: string) => `правило «${id}»`,
    badExample: (rule: string, example: string) => `${rule}, плохой пример ${example}`,
    breaksOther: (example: string, fixed: string, other: string, phrase: string) =>
      `${example}: после исправления текст ${fixed} нарушает правило «${other}» (${phrase})`,
    seeAlsoMissing: (rule: string, id: string) => `${rule}: в seeAlso шаблон «${id}», которого нет в этой библиотеке`,
    templateTrips: (id: string, rule: string, phrase: string, suggestion: string) =>
      `шаблон «${id}»: правило «${rule}» срабатывает на «${phrase}» — перепишите фразу, например: «${suggestion}»`,
    markSpan: (example: string) => `${example}: отметьте ожидаемую фразу как [[…]]`,
    notFiring: (rule: string, example: string) => `${rule} не срабатывает на плохом примере ${example}`,
    wrongSpan: (example: string, expected: string, actual: string) =>
      `${example}: ожидалось ${expected}, а найдено ${actual}`,
    noFit: (example: string) =>
      `${example}: ни один вариант замены не подходит к этому тексту — добавьте вариант без подстановок`,
    wrongFix: (example: string, expected: string, actual: string) =>
      `${example}: после исправления ожидалось ${expected}, а получилось ${actual}`,
    stillFires: (example: string, suggestion: string, phrase: string) =>
      `${example}: после замены на первый вариант ${suggestion} правило всё ещё срабатывает на ${phrase}`,
    goodFires: (rule: string, example: string, phrase: string) =>
      `${rule} ошибочно срабатывает на хорошем примере ${example}: ${phrase}`,
    missingUnused: (rule: string, pattern: string) =>
      `${rule}, шаблон ${pattern} не находится ни в одном хорошем примере — добавьте пример с ним или уберите шаблон`,
    patternUnused: (rule: string, pattern: string) =>
      `${rule}, шаблон ${pattern} не срабатывает ни на одном плохом примере — добавьте пример или уберите шаблон`,
    onlyPatternUnused: (rule: string, pattern: string) =>
      `${rule}, шаблон ${pattern} не срабатывает ни на одном плохом примере`,
    exceptionUnused: (rule: string, exception: string) =>
      `${rule}, исключение ${exception} не нужно ни одному хорошему примеру — добавьте пример, который без него сработал бы, или уберите исключение`,
  },
  en: {
    rule: (id: string) => `rule “${id}”`,
    badExample: (rule: string, example: string) => `${rule}, bad example ${example}`,
    breaksOther: (example: string, fixed: string, other: string, phrase: string) =>
      `${example}: after the fix the text ${fixed} breaks the rule “${other}” (${phrase})`,
    seeAlsoMissing: (rule: string, id: string) =>
      `${rule}: seeAlso names the template “${id}”, which is not in this library`,
    templateTrips: (id: string, rule: string, phrase: string, suggestion: string) =>
      `template “${id}”: the rule “${rule}” fires on “${phrase}”; rewrite the phrase, for example: “${suggestion}”`,
    markSpan: (example: string) => `${example}: mark the expected phrase as [[…]]`,
    notFiring: (rule: string, example: string) => `${rule} does not fire on the bad example ${example}`,
    wrongSpan: (example: string, expected: string, actual: string) =>
      `${example}: expected ${expected}, found ${actual}`,
    noFit: (example: string) => `${example}: no replacement fits this text; add one without placeholders`,
    wrongFix: (example: string, expected: string, actual: string) =>
      `${example}: after the fix expected ${expected}, got ${actual}`,
    stillFires: (example: string, suggestion: string, phrase: string) =>
      `${example}: after the first replacement ${suggestion} the rule still fires on ${phrase}`,
    goodFires: (rule: string, example: string, phrase: string) =>
      `${rule} wrongly fires on the good example ${example}: ${phrase}`,
    missingUnused: (rule: string, pattern: string) =>
      `${rule}, the pattern ${pattern} is in no good example; add an example with it or remove the pattern`,
    patternUnused: (rule: string, pattern: string) =>
      `${rule}, the pattern ${pattern} fires on no bad example; add an example or remove the pattern`,
    onlyPatternUnused: (rule: string, pattern: string) => `${rule}, the pattern ${pattern} fires on no bad example`,
    exceptionUnused: (rule: string, exception: string) =>
      `${rule}, the exception ${exception} is needed by no good example; add an example that would fire without it, or remove the exception`,
  },
});

/**
 * Checks that go beyond the schema and that every pack must pass before it is installed or published:
 * every rule compiles; its examples prove it (each bad example fires exactly at its `[[…]]` span, the first
 * suggestion put in its place clears it, each good example stays clean); each pattern fires on at least
 * one bad example and each exception is needed by at least one good example (so nothing is dead weight
 * or silently never matches); and no template trips an error or warning rule of its own pack.
 */
export function checkPack(pack: Pack): DataError[] {
  const errors: DataError[] = [];
  const all = compileRules(pack.rules, pack.compiled);
  for (const error of all.errors) errors.push({ path: error.path, message: error.message });
  const broken = new Set(all.errors.map((error) => error.ruleIndex));

  pack.rules.forEach((rule, index) => {
    if (!broken.has(index)) errors.push(...checkRuleExamples(rule, index, pack.compiled));
  });

  // A fix must not trade one flagged phrase for another: the fixed bad examples pass every rule of the pack.
  pack.rules.forEach((rule, index) => {
    if (broken.has(index)) return;
    rule.examples.bad.forEach((source, j) => {
      const example = parseExample(source);
      if ('error' in example) return;
      const own = lintText(example.text, all.compiled, { placeholders: false }).filter((f) => f.ruleId === rule.id);
      const fixed = applyFirstFixes(example.text, own);
      if (fixed === null) return;
      // The rule's own findings after the fix are reported by checkRuleExamples.
      const other = lintText(fixed, all.compiled, { placeholders: false }).find(
        (f) => f.severity !== 'info' && f.ruleId !== rule.id,
      );
      if (other) {
        errors.push({
          path: `rules[${index}].examples.bad[${j}]`,
          message: t.breaksOther(
            t.badExample(t.rule(rule.id), quote(source)),
            quote(fixed),
            other.ruleId,
            quote(fixed.slice(other.start, other.end)),
          ),
        });
      }
    });
  });
  errors.push(...checkSynonyms(pack));

  // `seeAlso` names templates the card offers to insert: they must be this pack's own.
  const templateIds = new Set(pack.templates.map((template) => template.id));
  pack.rules.forEach((rule, index) => {
    (rule.seeAlso ?? []).forEach((id, k) => {
      if (!templateIds.has(id)) {
        errors.push({
          path: `rules[${index}].seeAlso[${k}]`,
          message: t.seeAlsoMissing(t.rule(rule.id), id),
        });
      }
    });
  });

  pack.templates.forEach((template, index) => {
    for (const finding of lintText(template.body, all.compiled, { placeholders: false })) {
      if (finding.severity === 'info') continue;
      errors.push({
        path: `templates[${index}].body`,
        message: t.templateTrips(
          template.id,
          finding.ruleId,
          template.body.slice(finding.start, finding.end),
          finding.suggestions[0] ?? '',
        ),
      });
    }
  });
  return errors;
}

/**
 * The text after one click on the first suggestion of each finding (applied from the end, so earlier
 * offsets stay valid); null when a finding has no suggestion that fits this text.
 */
export function applyFirstFixes(text: string, findings: readonly Finding[]): string | null {
  let fixed = text;
  for (const finding of [...findings].sort((a, b) => b.start - a.start)) {
    const edit = suggestionEdit(fixed, finding, 0);
    if (!edit) return null;
    fixed = fixed.slice(0, edit.start) + edit.text + fixed.slice(edit.end);
  }
  return fixed;
}

/** «…» in Russian, “…” in English, cut at 80 characters. */
const quote = (text: string) => {
  const cut = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return locale() === 'en' ? `“${cut}”` : `«${cut}»`;
};

/** Runs one rule's own examples; the rule is compiled alone so other rules cannot hide its matches. */
export function checkRuleExamples(rule: Rule, index: number, compiled?: Record<string, unknown>): DataError[] {
  const errors: DataError[] = [];
  const name = t.rule(rule.id);
  const only = compileRules([rule], compiled).compiled;
  const fires = (text: string) => lintText(text, only, { placeholders: false });
  const badTexts: string[] = [];

  rule.examples.bad.forEach((source, j) => {
    const path = `rules[${index}].examples.bad[${j}]`;
    const example = parseExample(source);
    if ('error' in example) {
      errors.push({ path, message: `${t.badExample(name, quote(source))}: ${example.error}` });
      return;
    }
    if (example.spans.length === 0) {
      errors.push({ path, message: t.markSpan(t.badExample(name, quote(source))) });
      return;
    }
    badTexts.push(example.text);
    const found = fires(example.text);
    const expected = example.spans.map((span) => quote(example.text.slice(span.start, span.end))).join(', ');
    const actual = found.map((finding) => quote(example.text.slice(finding.start, finding.end))).join(', ');
    const exact =
      found.length === example.spans.length &&
      found.every((finding, k) => finding.start === example.spans[k].start && finding.end === example.spans[k].end);
    if (!exact) {
      errors.push({
        path,
        message:
          found.length === 0
            ? t.notFiring(name, quote(source))
            : t.wrongSpan(t.badExample(name, quote(source)), expected, actual),
      });
      return;
    }
    // A long sentence has no one-click fix: the agent splits it (lib/lint/draft-hints.ts).
    if (found.every((finding) => finding.suggestions.length === 0) && rule.kind === 'long-sentence') return;
    const fixed = applyFirstFixes(example.text, found);
    if (fixed === null) {
      errors.push({
        path,
        message: t.noFit(t.badExample(name, quote(source))),
      });
      return;
    }
    if (example.fixed !== undefined && fixed !== example.fixed) {
      errors.push({
        path,
        message: t.wrongFix(t.badExample(name, quote(source)), quote(example.fixed), quote(fixed)),
      });
    }
    const after = fires(fixed);
    if (after.length > 0) {
      errors.push({
        path,
        message: t.stillFires(
          t.badExample(name, quote(source)),
          quote(found[0].suggestions[0]),
          quote(fixed.slice(after[0].start, after[0].end)),
        ),
      });
    }
  });

  rule.examples.good.forEach((text, j) => {
    const found = fires(text);
    if (found.length > 0) {
      errors.push({
        path: `rules[${index}].examples.good[${j}]`,
        message: t.goodFires(name, quote(text), quote(text.slice(found[0].start, found[0].end))),
      });
    }
  });

  // A pattern no bad example exercises may never match at all: that must not pass silently.
  if (rule.kind === 'missing') {
    // A `missing` rule's patterns are what silences it: each must be what keeps some good example clean.
    // Only good examples the rule would mark without its patterns count (a short one is clean anyway).
    const never = compileRules([{ ...rule, patterns: ['=ъъъ'] }], compiled).compiled;
    const needy = rule.examples.good.filter((text) => lintText(text, never, { placeholders: false }).length > 0);
    rule.patterns.forEach((pattern, k) => {
      const alone = compileRules([{ ...rule, patterns: [pattern] }], compiled).compiled;
      if (!needy.some((text) => lintText(text, alone, { placeholders: false }).length === 0)) {
        errors.push({
          path: `rules[${index}].patterns[${k}]`,
          message: t.missingUnused(name, quote(pattern)),
        });
      }
    });
  } else if (rule.patterns.length === 0) {
    // caps, «!!!», long sentences: the engine's own check, nothing to prove per pattern.
  } else if (rule.patterns.length > 1) {
    rule.patterns.forEach((pattern, k) => {
      const alone = compileRules([{ ...rule, patterns: [pattern] }], compiled).compiled;
      if (!badTexts.some((text) => lintText(text, alone, { placeholders: false }).length > 0)) {
        errors.push({
          path: `rules[${index}].patterns[${k}]`,
          message: t.patternUnused(name, quote(pattern)),
        });
      }
    });
  } else if (badTexts.length > 0 && badTexts.every((text) => fires(text).length === 0)) {
    errors.push({
      path: `rules[${index}].patterns[0]`,
      message: t.onlyPatternUnused(name, quote(rule.patterns[0])),
    });
  }
  (rule.exceptions ?? []).forEach((exception, k) => {
    const without = compileRules(
      [{ ...rule, exceptions: (rule.exceptions ?? []).filter((_, other) => other !== k) }],
      compiled,
    ).compiled;
    if (!rule.examples.good.some((text) => lintText(text, without, { placeholders: false }).length > 0)) {
      errors.push({
        path: `rules[${index}].exceptions[${k}]`,
        message: t.exceptionUnused(name, quote(exception)),
      });
    }
  });
  return errors;
}
