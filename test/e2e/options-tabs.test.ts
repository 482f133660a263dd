import { describe, expect, it } from 'vitest';
import { openExtensionPage, useExtensionBrowser } from './extension-harness';

/** Issue 17: the options page's tabs are real ARIA tabs — arrow keys, Home/End, aria-controls, a safe `#tab=`. */
describe('the options tabs', () => {
  const env = useExtensionBrowser();

  it('move with the arrow keys, Home and End, and each tab controls its panel', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    const tabs = options.getByRole('tablist', { name: 'Разделы' }).getByRole('tab');
    await options.getByRole('tabpanel', { name: 'Библиотека' }).waitFor();
    expect(await tabs.allTextContents()).toEqual(['Библиотека', 'Пакеты команды', 'Статистика', 'Настройки']);

    await tabs.first().focus();
    const selected = () => options.getByRole('tab', { selected: true }).textContent();
    await options.keyboard.press('ArrowRight');
    await expect.poll(selected).toBe('Пакеты команды');
    await options.getByRole('tabpanel', { name: 'Пакеты команды' }).waitFor();
    await options.keyboard.press('End');
    await expect.poll(selected).toBe('Настройки');
    await options.keyboard.press('ArrowRight'); // wraps around
    await expect.poll(selected).toBe('Библиотека');
    await options.keyboard.press('ArrowLeft');
    await expect.poll(selected).toBe('Настройки');
    await options.keyboard.press('Home');
    await expect.poll(selected).toBe('Библиотека');
    // Focus follows the selection: the agent sees where they are.
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Библиотека');

    // Only the selected tab is in the Tab order; it names the panel it controls.
    expect(await tabs.evaluateAll((all) => all.map((tab) => tab.getAttribute('tabindex')))).toEqual([
      '0',
      '-1',
      '-1',
      '-1',
    ]);
    const controls = await tabs.first().getAttribute('aria-controls');
    expect(await options.locator(`[id="${controls}"]`).getAttribute('role')).toBe('tabpanel');
    await options.close();
  });

  it('opens the tab named in #tab=, and the library for an unknown one rather than an empty panel', async () => {
    const packs = await openExtensionPage(env.browser, 'options.html#tab=stats');
    await packs.getByRole('tabpanel', { name: 'Статистика' }).waitFor();
    await packs.close();
    const unknown = await openExtensionPage(env.browser, 'options.html#tab=nonsense');
    await unknown.getByRole('tabpanel', { name: 'Библиотека' }).getByRole('table').waitFor();
    await unknown.close();
  });
});
