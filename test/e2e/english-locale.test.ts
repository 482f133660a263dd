import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { type PackServer, samplePack, serveStatic, startPackServer } from '../fixtures/pack-server';
import {
  collectUiTexts,
  inClosedRoot,
  launcher,
  launcherLabel,
  openDemo,
  openExtensionPage,
  ownUi,
  sidebarFrame,
  useExtensionBrowser,
} from './extension-harness';

/**
 * Issue 15, «English»: in a browser whose UI language is English, every screen of Суфлёр speaks English.
 * User data stays as written (the bundled pack is Russian: template titles, bodies, categories, rule
 * messages, suggestions), and so does what the agent typed; everything else with a Cyrillic letter is a
 * string that missed its English entry (lib/i18n).
 */

const CYRILLIC = /[\u0400-\u04FF]/;
const DRAFT = 'Анна, к сожалению, ничем не могу помочь. Хорошего дня!';

const collect = collectUiTexts;

describe('the English locale', () => {
  const env = useExtensionBrowser(undefined, { locale: 'en' });
  /** User data: every string in the bundled pack, longest first (removed from a UI string before the check). */
  let content: string[] = [];
  beforeAll(async () => {
    const { pack } = await buildPackFromDir(join(import.meta.dirname, '../../templates'));
    const strings = new Set<string>([DRAFT, 'ничем не могу помочь']);
    const visit = (value: unknown) => {
      if (typeof value === 'string') {
        strings.add(value);
        for (const line of value.split('\n')) if (line.trim()) strings.add(line.trim());
      } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
    };
    visit(pack);
    content = [...strings].sort((a, b) => b.length - a.length);
  });

  /** The UI strings of a screen with a Cyrillic letter left once user data is taken out of them. */
  const untranslated = (texts: string[], extra: string[] = []) => {
    const data = [...extra, ...content].sort((a, b) => b.length - a.length);
    return [
      ...new Set(
        texts.filter((text) => {
          // A piece of user data on its own: a preview's text between two fill-ins, a fill-in's name, the
          // words around a fill-in (cut with «…»).
          // The guard dialog's line «phrase» — why: the why is the rule's message cut to its first clause and
          // lower-cased (describe-draft-issues.ts shortWhy).
          const piece = text.replace(/^…|…$/g, '').replace(/^—\s*/, '').trim().toLowerCase();
          if (data.some((item) => item.toLowerCase().includes(piece))) return false;
          let rest = text;
          for (const item of data) if (item && rest.includes(item)) rest = rest.replaceAll(item, '');
          return CYRILLIC.test(rest);
        }),
      ),
    ];
  };

  async function draftWithFinding(): Promise<Page> {
    const page = await openDemo(env.browser, env.pages);
    await page.getByRole('textbox', { name: 'Ответ клиенту' }).click();
    await page.keyboard.type(DRAFT);
    await expect.poll(() => launcherLabel(page)).toMatch(/errors: 1/);
    return page;
  }

  /** The findings of the draft as the sidebar receives them: their messages and suggestions are pack data. */
  const findingTexts = (sidebar: Frame) =>
    sidebar.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          chrome.runtime.sendMessage({ id: 1, type: 'getFindings', timestamp: Date.now() }, (response) => {
            const findings = (response?.res ?? []) as { phrase: string; message: string; suggestions: string[] }[];
            resolve(findings.flatMap((f) => [f.phrase, f.message, ...f.suggestions]));
          });
        }),
    );

  it('the badge, the finding card and the guard dialog in the page are in English', async () => {
    const page = await draftWithFinding();
    expect(await launcherLabel(page)).toBe('Open Sufler: reply templates. Findings — errors: 1');
    expect(
      await inClosedRoot<string>(
        page,
        ownUi('launcher'),
        'function () { return this.querySelector("button").textContent; }',
      ),
    ).toBe('S');

    // The card opens on hover over the underlined phrase (the mirror overlay's span, in its closed root).
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await expect.poll(() => page.locator(ownUi('underlines')).count()).toBe(1);
    const span = await inClosedRoot<{ x: number; y: number }>(
      page,
      ownUi('underlines'),
      'function () { const r = this.querySelector("span").getBoundingClientRect(); return { x: (r.left + r.right) / 2, y: r.bottom - 4 }; }',
    );
    await page.mouse.move(span.x, span.y, { steps: 3 });
    const card = page.getByRole('dialog', { name: 'Sufler finding: “ничем не могу помочь”' });
    await card.waitFor();
    const cardTexts = await card.evaluate((element) =>
      [element, ...element.querySelectorAll('*')].flatMap((node) => [
        ...[...node.childNodes].filter((child) => child.nodeType === 3).map((child) => child.textContent!.trim()),
        node.getAttribute('aria-label') ?? '',
      ]),
    );
    expect(cardTexts).toContain('Skip');
    await launcher(page).click();
    const sidebar = await sidebarFrame(page);
    const findings = await findingTexts(sidebar);
    expect(findings).toContain('ничем не могу помочь');
    expect(untranslated(cardTexts.filter(Boolean), findings)).toEqual([]);

    // The sidebar: the templates tab with a template previewed, then the findings tab.
    await sidebar.getByRole('listbox', { name: 'Templates' }).getByRole('option').first().waitFor();
    expect(untranslated(await collect(sidebar), findings)).toEqual([]);
    await sidebar.getByRole('tab', { name: /^Findings/ }).click();
    await sidebar.getByRole('list', { name: 'Findings in the draft' }).waitFor();
    expect(untranslated(await collect(sidebar), findings)).toEqual([]);
    await sidebar.getByRole('tab', { name: 'Templates' }).click();
    // A template with fill-ins the page cannot give opens the fill-in form.
    await sidebar.getByRole('searchbox', { name: 'Search templates' }).fill('Признать нашу ошибку');
    const option = sidebar.getByRole('listbox').getByRole('option').first();
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    await sidebar.getByRole('searchbox', { name: 'Search templates' }).press('Enter');
    await sidebar.getByRole('form', { name: 'Fill in the fields of “Признать нашу ошибку”' }).waitFor();
    expect(untranslated(await collect(sidebar), findings)).toEqual([]);
    await sidebar.getByRole('button', { name: 'Back' }).click();
    await sidebar.getByRole('button', { name: 'Close Sufler (Escape)' }).click();

    // The guard dialog: Ctrl+Enter holds the draft with a banned phrase.
    await reply.click();
    await reply.press('Control+Enter');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const dialogTexts = await dialog.evaluate((element) =>
      [...element.querySelectorAll('*')].flatMap((node) =>
        [...node.childNodes].filter((child) => child.nodeType === 3).map((child) => child.textContent!.trim()),
      ),
    );
    expect(untranslated(dialogTexts.filter(Boolean), findings)).toEqual([]);
    expect(await dialog.getByRole('button', { name: 'Fix' }).count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Send anyway' }).count()).toBe(1);
    expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy();
    await dialog.getByRole('button', { name: 'Fix' }).click();
    await page.close();
  });

  it('every options tab, the template editor and the popup are in English', async () => {
    const options = await openExtensionPage(env.browser, 'options.html');
    await options.getByRole('table').waitFor();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await options.title()).toBe('Sufler — library');
    for (const tab of ['Library', 'Team packs', 'Statistics', 'Settings']) {
      await options.getByRole('tab', { name: tab }).click();
      await options.getByRole('tabpanel', { name: tab }).waitFor();
      await options.waitForTimeout(200);
      expect(untranslated(await collect(options)), tab).toEqual([]);
    }
    await options.getByRole('tab', { name: 'Library' }).click();
    await options.getByRole('button', { name: 'New template' }).click();
    await options.getByRole('form', { name: 'New template' }).waitFor();
    expect(untranslated(await collect(options)), 'editor').toEqual([]);
    await options.close();

    const popup = await openExtensionPage(env.browser, 'popup.html');
    await popup.getByRole('heading', { name: 'Sufler' }).waitFor();
    await popup.waitForTimeout(200);
    expect(untranslated(await collect(popup)), 'popup').toEqual([]);
    await popup.close();
  });

  it('a team lead meets pack errors in English: an unreachable server, a broken pack, a failed pack check, an import', async () => {
    const server: PackServer = await startPackServer();
    try {
      const options = await openExtensionPage(env.browser, 'options.html#tab=packs');
      const url = options.getByLabel(/Pack address/);
      // Port 9 (discard) has nothing listening: the browser's fetch fails as a network error.
      await url.fill('http://127.0.0.1:9/team.json');
      await options.getByRole('button', { name: 'Subscribe' }).click();
      await expect
        .poll(() => options.getByRole('alert').textContent())
        .toBe(
          'The pack did not load; the subscription was not added: could not reach the pack server: no network, address not found or server unavailable',
        );
      expect(untranslated(await collect(options)), 'unreachable').toEqual([]);

      const broken = samplePack({ id: 'domoteka-support' }, 2);
      for (const template of broken.templates) template.body = '';
      server.route('/broken.json', serveStatic(JSON.stringify(broken)));
      await url.fill(server.url('/broken.json'));
      await options.getByRole('button', { name: 'Subscribe' }).click();
      await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/errors: 2/);
      expect(await options.getByRole('alert').locator('li').allTextContents()).toEqual([
        'templates[0].body: “Text”: not filled in',
        'templates[1].body: “Text”: not filled in',
      ]);
      expect(untranslated(await collect(options), [broken.name]), 'broken pack').toEqual([]);

      // A pack that fails its own proof (checkPack): a rule's example does not mark its phrase, and its
      // seeAlso names a template the pack does not have.
      const unproven = samplePack({
        id: 'unproven',
        rules: [
          {
            id: 'cannot-help',
            severity: 'error',
            message: 'Закрывает разговор.',
            patterns: ['=ничем =не =могу =помочь'],
            suggestions: ['Я передам ваш запрос', 'Я уточню'],
            seeAlso: ['absent'],
            examples: { bad: ['Извините, ничем не могу помочь.'], good: ['Чем ещё помочь?'] },
          },
        ],
      });
      server.route('/unproven.json', serveStatic(JSON.stringify(unproven)));
      await url.fill(server.url('/unproven.json'));
      await options.getByRole('button', { name: 'Subscribe' }).click();
      await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/seeAlso/);
      expect(await options.getByRole('alert').locator('li').allTextContents()).toEqual([
        'rules[0].examples.bad[0]: rule “cannot-help”, bad example “Извините, ничем не могу помочь.”: mark the expected phrase as [[…]]',
        'rules[0].seeAlso[0]: rule “cannot-help”: seeAlso names the template “absent”, which is not in this library',
      ]);
      const ruleTexts = [unproven.name, 'Извините, ничем не могу помочь.'];
      expect(untranslated(await collect(options), ruleTexts), 'unproven pack').toEqual([]);

      // Importing a file into «My templates»: the schema's own wording (a shortcut, an id) in English.
      await options.getByRole('tab', { name: 'Library' }).click();
      await options.getByText('Import and export my templates').click();
      const mine = samplePack({ id: 'mine' });
      mine.templates[0].shortcut = 'два слова';
      mine.templates[1].id = 'Второй';
      await options.locator('input[type=file]').setInputFiles({
        name: 'mine.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(mine)),
      });
      const alert = options.getByRole('alert');
      await expect
        .poll(() => alert.locator('li').allTextContents())
        .toEqual([
          'templates[0].shortcut: “Shortcut”: one word, no spaces',
          'templates[1].id: “Template id”: lower-case Latin letters and digits only, with “-”, “_” or “.” between them (for example, return-7-days)',
        ]);
      expect(untranslated(await collect(options), ['mine.json']), 'import').toEqual([]);
      await options.close();
    } finally {
      await server.close();
    }
  });
});
