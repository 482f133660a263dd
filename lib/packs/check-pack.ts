import { matchCase } from '../lint/apply-suggestion';
import { compileRules } from '../lint/compile-rules';
import { lintText } from '../lint/lint-text';
import { parseExample } from '../lint/parse-example';
import type { DataError, Pack, Rule } from '../model';
import { findDuplicateShortcuts } from '../templates/template-shortcuts';

/**
 * Checks that go beyond the schema and that every pack must pass before it is installed or published:
 * every rule compiles; its examples prove it (each bad example fires exactly at its `[[…]]` span, the first
 * suggestion put in its place clears it, each good example stays clean); each pattern fires on at least
 * one bad example and each exception is needed by at least one good example (so nothing is dead weight
 * or silently never matches); no template trips an error or warning rule of its own pack; and no two
 * templates share a shortcut (typed after «/», a shortcut expands to one template only).
 */
export function checkPack(pack: Pack): DataError[] {
  const errors: DataError[] = [];
  const all = compileRules(pack.rules, pack.compiled);
  for (const error of all.errors) errors.push({ path: error.path, message: error.message });
  const broken = new Set(all.errors.map((error) => error.ruleIndex));

  pack.rules.forEach((rule, index) => {
    if (!broken.has(index)) errors.push(...checkRuleExamples(rule, index, pack.compiled));
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

  const indexed = pack.templates.map((template, index) => ({ ...template, index }));
  for (const [first, ...others] of findDuplicateShortcuts(indexed)) {
    for (const other of others) {
      errors.push({
        path: `templates[${other.index}].shortcut`,
        message: `шаблон «${other.id}»: сокращение «${other.shortcut}» уже у шаблона «${first.id}» — после «/» развернётся только один; выберите другое / shortcut already used by «${first.id}»`,
      });
    }
  }
  return errors;
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
    // Replace the spans from the end so earlier offsets stay valid.
    let fixed = example.text;
    for (const span of [...example.spans].reverse()) {
      const replaced = fixed.slice(span.start, span.end);
      fixed = fixed.slice(0, span.start) + matchCase(replaced, rule.suggestions[0]) + fixed.slice(span.end);
    }
    const after = fires(fixed);
    if (after.length > 0) {
      errors.push({
        path,
        message: `${name}, плохой пример ${quote(source)}: после замены на первый вариант ${quote(rule.suggestions[0])} правило всё ещё срабатывает на ${quote(fixed.slice(after[0].start, after[0].end))}`,
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
  if (rule.patterns.length > 1) {
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
