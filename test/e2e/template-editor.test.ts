import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, useExtensionBrowser } from './extension-harness';

/**
 * Issue 15, the template editor a team lead builds a library in: it refuses a shortcut another template has
 * and a category that differs from an existing one by case, turns a pasted `{{agent_name}}` into the
 * placeholder that fills itself, and previews the template as the sidebar will show it.
 */
describe('the template editor', () => {
  const env = useExtensionBrowser();

  async function newTemplate(
    options: Page,
    fields: { title: string; category?: string; shortcut?: string; body: string },
  ) {
    await options.getByRole('button', { name: 'Новый шаблон' }).click();
    const form = options.getByRole('form', { name: 'Новый шаблон' });
    await form.getByLabel('Название').fill(fields.title);
    if (fields.category) await form.getByLabel('Категория').fill(fields.category);
    if (fields.shortcut) await form.getByLabel(/^Сокращение/).fill(fields.shortcut);
    await form.getByLabel(/^Текст/).fill(fields.body);
    return form;
  }

  it('refuses a taken shortcut and a category that differs only by case, naming what it clashes with', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    await options.getByRole('table').waitFor();
    // «трек» is a shortcut of the bundled delivery templates.
    const form = await newTemplate(options, {
      title: 'Мой трек',
      shortcut: 'трек',
      body: 'Ваш трек-номер: [трек-номер]',
    });
    await form.getByRole('button', { name: 'Сохранить' }).click();
    const shortcut = form.getByLabel(/^Сокращение/);
    await expect.poll(() => shortcut.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').textContent()).toMatch(/^Сокращение «трек» уже у шаблона «.+»/);

    await shortcut.fill('мойтрек');
    const category = form.getByLabel('Категория');
    const existing = await options.locator('datalist option').first().getAttribute('value');
    expect(existing).toBeTruthy();
    await category.fill(existing!.toLocaleLowerCase('ru'));
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => category.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').textContent()).toBe(
      `Категория «${existing!.toLocaleLowerCase('ru')}» уже есть как «${existing}»: напишите её так же, иначе в списке будет две`,
    );
    await category.fill(existing!);
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await options.getByRole('cell', { name: /^Мой трек/ }).waitFor();
    await options.close();
  });

  it('previews the body with its fill-ins marked, and saves {{agent_name}} as [Имя агента]', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    await options.getByRole('table').waitFor();
    const form = await newTemplate(options, { title: 'Подпись', body: 'Спасибо, [Имя]! С уважением, {{agent_name}}' });
    const preview = form.getByRole('region', { name: 'Предпросмотр шаблона' });
    await expect.poll(() => preview.locator('mark').allTextContents()).toEqual(['[Имя]', '[Имя агента]']);
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await options.getByRole('cell', { name: /^Подпись/ }).waitFor();
    await options
      .getByRole('row', { name: /Подпись/ })
      .getByRole('button', { name: 'Изменить' })
      .click();
    const editor = options.getByRole('form', { name: 'Изменить шаблон «Подпись»' });
    expect(await editor.getByLabel(/^Текст/).inputValue()).toBe('Спасибо, [Имя]! С уважением, [Имя агента]');
    expect(
      await editor.getByRole('region', { name: 'Предпросмотр шаблона' }).locator('mark').allTextContents(),
    ).toEqual(['[Имя]', '[Имя агента]']);
    await options.close();
  });

  it('warns, before saving, about a body that breaks the team’s rules, and still saves it', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    await options.getByRole('table').waitFor();
    const form = await newTemplate(options, {
      title: 'Отказ без помощи',
      body: '[Имя], к сожалению, ничем не могу помочь.',
    });
    const findings = form.getByRole('status', { name: 'Замечания по правилам команды' });
    await expect.poll(() => findings.textContent()).toMatch(/^По правилам команды в тексте 1 замечание/);
    expect(await findings.getByRole('listitem').first().textContent()).toMatch(
      /^«ничем не могу помочь» — .+ Лучше: .+/,
    );
    await form.getByLabel(/^Текст/).fill('[Имя], сейчас уточню и вернусь с ответом.');
    await expect.poll(() => findings.count()).toBe(0);
    await form.getByLabel(/^Текст/).fill('[Имя], к сожалению, ничем не могу помочь.');
    await findings.waitFor();
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await options.getByRole('cell', { name: /^Отказ без помощи/ }).waitFor();
    await options.close();
  });
});
