/**
 * How long the common start and end of two texts are (e.g. a draft before and after a keystroke), the end
 * not overlapping the start. Compared a chunk at a time, natively (`===` on slices, which V8 makes without
 * copying): a keystroke's code runs too rarely to be optimized, and a loop over 2,000 characters one by one
 * cost ≈ 0.1 ms of it in the page (coach bench, `npm run bench`).
 */
const CHUNK = 64;

export function commonEnds(a: string, b: string): { head: number; tail: number } {
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (head + CHUNK <= shorter && a.slice(head, head + CHUNK) === b.slice(head, head + CHUNK)) head += CHUNK;
  while (head < shorter && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  const most = shorter - head;
  let tail = 0;
  while (
    tail + CHUNK <= most &&
    a.slice(a.length - tail - CHUNK, a.length - tail) === b.slice(b.length - tail - CHUNK, b.length - tail)
  )
    tail += CHUNK;
  while (tail < most && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return { head, tail };
}
