import { describe, expect, it } from 'vitest';
import { launcher, openDemo, sidebarFrame, useExtensionBrowser } from './extension-harness';

/**
 * Issue 15: the fill-in form shows each field in the sentence around it, not as a bare «товар»; and an insert
 * right after the agent's own greeting does not greet again.
 */
describe('the fill-in form and the greeting', () => {
  const env = useExtensionBrowser();

  it('describes each field by the words around it in the template', async () => {
    const page = await openDemo(env.browser, env.pages);
    await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    const search = sidebar.getByRole('searchbox', { name: 'Поиск шаблонов' });
    await search.fill('Признать нашу ошибку');
    const option = sidebar.getByRole('listbox').getByRole('option').first();
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');
    const form = sidebar.getByRole('form', { name: 'Заполните поля шаблона «Признать нашу ошибку»' });
    await form.waitFor();
    const field = (name: string) => form.getByRole('textbox', { name, exact: true });
    // The name stays the field's accessible name; the sentence is what the agent reads above it.
    expect(
      await field('что произошло').evaluate(
        (input) => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent,
      ),
    ).toMatch(/ошиблись мы — что произошло\.$/);
    expect(
      await field('время').evaluate(
        (input) => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent,
      ),
    ).toBe('До время напишу вам, когда всё будет готово.');
    await page.close();
  });

  it('after the agent’s own «Анна, добрый день!» inserts the template without greeting again, and says so', async () => {
    const page = await openDemo(env.browser, env.pages);
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.click();
    await page.keyboard.type('Анна, добрый день! ');
    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    const search = sidebar.getByRole('searchbox', { name: 'Поиск шаблонов' });
    await search.fill('приветствие');
    const option = sidebar.getByRole('listbox').getByRole('option').first();
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');
    const form = sidebar.getByRole('form');
    if (await form.isVisible().catch(() => false)) {
      for (const field of await form.getByRole('textbox').all()) await field.fill('проверка');
      await form.getByRole('button', { name: 'Вставить' }).click();
    }
    await expect
      .poll(() => sidebar.locator('.notice').textContent())
      .toMatch(/без приветствия, оно уже есть в ответе$/);
    const text = await reply.inputValue();
    expect(text.startsWith('Анна, добрый день! ')).toBe(true);
    // One greeting and one address to Анна: nothing of the template's «Здравствуйте, Анна!» went in.
    expect(text.match(/здравствуйте|добрый день/gi)).toHaveLength(1);
    expect(text.match(/Анна/g)).toHaveLength(1);
    expect(text.length).toBeGreaterThan('Анна, добрый день! '.length + 10);
    await page.close();
  });
});
