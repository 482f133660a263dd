/**
 * Short stable ids from text (CSV template ids and versions, subscription ids). Hand-written because it must
 * be synchronous and identical in the background, the options page and the CLI, and the ids it made are
 * published: never change it.
 */

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: small, sync and the same in every context. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
