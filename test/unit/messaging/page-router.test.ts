import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageRouter } from '../../../lib/messaging/page-router';

const router = () =>
  createPageRouter({
    queryActiveTab: async () => undefined,
    session: fakeBrowser.storage.session,
    injectScript: async () => undefined,
  });

const TOP = 'https://acme.zendesk.com/agent/tickets/1';
const tab = { id: 7, url: TOP };
const agent = (frameId: number, url = TOP) => ({ id: 'ext', url, tab, frameId });
const sidebar = (frameId: number) => ({ id: 'ext', url: 'chrome-extension://dyn/sidebar.html', tab, frameId });

describe('the page router keeps a tab to its own sidebar frame and its own origin', () => {
  afterEach(() => fakeBrowser.reset());

  it('lets only the frame holding the token its top agent issued claim the tab, once', async () => {
    const pages = router();
    await expect(pages.expectSidebar({ token: 't-1' }, agent(3, 'https://evil.zendesk.com/widget'))).rejects.toThrow(
      /верхний кадр/,
    );
    await pages.expectSidebar({ token: 't-1' }, agent(0));
    expect(await pages.claimSidebar({ token: 'guess' }, sidebar(12))).toEqual({ ok: false });
    expect(await pages.isClaimedSidebar(sidebar(12))).toBe(false);
    expect(await pages.claimSidebar({ token: 't-1' }, sidebar(11))).toEqual({ ok: true });
    expect(await pages.isClaimedSidebar(sidebar(11))).toBe(true);
    // A second frame with the same token (it leaked somehow) is too late; the first may ask again.
    expect(await pages.claimSidebar({ token: 't-1' }, sidebar(12))).toEqual({ ok: false });
    expect(await pages.isClaimedSidebar(sidebar(12))).toBe(false);
    expect(await pages.claimSidebar({ token: 't-1' }, sidebar(11))).toEqual({ ok: true });
    // A reload of the page issues a new token: the old frame's claim is gone.
    await pages.expectSidebar({ token: 't-2' }, agent(0));
    expect(await pages.isClaimedSidebar(sidebar(11))).toBe(false);
  });

  it('routes inserts to a subframe only when it has the top page’s origin', async () => {
    const pages = router();
    await pages.replyBoxFocused(undefined, agent(0));
    await expect(pages.replyBoxFocused(undefined, agent(5, 'https://other-tenant.zendesk.com/widget'))).rejects.toThrow(
      /другого сайта/,
    );
    await pages.replyBoxFocused(undefined, agent(6, 'https://acme.zendesk.com/editor-frame'));
    expect(await fakeBrowser.storage.session.get('focusedFrame:7')).toEqual({ 'focusedFrame:7': 6 });
    await expect(pages.replyBoxFocused(undefined, { ...agent(8), tab: { id: 7 } })).rejects.toThrow();
    expect(await fakeBrowser.storage.session.get('focusedFrame:7')).toEqual({ 'focusedFrame:7': 6 });
  });

  it('opens «Научить Суфлёр этому сайту» in the top frame of the sidebar’s own tab, or of the popup’s active tab', async () => {
    // @webext-core/messaging sends with chrome.tabs.sendMessage and a callback.
    const sent = vi
      .spyOn(chrome.tabs, 'sendMessage')
      .mockImplementation(((_tab: number, _message: unknown, _options: unknown, reply: (response: unknown) => void) =>
        reply({ res: null })) as never);
    const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
    const pages = createPageRouter({
      queryActiveTab: async () => 9,
      session: fakeBrowser.storage.session,
      injectScript: async () => undefined,
    });
    await pages.startSitePicker(undefined, sidebar(11));
    await pages.startSitePicker(undefined, popup);
    expect(
      sent.mock.calls.map(([tabId, message, options]) => [tabId, (message as { type: string }).type, options?.frameId]),
    ).toEqual([
      [7, 'startSitePicker', 0],
      [9, 'startSitePicker', 0],
    ]);
    // No tab to teach (the popup over a window without one): said, not swallowed.
    await expect(router().startSitePicker(undefined, popup)).rejects.toThrow();
    sent.mockRestore();
  });
});
