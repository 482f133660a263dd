import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SuflerDatabase } from '../../../lib/db/database';
import { installPack } from '../../../lib/db/install-pack';
import { createLibraryService } from '../../../lib/db/library-service';
import type { Policy, Settings } from '../../../lib/model';
import { samplePack } from '../../fixtures/pack-server';

let counter = 0;
async function library(teamPolicy: Policy | null, settings: Pick<Settings, 'bundledTemplates'> = {}) {
  const db = new SuflerDatabase(`library-${++counter}`, { indexedDB, IDBKeyRange });
  await installPack(db, samplePack({ id: 'sufler-default', name: 'Встроенные' }, 3), 'bundled', 1);
  if (teamPolicy) await installPack(db, samplePack({ id: 'team', policy: teamPolicy }, 2), 'subscription', 1);
  const service = createLibraryService(
    db,
    () => 1,
    async () => settings,
  );
  const packsShown = async () => [...new Set((await service.listTemplates()).map((t) => t.packId))].sort();
  return { service, packsShown };
}

describe('hiding the bundled templates', () => {
  it('shows them by default, next to a team pack that does not ask otherwise', async () => {
    expect(await (await library({})).packsShown()).toEqual(['sufler-default', 'team']);
  });

  it('hides them when the team asks, and the agent may show them again', async () => {
    const asked = await library({ hideBundled: true });
    expect(await asked.packsShown()).toEqual(['team']);
    expect((await asked.service.getStatus()).bundled).toEqual({ hidden: true, byTeam: true, locked: false });
    expect(await (await library({ hideBundled: true }, { bundledTemplates: 'show' })).packsShown()).toEqual([
      'sufler-default',
      'team',
    ]);
  });

  it('keeps them hidden under a locked team policy whatever the agent chose', async () => {
    const locked = await library({ hideBundled: true, locked: true }, { bundledTemplates: 'show' });
    expect(await locked.packsShown()).toEqual(['team']);
    expect((await locked.service.getStatus()).bundled).toMatchObject({ hidden: true, locked: true });
    expect((await locked.service.listRecentTemplates({ limit: 10 })).every((t) => t.packId === 'team')).toBe(true);
  });

  it('lets the agent hide them without any team pack', async () => {
    expect(await (await library(null, { bundledTemplates: 'hide' })).packsShown()).toEqual([]);
  });
});

describe('the library a page at a time (what the sidebar and the picker load)', () => {
  it('gives every visible template once, in pages that end with next = null', async () => {
    const { service } = await library({ hideBundled: true }, { bundledTemplates: 'show' });
    const whole = (await service.listTemplates()).map((t) => t.key).sort();
    const paged: string[] = [];
    const sizes: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await service.listTemplatePage(after === undefined ? { limit: 2 } : { after, limit: 2 });
      sizes.push(page.templates.length);
      paged.push(...page.templates.map((t) => t.key));
      if (page.next === null) break;
      after = page.next;
    }
    expect(paged.sort()).toEqual(whole);
    expect(whole).toHaveLength(5);
    expect(sizes.every((size) => size <= 2)).toBe(true);
  });

  it('leaves out a hidden pack in every page', async () => {
    const { service } = await library({ hideBundled: true, locked: true }, { bundledTemplates: 'show' });
    const page = await service.listTemplatePage({ limit: 100 });
    expect(page.next).toBeNull();
    expect(page.templates.map((t) => t.packId)).toEqual(['team', 'team']);
  });
});
