import { defineMessages, enPlural, type Locale, setLocale } from '../i18n';
import type { PickerFrameAnswer, PickerInput, PickerTemplate, SearchLexiconSource, UsageStats } from '../model';
import { convertLayout } from '../search/fix-keyboard-layout';
import { nextBackgroundTask } from '../search/next-task';
import { buildSearchIndexInChunks, type SearchIndex } from '../search/search-index';
import { createSearchLexicon } from '../search/search-lexicon';
import { searchTemplates } from '../search/search-templates';
import { rankRecent } from '../search/usage-score';
import { indexShortcuts, matchShortcut } from '../templates/template-shortcuts';

export interface PickerLibrary {
  templates: PickerTemplate[];
  usage: UsageStats;
  lexicons: SearchLexiconSource[];
  /** Настройки → Язык интерфейса; unset follows the browser. */
  language?: Locale;
  /** Настройки → Оформление (this page is no React surface: App.tsx does not set it); unset follows the system. */
  theme?: 'light' | 'dark';
}

export interface PickerFrameDeps {
  /** The token its agent put in this frame's name; claimed through the background before anything else. */
  token: string;
  claim(token: string): Promise<boolean>;
  load(): Promise<PickerLibrary>;
  /** Registers the handler for the agent's typing, relayed by the background to this frame only. */
  listen(handler: (input: PickerInput) => PickerFrameAnswer): void;
  /** The library changed (the background's `dataChanged`): load it again. */
  onChange(reload: () => void): void;
}

const t = defineMessages({
  ru: {
    label: 'Суфлёр: шаблоны',
    hint: '↑↓ — выбор · Enter или Tab — вставить · Esc — закрыть',
    notOurs: 'Этот список открыл не Суфлёр, а страница: он ничего не покажет и не вставит.',
    status: (count: number, title: string) => `Шаблонов: ${count}. Выбран: ${title}`,
  },
  en: {
    // The automation contract (issue 13): the list's name contains «Суфлёр» in every language.
    label: 'Суфлёр (Sufler): templates',
    hint: '↑↓ choose · Enter or Tab insert · Esc close',
    notOurs: 'This list was not opened by Sufler but by the page: it shows and inserts nothing.',
    status: (count: number, title: string) => `${enPlural(count, 'template', 'templates')}. Selected: ${title}`,
  },
});

/** Options shown at once: a short list at the caret, not a second sidebar. */
export const PICKER_LIMIT = 6;

/**
 * The inline picker's list, in its own extension-origin frame (picker.html): the page can neither read the
 * library shown here nor the query (issue 12.8), and the agent's content script never holds more than the one
 * template chosen. The agent creates this frame hidden when the reply box is first focused, so the library and
 * its index are ready by the time the agent types «/»; it then forwards the query and the navigation keys
 * through the background (`pickerUpdate`), and the answer says what the list shows and, on Enter or Tab,
 * which template was chosen.
 *
 * The frame never takes the focus (the caret stays in the reply box) and does nothing until it holds its
 * claim: a page that frames picker.html itself gets a frame that says so and answers nobody.
 */
