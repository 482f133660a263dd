import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  inClosedRoot,
  launcherLabel,
  openDemo,
  openExtensionPage,
  ownUi,
  useExtensionBrowser,
} from './extension-harness';

/**
 * Issue 15, dark mode for the UI Суфлёр draws in the helpdesk page: the finding card and the guard dialog
 * follow a dark system theme, with contrast that passes axe-core (light stays as it was).
 */

const DRAFT = 'Анна, к сожалению, ничем не могу помочь. Хорошего дня!';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's colour-contrast check inside one of our open shadow roots only (the demo page is not ours). */
async function contrastViolations(page: Page, host: string, inner: string): Promise<unknown[]> {
  await page.evaluate(AXE);
  return page.evaluate(
    async ([host, inner]) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run({ fromShadowDom: [host, inner] }, { runOnly: ['color-contrast'] });
      return result.violations.flatMap((v) => v.nodes.map((node) => node.html));
    },
    [host, inner] as const,
  );
}

const background = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);

/** The launcher badge's button colour, inside its closed root: blue in light, a lighter blue in dark. */
const BADGE = { light: 'rgb(59, 91, 219)', dark: 'rgb(145, 167, 255)' };
const badgeBackground = (page: Page) =>
  inClosedRoot<string>(
    page,
    ownUi('launcher'),
    'function () { return getComputedStyle(this.querySelector("button")).backgroundColor; }',
  );

/** The «/» picker's list (an extension page in a frame): its background once it shows options. */
async function pickerBackground(page: Page): Promise<string> {
  await page.keyboard.type(' /');
  await expect.poll(() => page.locator(ownUi('picker')).isVisible(), { timeout: 5_000 }).toBe(true);
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/picker.html'))!;
  const color = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.keyboard.press('Escape');
  return color;
}

/** Types the banned draft on the demo and points at its underline: the reply box and the card it opens. */
async function cardOnBannedDraft(page: Page) {
  const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
  await reply.click();
  await page.keyboard.type(DRAFT);
  await expect.poll(() => launcherLabel(page)).toMatch(/ошибки: 1/);
  await expect.poll(() => page.locator(ownUi('underlines')).count()).toBe(1);
  const span = await inClosedRoot<{ x: number; y: number }>(
    page,
    ownUi('underlines'),
    'function () { const r = this.querySelector("span").getBoundingClientRect(); return { x: (r.left + r.right) / 2, y: r.bottom - 4 }; }',
  );
  await page.mouse.move(span.x, span.y, { steps: 3 });
  const card = page.getByRole('dialog', { name: /^Замечание Суфлёра/ });
  await card.waitFor();
  return { reply, card };
}

describe('dark mode in the page', () => {
  const env = useExtensionBrowser();

  for (const scheme of ['light', 'dark'] as const) {
    it(`the finding card and the guard dialog in a ${scheme} system theme`, async () => {
      const page = await openDemo(env.browser, env.pages);
      await page.emulateMedia({ colorScheme: scheme });
      const { reply, card } = await cardOnBannedDraft(page);
      expect(await background(card)).toBe(scheme === 'dark' ? 'rgb(29, 31, 35)' : 'rgb(255, 255, 255)');
      expect(await badgeBackground(page), `badge, ${scheme}`).toBe(BADGE[scheme]);
      expect(await contrastViolations(page, ownUi('card'), '.card'), `card, ${scheme}`).toEqual([]);
      await page.mouse.move(5, 5);

      await reply.click();
      await reply.press('Control+Enter');
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      expect(await background(dialog)).toBe(scheme === 'dark' ? 'rgb(29, 31, 35)' : 'rgb(255, 255, 255)');
      expect(await contrastViolations(page, ownUi('guard-dialog'), 'dialog'), `dialog, ${scheme}`).toEqual([]);
      await dialog.getByRole('button', { name: 'Исправить' }).click();
      await page.close();
    });
  }

  // Настройки → Оформление wins over the system in the page too (the agent gets it with its config).
  for (const [setting, system, expected] of [
    ['Тёмное', 'light', 'rgb(29, 31, 35)'],
    ['Светлое', 'dark', 'rgb(255, 255, 255)'],
  ] as const) {
    it(`«${setting}» in the settings on a ${system} system: the card and the dialog follow the setting`, async () => {
      const settings = await openExtensionPage(env.browser, 'options.html#tab=settings');
      await settings.getByLabel('Оформление').selectOption({ label: setting });
      const page = await openDemo(env.browser, env.pages);
      await page.emulateMedia({ colorScheme: system });
      const { reply, card } = await cardOnBannedDraft(page);
      expect(await background(card)).toBe(expected);
      // The badge was made before the first config arrived and attached at the first focus: it has the setting.
      const theme = setting === 'Тёмное' ? 'dark' : 'light';
      expect(await page.locator(ownUi('launcher')).getAttribute('data-theme')).toBe(theme);
      expect(await badgeBackground(page), `badge, ${setting}`).toBe(BADGE[theme]);
      expect(await contrastViolations(page, ownUi('card'), '.card'), `card, ${setting}`).toEqual([]);
      await page.mouse.move(5, 5);

      await reply.click();
      await reply.press('Control+Enter');
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      expect(await background(dialog)).toBe(expected);
      await dialog.getByRole('button', { name: 'Исправить' }).click();
      // «Исправить» opens the error's card; Escape puts the caret back in the box, where «/» opens the picker.
      await card.waitFor();
      await page.keyboard.press('Escape');
      await reply.press('End');
      expect(await pickerBackground(page), `picker, ${setting}`).toBe(expected);
      // The frames' hosts paint the frame's own background, so a dark frame does not flash white as it loads.
      for (const kind of ['picker', 'sidebar'] as const) {
        expect(await background(page.locator(ownUi(kind))), `${kind} host, ${setting}`).toBe(expected);
      }

      // Back to «Как в системе» while the page is open: the agent's hosts follow the system again, no reload.
      expect(await page.locator(ownUi('underlines')).getAttribute('data-theme')).toBe(
        system === 'light' ? 'dark' : 'light',
      );
      await settings.getByLabel('Оформление').selectOption({ label: 'Как в системе' });
      await expect.poll(() => page.locator(ownUi('underlines')).getAttribute('data-theme')).toBeNull();
      expect(await background(page.locator(ownUi('sidebar'))), 'sidebar host, system').toBe(
        system === 'dark' ? 'rgb(29, 31, 35)' : 'rgb(255, 255, 255)',
      );
      await settings.close();
      await page.close();
    });
  }
});
