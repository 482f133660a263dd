import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launcher, openDemo, openExtensionPage, ownUi, sidebarFrame, useExtensionBrowser } from './extension-harness';

/**
 * Issue 15, narrow windows: at 1920, 1366, 900 and 480 px the sidebar pushes the page only when the pushed
 * page keeps a usable reply box, overlays the side away from the reply box otherwise, and becomes a sheet
 * above the reply box at phone width; the launcher badge never covers the box's last line or scrollbar;
 * the options page never scrolls sideways and shows its tabs whole.
 */

type Rect = { left: number; top: number; right: number; bottom: number; width: number };

const overlap = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const rectOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const { left, top, right, bottom, width } = element.getBoundingClientRect();
    return { left, top, right, bottom, width };
  });

/** The badge's button with its count bubble (−7 px beyond the top-right), in the page's viewport. */
async function badgeRect(page: Page): Promise<Rect> {
  const box = (await launcher(page).boundingBox())!;
  return { left: box.x, top: box.y - 8, right: box.x + 26 + 8, bottom: box.y + 26, width: 34 };
}

const EXPECTED = [
  { width: 1920, layout: 'push' },
  { width: 1366, layout: 'push' },
  { width: 900, layout: 'overlay-left' },
  { width: 480, layout: 'sheet' },
] as const;

describe('narrow windows', () => {
  const env = useExtensionBrowser();

  for (const { width, layout } of EXPECTED) {
    it(`${width} px: the reply box stays uncovered and usable, the page does not scroll sideways (${layout})`, async () => {
      const page = await openDemo(env.browser, env.pages);
      await page.setViewportSize({ width, height: 900 });
      const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
      // A full reply box: more lines than it shows, so it has a scrollbar, and the caret on the last line.
      await reply.fill(Array.from({ length: 14 }, (_, i) => `Строка ответа номер ${i + 1}, длинная.`).join('\n'));
      await reply.click();
      await reply.press('Control+End');
      expect(await reply.evaluate((box) => box.scrollHeight > box.clientHeight)).toBe(true);
      await launcher(page).waitFor();
      await expect.poll(async () => overlap(await badgeRect(page), await rectOf(page, '#reply'))).toBe(false);

      await launcher(page).click();
      const sidebar = await sidebarFrame(page);
      await sidebar.getByRole('listbox').getByRole('option').first().waitFor();
      const host = page.locator(ownUi('sidebar'));
      await expect.poll(() => host.getAttribute('data-layout')).toBe(layout);

      const box = await rectOf(page, '#reply');
      const side = await rectOf(page, ownUi('sidebar'));
      expect(overlap(side, box), JSON.stringify({ side, box })).toBe(false);
      expect(box.width).toBeGreaterThanOrEqual(320);
      expect(overlap(await badgeRect(page), box)).toBe(false);
      const scroll = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(scroll).toBeLessThanOrEqual(0);
      if (layout === 'push') {
        // Pushed aside, nothing of the helpdesk is under the sidebar: its navigation least of all.
        expect(overlap(side, await rectOf(page, 'nav'))).toBe(false);
        expect(side.left).toBeGreaterThanOrEqual(box.right);
      }
      // Closed again, so the next width starts from a closed sidebar.
      await sidebar.getByRole('button', { name: 'Закрыть Суфлёр (Escape)' }).click();
      await expect.poll(() => host.isVisible()).toBe(false);
      await page.close();
    });
  }

  it('480 px: the options page does not scroll sideways and shows every tab whole', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    await options.setViewportSize({ width: 480, height: 900 });
    await options.getByRole('table').waitFor();
    for (const name of ['Библиотека', 'Пакеты команды', 'Статистика', 'Настройки']) {
      await options.getByRole('tab', { name }).click();
      await options.getByRole('tabpanel', { name }).waitFor();
      const scroll = await options.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(scroll, name).toBeLessThanOrEqual(0);
      const tabs = await options.getByRole('tab').evaluateAll((elements) =>
        elements.map((element) => {
          const { left, right } = element.getBoundingClientRect();
          return { left, right, fits: element.scrollWidth <= element.clientWidth };
        }),
      );
      for (const tab of tabs) {
        expect(tab.left).toBeGreaterThanOrEqual(0);
        expect(tab.right).toBeLessThanOrEqual(480);
        expect(tab.fits).toBe(true);
      }
    }
    await options.close();
  });
});