export async function startPickerFrame(doc: Document, deps: PickerFrameDeps): Promise<void> {
  const list = doc.createElement('div');
  list.setAttribute('role', 'listbox');
  list.id = 'list';
  list.setAttribute('aria-label', t.label);
  const status = doc.createElement('div');
  status.setAttribute('role', 'status');
  status.className = 'status';
  const hint = doc.createElement('div');
  hint.className = 'hint';
  hint.textContent = t.hint;
  doc.body.append(list, hint, status);

  if (!(await deps.claim(deps.token).catch(() => false))) {
    doc.body.replaceChildren();
    const notice = doc.createElement('p');
    notice.setAttribute('role', 'alert');
    notice.textContent = t.notOurs;
    doc.body.append(notice);
    return;
  }

  let search = createPickerSearch({ templates: [], usage: {}, lexicons: [] });
  let ready = false;
  let query: string | null = null;
  let results: PickerTemplate[] = [];
  let active = 0;
  /** Whether the agent's arrows moved off the first option for this query (then a refresh keeps their choice). */
  let moved = false;

  const draw = () => {
    list.replaceChildren(
      ...results.map((template, at) => {
        const option = doc.createElement('div');
        option.setAttribute('role', 'option');
        option.id = `option-${at}`;
        option.setAttribute('aria-selected', String(at === active));
        const title = doc.createElement('span');
        title.className = 'title';
        title.textContent = template.title;
        option.append(title);
        if (template.shortcut) {
          const shortcut = doc.createElement('span');
          shortcut.className = 'shortcut';
          shortcut.textContent = template.shortcut;
          option.append(shortcut);
        }
        const body = doc.createElement('span');
        body.className = 'body';
        body.textContent = template.body.replace(/\s+/g, ' ').slice(0, 120);
        option.append(body);
        return option;
      }),
    );
    list.setAttribute('aria-activedescendant', results.length > 0 ? `option-${active}` : '');
    const current = results[active];
    status.textContent = current ? t.status(results.length, current.title) : '';
  };

  /**
   * `keep`: the same query again (the index grew). The option the agent's arrows moved to stays active; if they
   * have not moved, the best match of the grown index is, as Enter inserts what is shown first.
   */
  const refresh = (keep: boolean) => {
    if (!keep) moved = false;
    if (query === null) {
      results = [];
      active = 0;
    } else {
      const kept = keep && moved ? results[active]?.key : undefined;
      results = search.search(query, PICKER_LIMIT);
      active = Math.max(
        0,
        results.findIndex((template) => template.key === kept),
      );
    }
    draw();
  };

  const answer = (chosen?: string): PickerFrameAnswer => ({
    count: results.length,
    height: results.length > 0 ? Math.ceil(doc.documentElement.getBoundingClientRect().height) : 0,
    ...(chosen ? { chosen } : {}),
    ready,
  });

  deps.listen((input) => {
    if (input.query !== query) {
      query = input.query;
      refresh(false);
    }
    switch (input.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (results.length > 0) {
          active = (active + (input.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
          moved = true;
          draw();
        }
        return answer();
      case 'Enter':
      case 'Tab': {
        const chosen = results[active]?.key;
        query = null;
        refresh(false);
        return answer(chosen);
      }
      default:
        return answer();
    }
  });

  // Ready once the whole index is built: the agent asks again until then, so the list it sizes and shows is
  // the one the search will keep showing for that query.
  const reload = async () => {
    const loaded = await deps.load();
    setLocale(loaded.language);
    if (loaded.theme) doc.documentElement.dataset.theme = loaded.theme;
    else delete doc.documentElement.dataset.theme;
    await new Promise<void>((done) => {
      search = createPickerSearch(loaded, done);
    });
    ready = true;
    // Readable by the bench (test/bench/page/inline-timing.ts): the library is loaded and indexed.
    doc.documentElement.toggleAttribute('data-ready', true);
    if (query !== null) refresh(true);
  };
  deps.onChange(() => void reload().catch(() => undefined));
  await reload();
}

interface PickerSearch {
  search(query: string, limit: number): PickerTemplate[];
}

/**
 * The sidebar's search over the library: typos, word forms, the wrong layout, recent first on an empty query,
 * with a template whose shortcut is exactly the query (in either layout) on top. Until the index is built
 * (in slices, right after the frame loads), a query finds titles and shortcuts containing it, so the first
 * «/» is answered at once even then.
 */
export function createPickerSearch(library: PickerLibrary, onBuilt: () => void = () => undefined): PickerSearch {
  const { templates, usage } = library;
  const byKey = new Map(templates.map((template) => [template.key, template]));
  const shortcuts = indexShortcuts(templates);
  let index: SearchIndex | null = null;
  void nextBackgroundTask()
    .then(() =>
      buildSearchIndexInChunks(templates, createSearchLexicon(library.lexicons), {
        pause: nextBackgroundTask,
        onChunk: (built) => {
          index = built;
        },
      }),
    )
    .then((built) => {
      index = built;
      onBuilt();
    });

  const recent = (limit: number) => {
    const found: PickerTemplate[] = [];
    for (const { key } of rankRecent(usage, Date.now())) {
      const template = byKey.get(key);
      if (template) found.push(template);
      if (found.length >= limit) return found;
    }
    for (const template of templates) {
      if (found.length >= limit) break;
      if (!found.includes(template)) found.push(template);
    }
    return found;
  };

  const containing = (typed: string, limit: number) => {
    const fold = (text: string) => text.toLowerCase().replace(/ё/g, 'е');
    const variants = [...new Set([typed, convertLayout(typed, 'cyrillic'), convertLayout(typed, 'latin')].map(fold))];
    const found: PickerTemplate[] = [];
    for (const template of templates) {
      const headline = fold(`${template.title} ${template.shortcut ?? ''}`);
      if (variants.some((variant) => headline.includes(variant))) found.push(template);
      if (found.length >= limit) break;
    }
    return found;
  };

  return {
    search(query, limit) {
      const typed = query.trim();
      if (!typed) return recent(limit);
      // Only hits holding every query word: a short list at the caret, closed by a space when nothing matches.
      const found = index
        ? searchTemplates(index, typed, { usage, now: Date.now(), limit })
            .filter((hit) => hit.complete)
            .map((hit) => byKey.get(hit.key))
            .filter((template): template is PickerTemplate => template !== undefined)
        : containing(typed, limit);
      const exact = byKey.get(matchShortcut(typed, shortcuts) ?? '');
      return exact ? [exact, ...found.filter((template) => template !== exact)].slice(0, limit) : found;
    },
  };
}
