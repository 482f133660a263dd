import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../lib/lint/compile-rules';
import { lintText } from '../../../lib/lint/lint-text';
import { buildPackFromDir } from '../../../lib/packs/build-pack';

const { pack } = await buildPackFromDir(resolve(import.meta.dirname, '../../../templates'));
const { compiled } = compileRules(pack!.rules, pack!.compiled);

/** The fastest of a few runs: the least disturbed by a shared machine. */
function fastest(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * A customer's message quoted into the reply can repeat a banned phrase thousands of times with no comma or full
 * stop: one clause, a finding every three words. Each finding's clause-wide fix looked for its clause's comma
 * and its sentence's end by scanning the clause, which made the whole lint quadratic (100k characters of
 * «не могу помочь » took 0.6 s where 25k took 40 ms). Four times the text must cost about four times the time.
 */
describe('a banned phrase repeated through one clause', () => {
  it.each(['не могу помочь ', 'к сожалению ничего не могу сделать ', 'вы должны прислать фото '])(
    '«%s» × n lints in time linear in n',
    (phrase) => {
      const text = (n: number) => phrase.repeat(Math.ceil(n / phrase.length));
      const findings = lintText(text(25_000), compiled);
      expect(findings.length).toBeGreaterThan(500);
      const small = fastest(() => lintText(text(25_000), compiled));
      const large = fastest(() => lintText(text(100_000), compiled));
      // Linear: ≈ 4×; the scans were ≈ 15× (quadratic); 9× leaves room for a noisy machine.
      expect(large / small).toBeLessThan(9);
    },
  );
});
