import { createSearchIndex } from './lib/search/search-index';
import { searchTemplates } from './lib/search/search-templates';
import { stemWord } from './lib/search/stem-word';
const filler = 'Мы ценим ваше терпение и всегда рады ответить на любой вопрос по магазину. ';
const t = (id: string, title: string, tags: string[], body: string) => ({ id, title, tags, body, category: 'x' });
const index = createSearchIndex([
      t('only-help', 'Помочь с выбором', [], filler),
      t('both', 'Стоп-фраза', [], `${filler}Никогда не пишите «ничем не могу помочь».`),
      t('only-nothing', 'Ничем не хуже', [], filler),
    ]);
console.log(stemWord('ничем'), stemWord('помочь'), [...index.head.keys()]);
console.log(searchTemplates(index, 'помочь ничем', { now: 0 }));
