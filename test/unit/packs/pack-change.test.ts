import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../lib/model';
import { describePackChange, diffPack, packChangeHeadline, rulePhrase } from '../../../lib/packs/pack-change';
import { samplePack } from '../../fixtures/pack-server';

const before = (pack: Pack) => ({
  version: pack.version,
  policy: pack.policy,
  templates: pack.templates,
  rules: pack.rules,
});

describe('what a sync changed, in words', () => {
  it('names added, renamed, changed and removed templates and policy changes', () => {
    const v1 = samplePack({ policy: { guardMode: 'confirm' } }, 3);
    const v2 = samplePack({ version: '2', policy: { guardMode: 'strict', locked: true } }, 2);
    v2.templates[0] = { ...v2.templates[0], title: 'Приветствие' };
    v2.templates[1] = { ...v2.templates[1], body: 'Новый текст' };
    v2.templates.push({ id: 'new', title: 'Новый шаблон', body: 'Текст', tags: [], category: 'Общее' });
    const change = diffPack(before(v1), v2, 1000);
    expect(packChangeHeadline(change)).toBe('Пакет «Команда поддержки» обновлён: версия 1 → 2');
    expect(describePackChange(change)).toEqual([
      'Новые шаблоны (1): «Новый шаблон»',
      'Переименованы: «Шаблон 1» → «Приветствие»',
      'Изменены шаблоны (1): «Шаблон 2»',
      'Удалены шаблоны (1): «Шаблон 3»',
      'Политика: проверка перед отправкой — спрашивать → строгая',
      'Политика: закреплено руководителем — не задано → да',
    ]);
  });

  it('keeps only the first names of a huge first install, with the count', () => {
    const change = diffPack(undefined, samplePack({}, 500), 1);
    expect(change.templates.added.count).toBe(500);
    expect(change.templates.added.names).toHaveLength(20);
    expect(describePackChange(change)[0]).toMatch(/^Новые шаблоны \(500\): «Шаблон 1», .* и ещё 480$/);
    expect(packChangeHeadline(change)).toBe('Подключён пакет «Команда поддержки» (версия 1)');
  });

  it('calls a rule by the phrase it catches, not by its id', () => {
    expect(
      rulePhrase({
        id: 'cannot-help',
        patterns: ['=ничем не мочь помочь'],
        examples: { bad: ['Увы, [[Ничем не могу помочь]].'], good: [] },
      }),
    ).toBe('ничем не могу помочь');
    expect(rulePhrase({ id: 'x', patterns: ['вы должны'], examples: { bad: [], good: [] } })).toBe('вы должны');
  });
});
