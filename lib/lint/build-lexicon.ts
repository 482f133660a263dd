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
import { lemmaWords, parsePattern } from './parse-pattern';
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

/** All forms of one normalized word, the word itself first. */
export function expandWord(Az: AzModule, word: string): string[] {
  const parses = Az.Morph(word).filter(
    (parse) => parse.parser === 'Dictionary' && !parse.typosCnt && !parse.stutterCnt && parse.formCnt,
  );
  if (parses.length === 0) return fallbackForms(word);
  const heads = parses.filter((parse) => {
    const lemma = parse.inflect(0);
    return lemma && fold(String(lemma)) === word;
  });
  const top = parses[0].score;
  const chosen = heads.length > 0 ? heads : parses.filter((parse) => parse.score >= top * 0.5);
  const forms = new Set<string>([word]);
  for (const parse of chosen) {
    for (let index = 0; index < parse.formCnt!; index++) {
      const form = parse.inflect(index);
      if (form) forms.add(fold(String(form)));
    }
  }
  return [...forms];
}

/** The lexicon for every word the rules ask for in any form; invalid patterns are skipped (check-pack reports them). */
export async function buildLexicon(rules: readonly Rule[]): Promise<LintLexicon> {
  const words = new Set<string>();
  for (const rule of rules) {
    for (const source of [...rule.patterns, ...(rule.exceptions ?? [])]) {
      const parsed = parsePattern(source);
      if (parsed.items) for (const word of lemmaWords(parsed.items)) words.add(word);
    }
  }
  const Az = words.size > 0 ? await loadAz() : null;
  const forms: Record<string, string[]> = {};
  for (const word of [...words].sort()) forms[word] = expandWord(Az!, word);
  return { version: LEXICON_VERSION, source: 'az 0.2.3 (OpenCorpora)', forms };
}
