/**
 * BUILD TIME ONLY (Node): expands every rule word written without `=` into all its forms with the `az`
 * morphology library (OpenCorpora dictionaries, ~11 MB and ~0.2 s to load — fine for `sufler pack build`
 * and the extension build, never shipped to the extension). The result goes into `pack.compiled.lint`,
 * so the runtime (compile-rules.ts) needs one map lookup per draft word and no dictionary.
 *
 * Which forms a word gets: if the dictionary knows it as a dictionary form (infinitive, nominative …),
 * every paradigm it heads («мочь» → могу, можем, мог …; «вина» → вины, вину …, but not «вино»). Otherwise
 * the paradigms of its likeliest readings («должен» → должна, должны …). Aspect pairs are separate words in
 * the dictionary («мочь» ≠ «смочь»): patterns name both explicitly, `мочь|смочь`.
 * A word the dictionary does not know gets the runtime fallback forms (word-forms.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Rule } from '../model';
import { clauseLemmaKeys, GRAMMEMES, parseClausePattern } from './parse-clause-pattern';
import { lemmaWords, parsePattern } from './parse-pattern';
import { REQUEST_VERBS } from './render-suggestion';
import { buildTypoIndex, MIN_TYPO_LENGTH, typoCandidates } from './typo';
import { fallbackForms, LEXICON_VERSION, type LintLexicon } from './word-forms';

type AzModule = typeof import('az').default;

let loading: Promise<AzModule> | null = null;

/** Loads az and its dictionaries once per process. */
export function loadAz(): Promise<AzModule> {
  loading ??= new Promise((resolve, reject) => {
    const require = createRequire(import.meta.url);
    const Az = require('az') as AzModule;
    const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
    Az.Morph.init(dicts, (error) => (error ? reject(error) : resolve(Az)));
  });
  return loading;
}

const fold = (form: string) => form.toLowerCase().replaceAll('ё', 'е');

/** The dictionary parses a rule word expands through: the paradigms it heads, else its likeliest readings. */
function chosenParses(Az: AzModule, word: string) {
  const parses = Az.Morph(word).filter(
    (parse) => parse.parser === 'Dictionary' && !parse.typosCnt && !parse.stutterCnt && parse.formCnt,
  );
  if (parses.length === 0) return [];
  const heads = parses.filter((parse) => {
    const lemma = parse.inflect(0);
    return lemma && fold(String(lemma)) === word;
  });
  const top = parses[0].score;
  return heads.length > 0 ? heads : parses.filter((parse) => parse.score >= top * 0.5);
}

/** All forms of one normalized word, the word itself first. */
export function expandWord(Az: AzModule, word: string): string[] {
  const chosen = chosenParses(Az, word);
  if (chosen.length === 0) return fallbackForms(word);
  const forms = new Set<string>([word]);
  for (const parse of chosen) {
    for (let index = 0; index < parse.formCnt!; index++) {
      const form = parse.inflect(index);
      if (form) forms.add(fold(String(form)));
    }
  }
  return [...forms];
}

const PERSONS = new Set(['1per', '2per', '3per']);

/**
 * The forms of a word that carry the author's grammemes (`мочь:1л` → могу, можем), and apart from them
 * the finite forms that carry no person at all («смог», «должны»): for a person filter those are accepted
 * only when the clause's subject is that person (lint-time check, suppress/third-person.ts).
 */
export function expandTagged(Az: AzModule, word: string, tags: string): { forms: string[]; personless: string[] } {
  const wanted = tags.split(',').map((tag) => GRAMMEMES[tag]);
  const person = wanted.find((grammeme) => PERSONS.has(grammeme));
  const others = wanted.filter((grammeme) => grammeme !== person);
  const forms = new Set<string>();
  const personless = new Set<string>();
  for (const parse of chosenParses(Az, word)) {
    for (let index = 0; index < parse.formCnt!; index++) {
      const form = parse.inflect(index);
      if (!form) continue;
      const tag = form.tag;
      if (!others.every((grammeme) => tag[grammeme])) continue;
      const text = fold(String(form));
      if (!person || tag[person]) forms.add(text);
      else if (!tag['1per'] && !tag['2per'] && !tag['3per'] && (tag.past || tag.ADJS || tag.PRTS) && !tag.impr) {
        personless.add(text);
      }
    }
  }
  for (const form of forms) personless.delete(form);
  return { forms: [...forms], personless: [...personless] };
}

/** Forms of a noun that are also forms of another noun («вина»: fault, or of «вино»): read only in context. */
function nounHomographs(Az: AzModule, word: string, forms: string[]): string[] {
  const chosen = chosenParses(Az, word);
  if (!chosen.some((parse) => parse.tag.NOUN)) return [];
  return forms.filter((form) =>
    Az.Morph(form).some((parse) => {
      const tag = parse.tag;
      const lemma = parse.parser === 'Dictionary' ? parse.inflect(0) : false;
      return tag.NOUN && lemma && fold(String(lemma)) !== word && !parse.typosCnt;
    }),
  );
}

