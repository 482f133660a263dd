// Minimal typings for the parts of `az` (Az.js, OpenCorpora morphology) that build-lexicon.ts uses.
declare module 'az' {
  interface AzParse {
    parser: string;
    score: number;
    typosCnt: number;
    stutterCnt: number;
    formCnt?: number;
    /** Grammemes of this reading: `tag.NOUN`, `tag['1per']`, `tag.past` … are truthy when present. */
    tag: Record<string, unknown>;
    inflect(form: number): AzParse | false;
    toString(): string;
  }
  interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (error: Error | null) => void): void;
  }
  const Az: { Morph: AzMorph };
  export default Az;
}
