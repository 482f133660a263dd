import type { AgentGender, FixScope } from '../model';
import { PUNCT_COMMA, PUNCT_QUOTE, PUNCT_STRONG, type Token } from './tokenize';

/**
 * Turns a rule's suggestion into the text one click inserts, so that the fix reads as correct Russian and
 * leaves nothing to fill in:
 *
 *   {имя}       the agent's name: the name the agent wrote right after the phrase («Вас обслуживает оператор
 *               Иван» → «Меня зовут Иван, …», the name then replaced with the phrase), else the name from
 *               settings; `[Имя агента]` reads the same
 *   {глагол:пов} the verb the agent wrote right after the phrase, as a polite request («вы должны прислать
 *               фото» → «пришлите, пожалуйста, фото»); the verb is replaced with it
 *   {глагол:2л} that verb for «вы» («вы должны были проверить» → «если вы проверите»)
 *   [вёл|вела]  the agent's gendered form, from the gender setting
 *   …           at the end: a lead-in, used only when a dependent clause follows the phrase («не знаю, где
 *               заказ» → «уточню, где заказ»); it replaces the phrase alone
 *
 * A suggestion whose slot cannot be filled is left out rather than inserted with a gap. A `clause` fix
 * followed by a dependent clause («не могу обещать, что …») replaces the sentence to its end, so no
 * orphaned «, что …» is left behind.
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
  'прочитать',
  'прочесть',
  'сообщать',
  'прочитать',
  'прочесть',
  'сообщать',
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
  /** Infinitive → its «вы» form (future for perfective verbs). */
  secondPerson: Map<string, string>;
}

export interface RenderedSuggestions {
  suggestions: string[];
  /** Per suggestion: the original-text range it replaces when it is not the finding's span. */
  replaces: ({ start: number; end: number } | null)[];
}

const NAME_SLOT = /\{имя\}|\[имя агента\]/giu;
const HAS_NAME_SLOT = /\{имя\}|\[имя агента\]/iu;
const REQUEST_SLOT = '{глагол:пов}';
const SECOND_PERSON_SLOT = '{глагол:2л}';
const LEAD_IN = '…';
/** Words that open a clause depending on the phrase's verb: «не знаю, где …», «не могу обещать, что …». */
const DEPENDENT = new Set(
  'что чтобы где когда почему как куда откуда ли чем сколько зачем кто какой какая какие'.split(' '),
);
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
  const dependsOn = (token: Token | undefined) =>
    token !== undefined &&
    token.sentence === site.tokens[site.last].sentence &&
    (token.punct & PUNCT_COMMA) !== 0 &&
    DEPENDENT.has(token.form);
  const phraseHasDependent = dependsOn(site.tokens[site.last + 1]);
  const clauseHasDependent = dependsOn(site.tokens[site.clauseLast + 1]);
  for (const template of templates) {
    let text = template;
    let extendTo = -1; // last token the replacement swallows beyond the finding
    const leadIn = text.endsWith(LEAD_IN);
    if (leadIn) {
      if (!phraseHasDependent) continue;
      text = text.slice(0, -LEAD_IN.length).trimEnd();
    }
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
    for (const [slot, forms] of [
      [REQUEST_SLOT, site.imperatives],
      [SECOND_PERSON_SLOT, site.secondPerson],
    ] as const) {
      if (!text.includes(slot)) continue;
      const next = site.last + 1;
      const token = site.tokens[next];
      const verb =
        token &&
        next <= site.clauseLast &&
        !token.placeholder &&
        !(token.punct & (PUNCT_COMMA | PUNCT_STRONG | PUNCT_QUOTE))
          ? forms.get(token.form)
          : undefined;
      if (!verb) {
        text = '';
        break;
      }
      extendTo = Math.max(extendTo, next);
      text = text.replace(slot, verb);
    }
    if (!text) continue;
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
    if (site.scope === 'clause' && !leadIn) {
      from = Math.min(from, clauseStart(site));
      to = Math.max(to, site.clauseLast);
      if (clauseHasDependent) {
        const index = sentenceIndexAt(site.tokens, to);
        to = Math.max(to, index.runEnd[to - index.first]);
      }
    }
    replaces.push(
      from !== site.first || to !== site.last
        ? { start: site.starts[site.tokens[from].start], end: site.ends[site.tokens[to].end - 1] }
        : null,
    );
  }
  return { suggestions, replaces };
}

