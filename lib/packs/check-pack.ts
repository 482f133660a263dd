import type { DataError, Pack } from '../model';

/**
 * Checks that go beyond the schema and that every pack must pass before it is installed or published:
 * the lint engine adds rule compilation, each rule's own examples, and the templates against the rules.
 */
export function checkPack(_pack: Pack): DataError[] {
  return [];
}