/** The first form of an infinitive's paradigm with all these grammemes («прислать», impr plur → «пришлите»). */
function verbForm(Az: AzModule, infinitive: string, grammemes: string[]): string | null {
  for (const parse of chosenParses(Az, infinitive)) {
    if (!parse.tag.INFN) continue;
    for (let index = 0; index < parse.formCnt!; index++) {
      const form = parse.inflect(index);
      if (form && grammemes.every((grammeme) => form.tag[grammeme])) return String(form).toLowerCase();
    }
  }
  return null;
}

/** Every lexicon key a rule asks for: plain words and words with grammemes (`мочь:1л`). */
export function ruleLexiconKeys(rule: Rule): string[] {
  const keys: string[] = [];
  for (const source of [...rule.patterns, ...(rule.exceptions ?? [])]) {
    if (rule.kind === 'clause') {
      const parsed = parseClausePattern(source);
      if (parsed.slots) keys.push(...clauseLemmaKeys(parsed.slots));
    } else {
      const parsed = parsePattern(source);
      if (parsed.items) keys.push(...lemmaWords(parsed.items));
    }
  }
  return keys;
}

/** The `=exact` forms a rule names. */
function exactForms(rule: Rule): string[] {
  const forms: string[] = [];
  for (const source of [...rule.patterns, ...(rule.exceptions ?? [])]) {
    if (rule.kind === 'clause') {
      for (const slot of parseClausePattern(source).slots ?? []) {
        for (const alternative of slot.alternatives) if (alternative.exact) forms.push(alternative.form);
      }
    } else {
      for (const item of parsePattern(source).items ?? []) {
        if (item.type === 'word')
          for (const alternative of item.alternatives) if (alternative.exact) forms.push(alternative.form);
      }
    }
  }
  return forms;
}

/** The lexicon for every word the rules ask for in any form; invalid patterns are skipped (check-pack reports them). */
export async function buildLexicon(rules: readonly Rule[]): Promise<LintLexicon> {
  const keys = new Set<string>();
  for (const rule of rules) for (const key of ruleLexiconKeys(rule)) keys.add(key);
  // A word with grammemes also needs its whole paradigm: the typo check must know «может» is a word.
  for (const key of [...keys]) if (key.includes(':')) keys.add(key.slice(0, key.indexOf(':')));
  const clause = rules.some((rule) => rule.kind === 'clause');
  const Az = keys.size > 0 || clause ? await loadAz() : null;
  const forms: Record<string, string[]> = {};
  const personless: Record<string, string[]> = {};
  const homographs: Record<string, string[]> = {};
  for (const key of [...keys].sort()) {
    const colon = key.indexOf(':');
    if (colon < 0) {
      forms[key] = expandWord(Az!, key);
      const ambiguous = nounHomographs(Az!, key, forms[key]);
      if (ambiguous.length > 0) homographs[key] = ambiguous;
    } else {
      const tagged = expandTagged(Az!, key.slice(0, colon), key.slice(colon + 1));
      forms[key] = tagged.forms;
      if (tagged.personless.length > 0) personless[key] = tagged.personless;
    }
  }
  const lexicon: LintLexicon = { version: LEXICON_VERSION, source: 'az 0.2.3 (OpenCorpora)', forms };
  if (clause) {
    // The other forms of `=exact` words, so that the typo check never turns «перезвоню» into «перезвони».
    const listed = new Set(Object.values(forms).flat());
    const known = new Set<string>();
    for (const rule of rules) {
      for (const form of exactForms(rule)) {
        if (form.length < MIN_TYPO_LENGTH) continue;
        for (const parse of Az!.Morph(form).filter((p) => p.parser === 'Dictionary' && !p.typosCnt)) {
          const lemma = parse.inflect(0);
          if (!lemma) continue;
          for (const other of expandWord(Az!, fold(String(lemma)))) {
            if (other.length >= MIN_TYPO_LENGTH - 1 && !listed.has(other)) known.add(other);
          }
        }
      }
    }
    // Only the ones a slip check could mistake for a rule word matter: those within one edit of a form.
    const targets = new Set([...Object.values(forms).flat(), ...rules.flatMap(exactForms)]);
    const index = buildTypoIndex(targets, []);
    const isTarget = (form: string) => targets.has(form);
    lexicon.known = [...known].filter((form) => typoCandidates(form, index, isTarget).length > 0).sort();
  }
  if (Object.keys(personless).length > 0) lexicon.personless = personless;
  if (Object.keys(homographs).length > 0) lexicon.homographs = homographs;
  if (clause) {
    const imperatives: Record<string, string> = {};
    const secondPerson: Record<string, string> = {};
    for (const verb of REQUEST_VERBS) {
      const imperative = verbForm(Az!, verb, ['impr', 'plur', 'excl']);
      const yours = verbForm(Az!, verb, ['2per', 'plur', 'indc']);
      if (imperative) imperatives[verb] = imperative;
      if (yours) secondPerson[verb] = yours;
    }
    lexicon.secondPerson = secondPerson;
    lexicon.imperatives = imperatives;
  }
  return lexicon;
}
