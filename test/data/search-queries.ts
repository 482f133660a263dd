/** Provisional; the full table is written against the finished library. */
export interface SearchQueryCase {
  query: string;
  expected: string;
  kind: string;
}
export const SEARCH_QUERIES: SearchQueryCase[] = [
  { query: 'вернуть деньги', expected: 'refund-timing', kind: 'colloquial' },
  { query: 'курьер опоздал', expected: 'delivery-late-apology', kind: 'colloquial' },
  { query: 'djpdhfn', expected: 'return-within-7-days', kind: 'layout' },
  { query: 'gfhjkm', expected: 'password-reset', kind: 'layout' },
];
