import { describe, expect, it } from 'vitest';
import { parseExample, stripMarks } from '../../../lib/lint/parse-example';

describe('parseExample', () => {
  it('returns the text without marks and the marked spans', () => {
    expect(parseExample('К сожалению, [[ничем не могу]] и [[никак]].')).toEqual({
      text: 'К сожалению, ничем не могу и никак.',
      spans: [
        { start: 13, end: 26 },
        { start: 29, end: 34 },
      ],
    });
    expect(parseExample('Без пометок')).toEqual({ text: 'Без пометок', spans: [] });
    expect(stripMarks('[[а]] б')).toBe('а б');
  });

  it.each([
    ['[[не закрыта', /не закрыта/],
    ['лишние]] скобки', /лишние/],
    ['[[внеш [[внутр]] ]]', /вкладывать/],
    ['пусто [[ ]]', /пустая/],
  ])('rejects %j', (source, message) => {
    expect(parseExample(source)).toEqual({ error: expect.stringMatching(message) });
  });
});
