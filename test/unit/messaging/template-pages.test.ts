import { describe, expect, it } from 'vitest';
import { readTemplatePages, TEMPLATE_PAGE_SIZE } from '../../../lib/messaging/template-pages';
import type { TemplatePage } from '../../../lib/model';

/** A library of `count` keys served in pages, whose version `bump` can change between two reads. */
function server(count: number) {
  const keys = Array.from({ length: count }, (_, i) => `k${String(i).padStart(5, '0')}`);
  const state = { version: 1, requests: [] as { after?: string; limit: number }[], bump: (_: number) => {} };
  const readPage = async (request: { after?: string; limit: number }): Promise<TemplatePage<string>> => {
    state.requests.push(request);
    state.bump(state.requests.length);
    const from = request.after === undefined ? 0 : keys.indexOf(request.after) + 1;
    const templates = keys.slice(from, from + request.limit);
    return { templates, next: from + request.limit >= keys.length ? null : templates.at(-1)!, version: state.version };
  };
  return { keys, state, readPage };
}

describe('reading the library a page at a time', () => {
  it('puts every page together in order, asking after the last key of each', async () => {
    const { keys, state, readPage } = server(TEMPLATE_PAGE_SIZE * 2 + 5);
    expect(await readTemplatePages(readPage)).toEqual(keys);
    expect(state.requests).toHaveLength(3);
    expect(state.requests[1].after).toBe(keys[TEMPLATE_PAGE_SIZE - 1]);
  });

  it('starts over when the library changed between two pages, so no read mixes two versions', async () => {
    const { keys, state, readPage } = server(TEMPLATE_PAGE_SIZE * 2);
    state.bump = (n) => {
      if (n === 2) state.version = 2; // a sync landed while the first page was on its way
    };
    expect(await readTemplatePages(readPage)).toEqual(keys);
    expect(state.requests.map((r) => r.after === undefined)).toEqual([true, false, true, false]);
  });

  it('takes the last try as read when the library never stops changing', async () => {
    const { keys, state, readPage } = server(TEMPLATE_PAGE_SIZE * 2);
    state.bump = () => {
      state.version++;
    };
    expect(await readTemplatePages(readPage)).toEqual(keys);
    expect(state.requests).toHaveLength(6);
  });
});
