import { defineMessages } from '../i18n';
import type { DataError, Pack } from '../model';
import { normalizeText } from '../search/normalize-query';

const t = defineMessages({
  ru: {
    groupRepeat: (word: string) => `группа синонимов: «${word}» записано дважды — оставьте одно`,
    sameGroup: (number: number) => `группа синонимов повторяет группу №${number} — удалите одну из них`,
    templateRepeat: (id: string, word: string) => `шаблон «${id}»: синоним «${word}» записан дважды — оставьте один`,
    inTags: (id: string, word: string) =>
      `шаблон «${id}»: синоним «${word}» уже есть в тегах — теги ищутся так же, уберите его`,
  },
  en: {
    groupRepeat: (word: string) => `synonym group: “${word}” is written twice; keep one`,
    sameGroup: (number: number) => `the synonym group repeats group no. ${number}; delete one of them`,
    templateRepeat: (id: string, word: string) => `template “${id}”: the synonym “${word}” is written twice; keep one`,
    inTags: (id: string, word: string) =>
      `template “${id}”: the synonym “${word}” is already a tag (tags are searched the same way); remove it`,
  },
});

/**
 * Synonym mistakes a lead would not notice in search results but that make a list misleading: a word twice
 * in one group, the same group twice, a template synonym repeating another or one of its tags. (Empty
 * synonyms and one-word groups are caught by the schema.) Words compare normalized: «Бабки» = «бабки».
 */
export function checkSynonyms(pack: Pick<Pack, 'synonyms' | 'templates'>): DataError[] {
  const errors: DataError[] = [];
  const groups = new Map<string, number>();
  (pack.synonyms ?? []).forEach((group, index) => {
    const path = `synonyms[${index}]`;
    const repeated = firstRepeat(group.map(normalizeText));
    if (repeated) errors.push({ path, message: t.groupRepeat(repeated) });
    const key = [...new Set(group.map(normalizeText))].sort().join('|');
    const same = groups.get(key);
    if (same !== undefined) {
      errors.push({ path, message: t.sameGroup(same + 1) });
    } else groups.set(key, index);
  });
  pack.templates.forEach((template, index) => {
    const synonyms = (template.synonyms ?? []).map(normalizeText);
    const path = `templates[${index}].synonyms`;
    const repeated = firstRepeat(synonyms);
    if (repeated) {
      errors.push({ path, message: t.templateRepeat(template.id, repeated) });
    }
    const tags = new Set(template.tags.map(normalizeText));
    for (const synonym of new Set(synonyms)) {
      if (tags.has(synonym)) {
        errors.push({
          path,
          message: t.inTags(template.id, synonym),
        });
      }
    }
  });
  return errors;
}

function firstRepeat(values: string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}
