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
 * - a pronoun of the wanted person → yes;
 * - otherwise any other subject → no;
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

/** Bits of who may be a clause's subject: 1 — я/мы, 2 — вы/ты, 4 — a third person. */
const PERSON_BIT = [0, 1, 2, 4];

/** Per clause (indexed by clause number), the subjects its words name. Linear in the draft. */
export function clauseSubjects(tokens: readonly Token[], clauses: Clauses): Uint8Array {
  const n = tokens.length;
  const subjects = new Uint8Array(n > 0 ? clauses.id[n - 1] + 1 : 0);
  for (let t = 0; t < n; t++) {
    const form = tokens[t].form;
    const person = PRONOUN_PERSON.get(form) ?? (THIRD_PARTIES.has(form) ? 3 : 0);
    if (person) subjects[clauses.id[t]] |= PERSON_BIT[person];
  }
  return subjects;
}

/** Whether a form without person (past tense, short adjective) agrees with the wanted person. */
export function subjectAgrees(subjects: number, person: number): boolean {
  if (subjects & PERSON_BIT[person]) return true;
  return subjects === 0 && person === 1;
}
