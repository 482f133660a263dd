/**
 * Properties of the default clause rules (fast-check): for rules that leave the order free, every
 * permutation of the phrase's parts and any parenthetical put between them still match; random benign
 * support text stays clean.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../lib/lint/compile-rules';
import { lintText } from '../../../lib/lint/lint-text';
import { buildPackFromDir } from '../../../lib/packs/build-pack';

const { pack } = await buildPackFromDir(resolve(import.meta.dirname, '../../../templates'));
if (!pack) throw new Error('templates/ does not build');
const { compiled } = compileRules(pack.rules, pack.compiled);
// Phrase and clause rules only: the whole-draft hints (lib/lint/draft-hints.ts) judge the reply, not a phrase.
const ruleIds = (text: string) =>
  lintText(text, compiled, { placeholders: false })
    .filter((f) => !f.hint)
    .map((f) => f.ruleId);

/** A phrase as parts that may come in any order («не» stays with the word it negates). */
const PHRASES: { ruleId: string; parts: string[] }[] = [
  { ruleId: 'cannot-help', parts: ['ничем', 'не могу', 'вам', 'помочь'] },
  { ruleId: 'cannot-help', parts: ['никак', 'не сможем', 'помочь'] },
  { ruleId: 'you-must', parts: ['вы', 'должны'] },
  { ruleId: 'depends-not-on-me', parts: ['от меня', 'ничего', 'не зависит'] },
  { ruleId: 'not-our-fault', parts: ['это', 'не наша', 'вина'] },
  { ruleId: 'cannot-promise', parts: ['ничего', 'не могу', 'обещать'] },
  { ruleId: 'not-our-questions', parts: ['такие вопросы', 'мы', 'не рассматриваем'] },
  { ruleId: 'nothing-can-be-done', parts: ['ничего', 'не можем', 'сделать'] },
  { ruleId: 'call-important', parts: ['ваше обращение', 'очень важно', 'для нас'] },
];
const PARENTHETICALS = [', к сожалению,', ', увы,', ' тут', ', честно говоря,', ' сейчас', ', поверьте,', ' уже'];

describe('clause rules: order-free phrases', () => {
  it('match in every order, with parentheticals between the parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PHRASES),
        fc.infiniteStream(fc.constantFrom('', '', ...PARENTHETICALS)),
        fc.nat(),
        ({ ruleId, parts }, inserts, seed) => {
          // A permutation of the parts from the seed (Fisher–Yates with a small LCG).
          const order = [...parts];
          let state = seed;
          for (let i = order.length - 1; i > 0; i--) {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            const j = state % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          const gaps = inserts.take(order.length - 1);
          let text = order[0];
          for (const part of order.slice(1)) text += `${gaps.next().value} ${part}`;
          text = `${text[0].toUpperCase()}${text.slice(1)}.`;
          expect(ruleIds(text), text).toContain(ruleId);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const BENIGN = [
  'Здравствуйте, Анна!',
  'Спасибо, что написали нам.',
  'Я проверила ваш заказ: он уже в пути.',
  'Курьер привезёт его завтра с 10 до 14.',
  'Если вам удобнее самовывоз, напишите, и я всё оформлю.',
  'Деньги вернутся на карту в течение 10 рабочих дней.',
  'Чем ещё я могу помочь?',
  'Мы сможем заменить товар, как только получим фото.',
  'Вы ничего не должны доплачивать.',
  'Курьер не смог дозвониться, поэтому я договорилась о новой доставке.',
  'Не знаю, как вас благодарить за терпение!',
  'Бутылка вина не наша — заберём её за свой счёт.',
  'Хорошего дня!',
  'Вы должны получить SMS с кодом в течение минуты.',
  'Банк не может ускорить возврат, а мы можем: оформлю компенсацию сегодня.',
];

describe('clause rules: benign text', () => {
  it('stays clean however benign sentences are combined', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...BENIGN), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(' ', '\n', '\n\n'),
        (sentences, join) => {
          const text = sentences.join(join);
          expect(ruleIds(text), text).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