const PRONOUNS = new Set(['я', 'мы', 'вы', 'ты', 'он', 'она', 'оно', 'они']);
const SOFTENERS = new Set(
  'к сожалению увы похоже извините простите пожалуйста честно говоря поверьте нет ну поймите видимо кажется знаете правда да'.split(
    ' ',
  ),
);

/**
 * Where a clause-wide fix starts: after a leading conjunction («…, но [ничем не могу помочь]»), and after an
 * address or greeting set off by a comma («Анна, к сожалению, [ничем не могу помочь]»). A part before the
 * comma that holds a subject («[Здесь мы, увы, ничем не сможем помочь]») or only softeners («[К сожалению,
 * ничем не могу помочь]») goes with the clause.
 */
function clauseStart(site: SuggestionSite): number {
  const { tokens } = site;
  const start = site.clauseFirst + (CONJUNCTIONS.has(tokens[site.clauseFirst].form) ? 1 : 0);
  const index = sentenceIndexAt(tokens, site.first);
  const at = (t: number) => t - index.first;
  const comma = index.lastComma[at(site.first)];
  if (comma <= start) return start;
  if (index.pronouns[at(comma)] - index.pronouns[at(start)] > 0) return start;
  // «К сожалению, ничем не могу помочь» → the softener goes with the refusal it softened.
  return index.others[at(comma)] - index.others[at(start)] === 0 ? start : comma;
}

/**
 * Lookups over one sentence that keep each fix's scope O(1) however long its clause or sentence: a draft of one
 * banned phrase repeated thousands of times without a comma made every finding scan its clause back and its
 * sentence forward (quadratic). Built on a finding's first ask and kept for the next findings of the same
 * sentence, which come in text order; a normal draft pays one pass over each sentence that holds a finding.
 * Absolute token indexes: `lastComma[t]` the last token ≤ t preceded by a comma, or -1; `pronouns`/`others`
 * prefix counts of pronouns and of non-softeners before t; `runEnd[t]` the last token after t in the sentence
 * reached without crossing a placeholder.
 */
interface SentenceIndex {
  tokens: readonly Token[];
  first: number;
  last: number;
  lastComma: Int32Array;
  pronouns: Int32Array;
  others: Int32Array;
  runEnd: Int32Array;
}

let recent: SentenceIndex | undefined;

function sentenceIndexAt(tokens: readonly Token[], t: number): SentenceIndex {
  if (recent && recent.tokens === tokens && t >= recent.first && t <= recent.last) return recent;
  const sentence = tokens[t].sentence;
  let first = t;
  while (first > 0 && tokens[first - 1].sentence === sentence) first--;
  let last = t;
  while (last + 1 < tokens.length && tokens[last + 1].sentence === sentence) last++;
  const size = last - first + 1;
  const index: SentenceIndex = {
    tokens,
    first,
    last,
    lastComma: new Int32Array(size),
    pronouns: new Int32Array(size + 1),
    others: new Int32Array(size + 1),
    runEnd: new Int32Array(size),
  };
  for (let i = 0; i < size; i++) {
    const { form, punct } = tokens[first + i];
    index.lastComma[i] = punct & PUNCT_COMMA ? first + i : i > 0 ? index.lastComma[i - 1] : -1;
    index.pronouns[i + 1] = index.pronouns[i] + (PRONOUNS.has(form) ? 1 : 0);
    index.others[i + 1] = index.others[i] + (SOFTENERS.has(form) ? 0 : 1);
  }
  for (let i = size - 1; i >= 0; i--) {
    const next = tokens[first + i + 1];
    index.runEnd[i] = i + 1 < size && !next.placeholder ? index.runEnd[i + 1] : first + i;
  }
  recent = index;
  return index;
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
