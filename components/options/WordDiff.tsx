import { diffWords } from 'diff';

// jsdiff's built-in word pattern knows Latin letters only; Intl.Segmenter splits Russian words properly.
const words = new Intl.Segmenter('ru', { granularity: 'word' });

/**
 * One side of a word-level diff: the old text with removed words struck, or the new one with added words
 * marked. jsdiff (`diff`): the long-maintained diff library behind many editors and test runners, with
 * word tokenisation over Intl.Segmenter — a hand-written LCS would be slower and subtler to get right.
 */
export function WordDiff({ before, after, side }: { before: string; after: string; side: 'before' | 'after' }) {
  return (
    <p>
      {diffWords(before, after, { intlSegmenter: words }).map((part, index) => {
        const key = `${index}:${part.value}`;
        if (part.added) return side === 'after' ? <ins key={key}>{part.value}</ins> : null;
        if (part.removed) return side === 'before' ? <del key={key}>{part.value}</del> : null;
        return <span key={key}>{part.value}</span>;
      })}
    </p>
  );
}
