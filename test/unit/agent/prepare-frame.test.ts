// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { guardInertHost, prepareOnce } from '@/lib/agent/prepare-frame';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a frame prepared ahead of its first open', () => {
  it('is created once at idle, and taking it then gives the prepared one', async () => {
    let made = 0;
    const preparation = prepareOnce(window, async () => ++made);
    preparation.prepareAtIdle();
    preparation.prepareAtIdle();
    expect(made).toBe(0); // not inside the agent's focus: later, at idle
    await vi.waitFor(() => expect(made).toBe(1));
    expect(await preparation.take()).toBe(1);
    expect(made).toBe(1);
  });

  it('is made on demand when nothing was prepared, and again after a reset', async () => {
    let made = 0;
    const preparation = prepareOnce(window, async () => ++made);
    expect(await preparation.take()).toBe(1);
    preparation.reset();
    expect(await preparation.take()).toBe(2);
  });

  it('is never made once the agent stops', async () => {
    let made = 0;
    const controller = new AbortController();
    const preparation = prepareOnce(window, async () => ++made, { signal: controller.signal });
    preparation.prepareAtIdle();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(made).toBe(0);
  });

  it('is given up when the page unhides it before the agent opened it', async () => {
    const host = document.createElement('div');
    host.hidden = true;
    host.inert = true;
    document.body.append(host);
    let open = false;
    let tampered = 0;
    guardInertHost(
      host,
      () => open,
      () => tampered++,
    );
    // The agent opens and closes it: no alarm.
    open = true;
    host.hidden = false;
    host.inert = false;
    await tick();
    open = false;
    host.hidden = true;
    host.inert = true;
    await tick();
    expect(tampered).toBe(0);
    // The page strips `inert` from the closed frame (to put it under a decoy).
    host.removeAttribute('inert');
    await tick();
    expect(tampered).toBe(1);
  });
});
