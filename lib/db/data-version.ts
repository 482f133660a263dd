import type { SuflerDatabase } from './database';

const DATA_VERSION_KEY = 'dataVersion';

/**
 * A counter bumped inside every write transaction. Contexts compare it to decide whether their cached
 * library is stale, and the background broadcasts it after each change.
 */
export async function bumpDataVersion(db: SuflerDatabase): Promise<number> {
  const current = await readDataVersion(db);
  const next = current + 1;
  await db.meta.put({ key: DATA_VERSION_KEY, value: next });
  return next;
}

export async function readDataVersion(db: SuflerDatabase): Promise<number> {
  const entry = await db.meta.get(DATA_VERSION_KEY);
  return typeof entry?.value === 'number' ? entry.value : 0;
}
