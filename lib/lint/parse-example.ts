import { defineMessages } from '../i18n';

const t = defineMessages({
  ru: {
    twoArrows: 'больше одной стрелки « → »',
    markedFix: 'после « → » пишут текст после исправления, без пометок [[…]]',
    strayClose: 'лишние «]]» без «[[»',
    unclosed: 'не закрыта пометка «[[…]]»',
    nested: 'пометки «[[…]]» нельзя вкладывать',
    empty: 'пустая пометка «[[]]»',
  },
  en: {
    twoArrows: 'more than one arrow “ → ”',
    markedFix: 'after “ → ” comes the text after the fix, without [[…]] marks',
    strayClose: 'a stray “]]” without “[[”',
    unclosed: 'the mark “[[…]]” is not closed',
    nested: '“[[…]]” marks cannot be nested',
    empty: 'an empty mark “[[]]”',
  },
});

/**
 * Rule examples mark the span a rule must report with double brackets:
 * `К сожалению, [[ничем не могу помочь]].` → the text without the marks and the marked spans.
 */
export interface ParsedExample {
  text: string;
  spans: { start: number; end: number }[];
  /** The exact text after the first suggestion is applied, when the example states it (`… → …`). */
  fixed?: string;
}

/** Separates a bad example from the text its first fix must produce: `"Вы [[должны]] прислать фото → Пришлите, пожалуйста, фото"`. */
export const FIX_ARROW = ' → ';

export function parseExample(full: string): ParsedExample | { error: string } {
  const arrow = full.indexOf(FIX_ARROW);
  if (arrow >= 0 && full.indexOf(FIX_ARROW, arrow + 1) >= 0) return { error: t.twoArrows };
  const source = arrow >= 0 ? full.slice(0, arrow) : full;
  const fixed = arrow >= 0 ? full.slice(arrow + FIX_ARROW.length) : undefined;
  if (fixed !== undefined && (fixed.includes('[[') || !fixed.trim())) {
    return { error: t.markedFix };
  }
  const parsed = parseMarks(source);
  if ('error' in parsed) return parsed;
  return fixed === undefined ? parsed : { ...parsed, fixed };
}

function parseMarks(source: string): ParsedExample | { error: string } {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('[[', i);
    if (open < 0) {
      if (source.indexOf(']]', i) >= 0) return { error: t.strayClose };
      text += source.slice(i);
      break;
    }
    const stray = source.indexOf(']]', i);
    if (stray >= 0 && stray < open) return { error: t.strayClose };
    const close = source.indexOf(']]', open + 2);
    if (close < 0) return { error: t.unclosed };
    const inner = source.slice(open + 2, close);
    if (inner.includes('[[')) return { error: t.nested };
    if (!inner.trim()) return { error: t.empty };
    text += source.slice(i, open);
    spans.push({ start: text.length, end: text.length + inner.length });
    text += inner;
    i = close + 2;
  }
  return { text, spans };
}

/** The example text with its marks removed (good examples and suggestions have none, so they stay as is). */
export function stripMarks(source: string): string {
  const arrow = source.indexOf(FIX_ARROW);
  return (arrow >= 0 ? source.slice(0, arrow) : source).replaceAll('[[', '').replaceAll(']]', '');
}
