/**
 * Examples are the tests: every rule of the bundled pack is proven by its own examples, one test case per
 * example, so a failure names the rule and the example.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../lib/lint/compile-rules';
import { lintText } from '../../lib/lint/lint-text';
import { parseExample } from '../../lib/lint/parse-example';
import { isHintKind } from '../../lib/model';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { applyFirstFixes } from '../../lib/packs/check-pack';

const { pack, errors } = await buildPackFromDir(resolve(import.meta.dirname, '../../templates'));
if (!pack) throw new Error(`templates/ does not build: ${JSON.stringify(errors)}`);

const cases = pack.rules.flatMap((rule) => {
  const only = compileRules([rule], pack.compiled).compiled;
  const fire = (text: string) => lintText(text, only, { placeholders: false });
  return [
    ...rule.examples.bad.map((example, j) => ({ rule, kind: 'bad', j, example, fire })),
    ...rule.examples.good.map((example, j) => ({ rule, kind: 'good', j, example, fire })),
  ];
});

describe('default rules: every example', () => {
  it.each(cases.filter((c) => c.kind === 'bad'))('$rule.id bad[$j]: $example', ({ rule, example, fire }) => {
    const parsed = parseExample(example);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.spans.length).toBeGreaterThan(0);
    const found = fire(parsed.text).map((f) => [f.ruleId, parsed.text.slice(f.start, f.end)]);
    expect(found).toEqual(parsed.spans.map((span) => [rule.id, parsed.text.slice(span.start, span.end)]));
    // A long sentence has no one-click fix: the agent splits it.
    if (rule.kind === 'long-sentence') return;
    // Every default bad example states the exact text after one click on the first suggestion.
    expect(parsed.fixed, 'the example must state its fixed text after « → »').toBeDefined();
    const fixed = applyFirstFixes(parsed.text, fire(parsed.text));
    expect(fixed).toBe(parsed.fixed);
    expect(fire(fixed!), `after the first suggestion: ${fixed}`).toEqual([]);
  });

  it.each(cases.filter((c) => c.kind === 'good'))('$rule.id good[$j]: $example', ({ example, fire }) => {
    expect(fire(example)).toEqual([]);
  });
});

describe('default rules: authoring standards', () => {
  it.each(pack.rules)('$id has a message, ≥ 2 suggestions, ≥ 5 bad and ≥ 5 good examples', (rule) => {
    expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(rule.message.length).toBeGreaterThan(40);
    // caps and «!!!» get their one fix from the engine, a long sentence has none (lib/lint/draft-hints.ts).
    if (!isHintKind(rule.kind) || rule.kind === 'missing') expect(rule.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(rule.examples.bad.length).toBeGreaterThanOrEqual(5);
    expect(rule.examples.good.length).toBeGreaterThanOrEqual(5);
  });

  it('covers the families the issue asks for, including the near-misses staying clean', () => {
    const { compiled } = compileRules(pack.rules, pack.compiled);
    // The phrase families; the whole-draft hints have their own data test (default-hints.test.ts).
    const ruleAt = (text: string) =>
      lintText(text, compiled)
        .filter((f) => !f.hint)
        .map((f) => f.ruleId);
    for (const phrase of [
      'ничем не могу помочь',
      'ничем не можем вам помочь',
      'ничем не смогу помочь',
      'ничем не сможем помочь',
      'помочь ничем не могу',
      'вы должны',
      'вы обязаны',
      'вы должны будете',
      'вы должны были',
      'это не наша вина',
      'мы не виноваты',
      'не по нашей вине',
      'вы сами виноваты',
      'от меня ничего не зависит',
      'такие вопросы мы не рассматриваем',
      'такими вопросами мы не занимаемся',
      'не могу обещать',
      'ничего не могу обещать',
      'я не знаю',
      'понятия не имею',
      'ваш звонок очень важен для нас',
      'ваше обращение очень важно для нас',
      'уважаемый клиент',
      'уважаемый покупатель',
      'уважаемый пользователь',
      'вас обслуживает сотрудник',
      'вас обслуживает оператор',
      'успокойтесь',
      'вы неправильно поняли',
      'обратитесь в другой отдел',
      'я же вам уже объяснял',
      'я же вам уже объясняла',
      'таковы правила',
      'это не ко мне',
    ]) {
      expect(ruleAt(`${phrase}.`), phrase).toHaveLength(1);
    }
    for (const nearMiss of [
      'Вы ничего не должны доплачивать.',
      'Мы должны извиниться.',
      'Деньги должны поступить завтра.',
      'Если вы не знаете номер заказа, подойдёт телефон.',
      'Чем ещё я могу помочь?',
    ]) {
      expect(ruleAt(nearMiss), nearMiss).toEqual([]);
    }
  });
});
