import { suggestionEdit } from '../lint/apply-suggestion';
import { compileRules } from '../lint/compile-rules';
import { lintText } from '../lint/lint-text';
import { parseExample } from '../lint/parse-example';
import type { DataError, Finding, Pack, Rule } from '../model';
import { checkSynonyms } from './check-synonyms';

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
          message: `правило «${rule.id}», плохой пример ${quote(source)}: после исправления текст ${quote(fixed)} нарушает правило «${other.ruleId}» (${quote(fixed.slice(other.start, other.end))})`,
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
          message: `правило «${rule.id}»: в seeAlso шаблон «${id}», которого нет в этой библиотеке`,
        });
      }
    });
  });

  pack.templates.forEach((template, index) => {
    for (const finding of lintText(template.body, all.compiled, { placeholders: false })) {
      if (finding.severity === 'info') continue;
      errors.push({
        path: `templates[${index}].body`,
        message: `шаблон «${template.id}»: правило «${finding.ruleId}» срабатывает на «${template.body.slice(finding.start, finding.end)}» — перепишите фразу, например: «${finding.suggestions[0] ?? ''}»`,
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

const quote = (text: string) => `«${text.length > 80 ? `${text.slice(0, 79)}…` : text}»`;

/** Runs one rule's own examples; the rule is compiled alone so other rules cannot hide its matches. */
export function checkRuleExamples(rule: Rule, index: number, compiled?: Record<string, unknown>): DataError[] {
  const errors: DataError[] = [];
  const name = `правило «${rule.id}»`;
  const only = compileRules([rule], compiled).compiled;
  const fires = (text: string) => lintText(text, only, { placeholders: false });
  const badTexts: string[] = [];

  rule.examples.bad.forEach((source, j) => {
    const path = `rules[${index}].examples.bad[${j}]`;
    const example = parseExample(source);
    if ('error' in example) {
      errors.push({ path, message: `${name}, плохой пример ${quote(source)}: ${example.error}` });
      return;
    }
    if (example.spans.length === 0) {
      errors.push({ path, message: `${name}, плохой пример ${quote(source)}: отметьте ожидаемую фразу как [[…]]` });
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
            ? `${name} не срабатывает на плохом примере ${quote(source)}`
            : `${name}, плохой пример ${quote(source)}: ожидалось ${expected}, а найдено ${actual}`,
      });
      return;
    }
    // A long sentence has no one-click fix: the agent splits it (lib/lint/draft-hints.ts).
    if (found.every((finding) => finding.suggestions.length === 0) && rule.kind === 'long-sentence') return;
    const fixed = applyFirstFixes(example.text, found);
    if (fixed === null) {
      errors.push({
        path,
        message: `${name}, плохой пример ${quote(source)}: ни один вариант замены не подходит к этому тексту — добавьте вариант без подстановок`,
      });
      return;
    }
    if (example.fixed !== undefined && fixed !== example.fixed) {
      errors.push({
        path,
        message: `${name}, плохой пример ${quote(source)}: после исправления ожидалось ${quote(example.fixed)}, а получилось ${quote(fixed)}`,
      });
    }
    const after = fires(fixed);
    if (after.length > 0) {
      errors.push({
        path,
        message: `${name}, плохой пример ${quote(source)}: после замены на первый вариант ${quote(found[0].suggestions[0])} правило всё ещё срабатывает на ${quote(fixed.slice(after[0].start, after[0].end))}`,
      });
    }
  });

  rule.examples.good.forEach((text, j) => {
    const found = fires(text);
    if (found.length > 0) {
      errors.push({
        path: `rules[${index}].examples.good[${j}]`,
        message: `${name} ошибочно срабатывает на хорошем примере ${quote(text)}: ${quote(text.slice(found[0].start, found[0].end))}`,
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
          message: `${name}, шаблон ${quote(pattern)} не находится ни в одном хорошем примере — добавьте пример с ним или уберите шаблон`,
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
          message: `${name}, шаблон ${quote(pattern)} не срабатывает ни на одном плохом примере — добавьте пример или уберите шаблон`,
        });
      }
    });
  } else if (badTexts.length > 0 && badTexts.every((text) => fires(text).length === 0)) {
    errors.push({
      path: `rules[${index}].patterns[0]`,
      message: `${name}, шаблон ${quote(rule.patterns[0])} не срабатывает ни на одном плохом примере`,
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
        message: `${name}, исключение ${quote(exception)} не нужно ни одному хорошему примеру — добавьте пример, который без него сработал бы, или уберите исключение`,
      });
    }
  });
  return errors;
}
