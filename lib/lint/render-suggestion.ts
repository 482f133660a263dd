import type { AgentGender, FixScope } from '../model';
import { PUNCT_COMMA, PUNCT_QUOTE, PUNCT_STRONG, type Token } from './tokenize';

/**
 * Turns a rule's suggestion into the text one click inserts, so that the fix reads as correct Russian and
 * leaves nothing to fill in:
 *
 *   {имя}       the agent's name: the name the agent wrote right after the phrase («Вас обслуживает оператор
 *               Иван» → «Меня зовут Иван, …», the name then replaced with the phrase), else the name from
 *               settings; `[Имя агента]` reads the same
 *   {просьба}   the verb the agent wrote right after the phrase, as a polite request («вы должны прислать
 *               фото» → «пришлите, пожалуйста, фото»); the verb is replaced with it
 *   [вёл|вела]  the agent's gendered form, from the gender setting
 *
 * A suggestion whose slot cannot be filled is left out rather than inserted with a gap.
 */
export interface SuggestionContext {
  agentName?: string;
  agentGender?: AgentGender;
}

/** Infinitives that `{просьба}` can turn into a request; the build step stores their imperatives in the pack. */
export const REQUEST_VERBS = [
  'прислать',
  'отправить',
  'выслать',
  'переслать',
  'приложить',
  'прикрепить',
  'заполнить',
  'подтвердить',
  'сообщить',
  'указать',
  'проверить',
  'забрать',
  'оплатить',
  'написать',
  'позвонить',
  'перезвонить',
  'прийти',
  'приехать',
  'сохранить',
  'предоставить',
  'предъявить',
  'дождаться',
  'подождать',
  'обратиться',
  'зайти',
  'выбрать',
  'ввести',
  'нажать',
  'перезагрузить',
  'обновить',
  'оформить',
  'подписать',
  'принести',
  'привезти',
  'вернуть',
  'назвать',
  'уточнить',
  'описать',
  'загрузить',
  'скачать',
  'установить',
  'очистить',
  'войти',
  'ответить',
  'связаться',
  'передать',
  'показать',
  'сфотографировать',
  'распечатать',
  'изменить',
  'удалить',
  'отключить',
  'включить',
  'отменить',
  'упаковать',
  'положить',
  'дополнить',
  'сменить',
  'быть',
];

/** Where a finding sits, as the renderer needs it. */
export interface SuggestionSite {
  original: string;
  tokens: Token[];
  /** Normalized → original offsets (see normalize-text.ts). */
  starts: Int32Array;
  ends: Int32Array;
  /** The finding's tokens and its clause's last token. */
  first: number;
  last: number;
  clauseFirst: number;
  clauseLast: number;
  /** `clause`: every suggestion replaces the clause from its first word (after a conjunction) to its last. */
  scope: FixScope;
  imperatives: Map<string, string>;
}

export interface RenderedSuggestions {
  suggestions: string[];
  /** Per suggestion: the original-text range it replaces when it is not the finding's span. */
  replaces: ({ start: number; end: number } | null)[];
}

const NAME_SLOT = /\{имя\}|\[имя агента\]/giu;
const HAS_NAME_SLOT = /\{имя\}|\[имя агента\]/iu;
const REQUEST_SLOT = '{просьба}';
const GENDER_SLOT = /\[([^\][|]+)\|([^\][|]+)\]/gu;
const UPPER = /^\p{Lu}/u;
/** A clause's leading conjunction stays when the clause is replaced («…, но [ничем не могу помочь]»). */
const CONJUNCTIONS = new Set(['но', 'а', 'и', 'однако', 'зато', 'поэтому', 'так', 'что']);

export function renderSuggestions(
  templates: readonly string[],
  site: SuggestionSite,
  context: SuggestionContext = {},
): RenderedSuggestions {
  const suggestions: string[] = [];
  const replaces: ({ start: number; end: number } | null)[] = [];
  for (const template of templates) {
    let text = template;
    let extendTo = -1; // last token the replacement swallows beyond the finding
    if (HAS_NAME_SLOT.test(text)) {
      const written = nameAfter(site);
      const name =
        written >= 0
          ? site.original.slice(site.starts[site.tokens[written].start], site.ends[site.tokens[written].end - 1])
          : context.agentName?.trim();
      if (!name) continue;
      if (written >= 0) extendTo = written;
      text = text.replace(NAME_SLOT, name);
    }
    if (text.includes(REQUEST_SLOT)) {
      const next = site.last + 1;
      const token = site.tokens[next];
      const request =
        token &&
        next <= site.clauseLast &&
        !token.placeholder &&
        !(token.punct & (PUNCT_COMMA | PUNCT_STRONG | PUNCT_QUOTE))
          ? site.imperatives.get(token.form)
          : undefined;
      if (!request) continue;
      extendTo = Math.max(extendTo, next);
      text = text.replace(REQUEST_SLOT, request);
    }
    let gendered = true;
    text = text.replace(GENDER_SLOT, (_, male: string, female: string) => {
      if (context.agentGender === 'male') return male;
      if (context.agentGender === 'female') return female;
      gendered = false;
      return '';
    });
    if (!gendered) continue;
    suggestions.push(text);
    let from = site.first;
    let to = Math.max(site.last, extendTo);
    if (site.scope === 'clause') {
      from = Math.min(from, site.clauseFirst + (CONJUNCTIONS.has(site.tokens[site.clauseFirst].form) ? 1 : 0));
      to = Math.max(to, site.clauseLast);
    }
    replaces.push(
      from !== site.first || to !== site.last
        ? { start: site.starts[site.tokens[from].start], end: site.ends[site.tokens[to].end - 1] }
        : null,
    );
  }
  return { suggestions, replaces };
}

/** The token of a name written right after the finding in its clause (a capitalized word within 3 words), or -1. */
function nameAfter(site: SuggestionSite): number {
  const limit = Math.min(site.clauseLast, site.last + 3);
  for (let t = site.last + 1; t <= limit; t++) {
    const token = site.tokens[t];
    if (token.placeholder || token.punct & (PUNCT_STRONG | PUNCT_QUOTE)) return -1;
    if (UPPER.test(site.original.slice(site.starts[token.start], site.starts[token.start] + 1))) return t;
  }
  return -1;
}
