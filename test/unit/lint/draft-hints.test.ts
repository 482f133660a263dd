/**
 * The whole-draft checks (lib/lint/draft-hints.ts) on drafts an agent would write, with the default pack's
 * hint rules and lexicon (not only the rules' own examples).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySuggestion } from '../../../lib/lint/apply-suggestion';
import { compileRules } from '../../../lib/lint/compile-rules';
import { createDraftLinter } from '../../../lib/lint/lint-draft';
import { lintText } from '../../../lib/lint/lint-text';
import { isHintKind } from '../../../lib/model';
import { buildPackFromDir } from '../../../lib/packs/build-pack';
import { rule } from './rule-helpers';

const { pack } = await buildPackFromDir(resolve(import.meta.dirname, '../../../templates'));
const { compiled } = compileRules(pack!.rules, pack!.compiled);
const hints = (text: string) =>
  lintText(text, compiled)
    .filter((f) => f.hint)
    .map((f) => [f.ruleId, text.slice(f.start, f.end)]);
const ids = (text: string) => hints(text).map(([id]) => id);

const GOOD =
  'Здравствуйте, Марина! Посмотрела ваш заказ 48213: курьер задержался из-за снегопада, посылка приедет завтра до 14:00. ' +
  'Если время неудобно, напишите — перенесу доставку. Хорошего дня!';

describe('new-hire hints on real drafts', () => {
  it('a complete, warm reply has no hint at all', () => {
    expect(hints(GOOD)).toEqual([]);
    expect(
      hints('Марина, спасибо, что подождали! Деньги вернутся на карту в течение 5 рабочих дней. Всего доброго!'),
    ).toEqual([]);
  });

  it('a curt reply gets all three missing-part hints, anchored at its first and last word', () => {
    const draft = 'Заказ задержался на складе, курьер его привезёт, когда сможет, ждите звонка от службы доставки.';
    expect(hints(draft)).toEqual([
      ['hint-no-greeting', 'Заказ'],
      ['hint-no-next-step', 'доставки'],
      ['hint-no-warm-closing', 'доставки'],
    ]);
  });

  it('waits while the agent is still typing: no sentence end yet, or too few words', () => {
    expect(ids('Заказ задержался на складе, курьер его привезёт, когда сможет, ждите звонка от')).toEqual([]);
    expect(ids('Проверяю, минутку.')).toEqual([]);
  });

  it('a greeting in any form, or an opening by the customer’s name, counts; «Спасибо, …» does not', () => {
    const rest = ' посылка приедет завтра до 14:00, курьер позвонит за час. Хорошего дня!';
    expect(ids(`Добрый вечер,${rest}`)).not.toContain('hint-no-greeting');
    expect(ids(`Доброго утра,${rest}`)).not.toContain('hint-no-greeting');
    expect(ids(`Уважаемый Пётр,${rest}`)).not.toContain('hint-no-greeting');
    expect(ids(`Марина,${rest}`)).not.toContain('hint-no-greeting');
    expect(ids(`Спасибо,${rest}`)).toContain('hint-no-greeting');
    // A greeting only at the end is not an opening.
    expect(ids('Посылка приедет завтра до 14:00, курьер позвонит за час. Здравствуйте!')).toContain('hint-no-greeting');
  });

  it('the warm closing is looked for near the end, a signature after it included', () => {
    const body = 'Здравствуйте! Посылка приедет завтра до 14:00, курьер позвонит за час.';
    expect(ids(`${body}\nХорошего вечера!\nМарина\nСлужба поддержки.`)).not.toContain('hint-no-warm-closing');
    expect(ids(`${body} Если что-то пойдёт не так, обращайтесь.`)).not.toContain('hint-no-warm-closing');
  });

  it('inserting a missing part puts it before or after the reply, on its own line in a multi-line reply', () => {
    const draft = 'Посылка задержалась на складе, курьер привезёт её в четверг\nНомер отправления 80012345.';
    const found = lintText(draft, compiled).filter((f) => f.hint);
    const greeting = found.find((f) => f.ruleId === 'hint-no-greeting')!;
    const closing = found.find((f) => f.ruleId === 'hint-no-warm-closing')!;
    expect(applySuggestion(draft, greeting)).toBe(`Здравствуйте! ${draft}`);
    expect(applySuggestion(draft, closing)).toBe(`${draft}\n\nХорошего дня!`);
    expect(greeting.seeAlso).toEqual(['greeting-first-reply']);
    expect(closing.seeAlso).toEqual(['closing-resolved']);
  });

  it('caps: shouting is marked, abbreviations are not; the fix lowers the case, mid-sentence too', () => {
    const draft = 'Здравствуйте! Возврат возможен ТОЛЬКО ПО ЧЕКУ, код придёт по СМС от СДЭК.';
    expect(hints(draft).filter(([id]) => id === 'hint-caps')).toEqual([['hint-caps', 'ТОЛЬКО ПО ЧЕКУ']]);
    const caps = lintText(draft, compiled).find((f) => f.ruleId === 'hint-caps')!;
    expect(applySuggestion(draft, caps)).toBe(
      'Здравствуйте! Возврат возможен только по чеку, код придёт по СМС от СДЭК.',
    );
    expect(ids('Укажите ИНН, КПП и БИК организации в заявке.')).not.toContain('hint-caps');
  });

  it('«!!!» and «???» are marked once each and replaced by one sign; «?!» is not', () => {
    const draft = 'Как же так??? Мы всё исправим!!! Правда?!';
    expect(hints(draft).filter(([id]) => id === 'hint-repeated-punctuation')).toEqual([
      ['hint-repeated-punctuation', '???'],
      ['hint-repeated-punctuation', '!!!'],
    ]);
  });

  it('a sentence over 40 words is marked whole; the limit is the rule’s', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'Слово' : 'слово')).join(' ');
    expect(ids(`${words(40)}.`)).not.toContain('hint-long-sentence');
    expect(hints(`${words(41)}. Коротко.`).filter(([id]) => id === 'hint-long-sentence')).toEqual([
      ['hint-long-sentence', words(41)],
    ]);
    const short = compileRules([rule('short', [], { kind: 'long-sentence', maxWords: 5, severity: 'info' })]).compiled;
    expect(lintText('Раз два три четыре пять шесть. Раз два.', short).map((f) => f.ruleId)).toEqual(['short']);
  });

  it('a hint neither hides nor is hidden by a phrase finding on the same words', () => {
    const draft = 'Ничем не могу помочь, это не наша вина, обращайтесь в банк со всеми вопросами по оплате.';
    const found = lintText(draft, compiled);
    expect(found.some((f) => f.ruleId === 'hint-no-greeting')).toBe(true);
    expect(found.some((f) => f.severity === 'error' && f.start === 0)).toBe(true);
  });

  it('hints are info: a regular agent never sees them, a new hire does', () => {
    const sets = [compiled];
    const draft = 'Заказ задержался на складе, курьер его привезёт, когда сможет, ждите звонка от службы доставки.';
    expect(
      createDraftLinter(sets)
        .lint(draft)
        .filter((f) => f.hint),
    ).toEqual([]);
    expect(
      createDraftLinter(sets, { includeInfo: true })
        .lint(draft)
        .filter((f) => f.hint).length,
    ).toBe(3);
    expect(pack!.rules.filter((r) => isHintKind(r.kind)).every((r) => r.severity === 'info')).toBe(true);
  });
});
