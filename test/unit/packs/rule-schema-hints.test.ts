import { describe, expect, it } from 'vitest';
import { ruleSchema } from '../../../lib/packs/pack-schema';

const base = { id: 'r', severity: 'info', message: 'м', examples: { bad: ['x'], good: ['y'] } };
const issues = (rule: object) => {
  const result = ruleSchema.safeParse(rule);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('rule schema: whole-draft kinds', () => {
  it('caps, «!!!» and long sentences need no patterns or suggestions', () => {
    expect(issues({ ...base, kind: 'caps' })).toEqual([]);
    expect(issues({ ...base, kind: 'repeated-punctuation' })).toEqual([]);
    expect(issues({ ...base, kind: 'long-sentence', maxWords: 30 })).toEqual([]);
  });

  it('a missing rule needs patterns and a text to insert; a phrase rule still needs two suggestions', () => {
    expect(issues({ ...base, kind: 'missing' })).toEqual([
      'patterns: нужен хотя бы один шаблон',
      'suggestions: нужен хотя бы один текст, который можно вставить',
    ]);
    expect(issues({ ...base, patterns: ['ничем'], suggestions: ['одна'] })).toEqual([
      'suggestions: нужно не меньше двух вариантов замены: первый ставится одним щелчком',
    ]);
  });

  it('refuses a kind’s own field on another kind', () => {
    expect(issues({ ...base, kind: 'caps', at: 'start' })).toEqual(['at: поле «at» только для kind: missing']);
    expect(issues({ ...base, kind: 'missing', patterns: ['=привет'], suggestions: ['Привет!'], maxWords: 10 })).toEqual(
      ['maxWords: поле «maxWords» только для kind: long-sentence'],
    );
  });
});
