import type { Template } from '../model';

const TITLE_WORDS = 7;

/**
 * A personal template drafted from text the agent selected on a page («Сохранить как шаблон»): the body is
 * the text as selected (trimmed, line breaks kept), the title its first words, to be edited before use.
 */
export function draftFromSelection(text: string): Omit<Template, 'id'> {
  const body = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim()
    .slice(0, 20_000);
  const words = body.split(/\s+/).filter(Boolean);
  const title = words
    .slice(0, TITLE_WORDS)
    .join(' ')
    .replace(/[.,;:!?…]+$/, '');
  return {
    title: (words.length > TITLE_WORDS ? `${title}…` : title).slice(0, 200) || 'Новый шаблон',
    body,
    tags: [],
    category: 'Личные',
  };
}
