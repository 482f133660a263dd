import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTabReadOrder } from '../../../lib/messaging/tab-read-order';

/** Whether the promise has settled after the pending microtasks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('the order of a tab’s library reads', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds the tab’s picker back while its sidebar reads, and lets it go at the sidebar’s last page', async () => {
    const order = createTabReadOrder();
    order.sidebarReading(7);
    const turn = order.pickerTurn(7);
    expect(await settled(turn)).toBe(false);
    order.sidebarReading(7); // the next page
    expect(await settled(turn)).toBe(false);
    order.sidebarDone(7);
    expect(await settled(turn)).toBe(true);
    expect(await settled(order.pickerTurn(7))).toBe(true);
  });

  it('never holds another tab, or a sender without a tab', async () => {
    const order = createTabReadOrder();
    order.sidebarReading(7);
    expect(await settled(order.pickerTurn(8))).toBe(true);
    expect(await settled(order.pickerTurn(undefined))).toBe(true);
  });

  it('gives up on a sidebar that stops reading, counting from its last page', async () => {
    const order = createTabReadOrder({ patienceMs: 3_000 });
    order.sidebarReading(7);
    const turn = order.pickerTurn(7);
    await vi.advanceTimersByTimeAsync(2_000);
    order.sidebarReading(7);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(await settled(turn)).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(await settled(turn)).toBe(true);
  });

  it('holds the picker again when the sidebar reads again (the library changed)', async () => {
    const order = createTabReadOrder();
    order.sidebarReading(7);
    order.sidebarDone(7);
    order.sidebarReading(7);
    expect(await settled(order.pickerTurn(7))).toBe(false);
  });
});
