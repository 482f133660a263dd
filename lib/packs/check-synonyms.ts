import type { DataError, Pack } from '../model';
import { normalizeText } from '../search/normalize-query';

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
    if (repeated) errors.push({ path, message: `группа синонимов: «${repeated}» записано дважды — оставьте одно` });
    const key = [...new Set(group.map(normalizeText))].sort().join('|');
    const same = groups.get(key);
    if (same !== undefined) {
      errors.push({ path, message: `группа синонимов повторяет группу №${same + 1} — удалите одну из них` });
    } else groups.set(key, index);
  });
  pack.templates.forEach((template, index) => {
    const synonyms = (template.synonyms ?? []).map(normalizeText);
    const path = `templates[${index}].synonyms`;
    const repeated = firstRepeat(synonyms);
    if (repeated) {
      errors.push({ path, message: `шаблон «${template.id}»: синоним «${repeated}» записан дважды — оставьте один` });
    }
    const tags = new Set(template.tags.map(normalizeText));
    for (const synonym of new Set(synonyms)) {
      if (tags.has(synonym)) {
        errors.push({
          path,
          message: `шаблон «${template.id}»: синоним «${synonym}» уже есть в тегах — теги ищутся так же, уберите его`,
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
