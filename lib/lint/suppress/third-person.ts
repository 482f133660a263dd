import type { Clauses } from '../clauses';
import type { Token } from '../tokenize';

/**
 * Third-person subject: «курьер не смог вам помочь», «банк не может» are about someone else, not the agent.
 *
 * A person filter in a rule (`мочь:1л`) already keeps only first-person forms («могу», «можем»; never
 * «может»). Forms without person — the past tense («смог», «смогли») and short adjectives («должны») — are
 * decided here, from the clause's subject: a personal pronoun in the nominative (я/мы, вы/ты, он/она/оно/
 * они) or a noun for a third party that support letters name as the actor (курьер, банк, склад …).
 *
 * The subject is the nearest such word before the verb in its clause, else the nearest after it:
 * - of the wanted person → yes; any other → no («Вы правы, мы должны были…» is about «мы»);
 * - no subject at all: 1st person → yes (Russian drops «я/мы»: «ничем не смогли помочь» is the agent
 *   speaking); 2nd person → no (an order to the customer names them: «вы должны»).
 */
const PRONOUN_PERSON = new Map<string, number>([
  ['я', 1],
  ['мы', 1],
  ['вы', 2],
  ['ты', 2],
  ['он', 3],
  ['она', 3],
  ['оно', 3],
  ['они', 3],
  ['никто', 3],
  ['кто-то', 3],
  ['кто-нибудь', 3],
  // A relative clause speaks of its antecedent: «Оператор, который принимал звонок, не смог помочь».
  ['который', 3],
  ['которая', 3],
  ['которое', 3],
  ['которые', 3],
]);

/** Third parties, in the nominative singular and plural. */
const THIRD_PARTIES = new Set(
  `курьер курьеры банк банки склад склады магазин магазины оператор операторы менеджер менеджеры продавец
  продавцы служба службы система отдел отделы коллега коллеги сотрудник сотрудники специалист специалисты
  перевозчик перевозчики почта поставщик поставщики партнер партнеры бухгалтерия руководство руководитель
  администратор администрация кассир водитель маркетплейс платформа сервис программа терминал юрист юристы
  приложение сайт модератор модераторы мастер мастера техник доставка поддержка компания производитель
  пункт экспедитор логист логисты охрана робот бот`.split(/\s+/),
);

/** How far from the verb a subject is looked for (keeps the check constant per word). */
const REACH = 8;

/** Whether a form without person at token `t` (past tense, short adjective) agrees with the wanted person. */
export function subjectAgrees(tokens: readonly Token[], clauses: Clauses, t: number, person: number): boolean {
  const subject = (k: number) => {
    const form = tokens[k].form;
    const pronoun = PRONOUN_PERSON.get(form);
    if (pronoun !== undefined) return pronoun;
    // «вы, как администратор аккаунта, должны»: an apposition after «как» is not the subject.
    return THIRD_PARTIES.has(form) && !(k > 0 && tokens[k - 1].form === 'как') ? 3 : 0;
  };
  const low = Math.max(clauses.first[t], t - REACH);
  const high = Math.min(clauses.last[t], t + REACH);
  for (let k = t - 1; k >= low; k--) {
    const found = subject(k);
    if (found) return found === person;
  }
  for (let k = t + 1; k <= high; k++) {
    const found = subject(k);
    if (found) return found === person;
  }
  return person === 1;
}
