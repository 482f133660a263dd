/**
 * Hostile text shapes (issue 12 item 3): what a page or a customer's quoted message can put into a draft, a
 * query or a pack. Each makes about `length` characters, so a bench can time the same shape at two lengths
 * and show the growth. Shared by the linear-time test (test/unit/lint/adversarial-text.test.ts) and the lint
 * bench (test/bench/lint.bench.ts).
 */
const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length));

/** `budget`: the 20 ms lint budget applies (shapes with no findings); the repeated phrases only show linearity. */
export const ADVERSARIAL_SHAPES: [name: string, make: (length: number) => string, budget: boolean][] = [
  ['dots', (length) => '.'.repeat(length), true],
  ['ellipses «…»', (length) => '…'.repeat(length), true],
  ['dots and spaces', (length) => repeatTo('. ', length), true],
  ['spaces', (length) => ' '.repeat(length), true],
  ['combining marks', (length) => `и${'\u0301'.repeat(length - 1)}`, true],
  ['emoji', (length) => repeatTo('😀', length), true],
  ['one long word', (length) => 'а'.repeat(length), true],
  // Every word anchors a rule in one endless clause; the second gives a finding (and a clause-wide fix) each.
  ['«не могу» repeated (one clause)', (length) => repeatTo('не могу ', length), false],
  ['«не могу помочь» repeated (a finding each)', (length) => repeatTo('не могу помочь ', length), false],
];
