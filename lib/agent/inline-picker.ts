import { OWN_UI_ATTRIBUTE } from '../editor/reply-box';
import type { PickerTemplate, UsageStats } from '../model';
import { indexShortcuts, matchShortcut } from '../templates/template-shortcuts';
import { createPickerSearch } from './picker-search';

export interface PickerLibrary {
  templates: PickerTemplate[];
  usage: UsageStats;
}

export interface InlinePickerActions {
  /** A trusted click on an option: insert it (the keyboard path goes through `active()`). */
  pick(template: PickerTemplate): void;
}

export interface InlinePicker {
  /** Searches the library and shows the best templates at `anchor` (top-viewport coordinates). */
  show(query: string, anchor: DOMRect): void;
  /** ↑/↓: moves the active option, wrapping around. */
  move(delta: 1 | -1): void;
  /** The template whose shortcut `query` is (also typed in the wrong layout), or null. */
  shortcut(query: string): PickerTemplate | null;
  /** The active option's template, or null when nothing matched. */
  active(): PickerTemplate | null;
  /** How many templates the last `show` listed. */
  readonly count: number;
  readonly isOpen: boolean;
  hide(): void;
  destroy(): void;
}

/** Few enough to read at a glance above the reply box. */
const VISIBLE = 6;

/**
 * The «/» picker: a small listbox at the caret with the best templates for the query, searched with the
 * sidebar's own search (typos, word forms, wrong layout; recent and frequent first on an empty query). It
 * is part of the on-demand UI, so the search code and the index cost nothing until the first trigger; the
 * index is then built in chunks (lib/agent/picker-search.ts) and the open list refreshes when it is done.
 *
 * It lives in a closed shadow root: page scripts cannot read the library through it. The reply box keeps
 * the focus (the editor stays the one typing), so the active option is announced through a live region
 * rather than aria-activedescendant, whose id reference cannot cross into a shadow root and which rich
 * editors (ProseMirror, Lexical) rewrite on their element anyway.
 */
export function createInlinePicker(doc: Document, library: PickerLibrary, actions: InlinePickerActions): InlinePicker {
  const { host, shadow } = mountOwnHost(doc, 'sufler-picker');
  const style = doc.createElement('style');
  style.textContent = PICKER_CSS;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  const list = doc.createElement('ul');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Шаблоны Суфлёра / Suflyor templates');
  const empty = doc.createElement('p');
  empty.className = 'empty';
  empty.textContent = 'Ничего не найдено — пробел или Esc закроют список / Nothing found';
  const hint = doc.createElement('p');
  hint.className = 'hint';
  hint.textContent = '↑↓ выбрать · Enter или Tab вставить · Esc закрыть';
  const live = doc.createElement('div');
  live.className = 'live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  panel.append(list, empty, hint, live);
  shadow.append(style, panel);
  // Clicks must not take the focus (and the caret) out of the reply box.
  panel.addEventListener('mousedown', (event) => event.preventDefault());

  const byKey = new Map(library.templates.map((template) => [template.key, template]));
  const shortcuts = indexShortcuts(library.templates);
  // When the full index takes over, the open list refreshes — unless the agent already moved in it: a list
  // never reorders under their arrow keys (their next keystroke searches with the full index anyway).
  const search = createPickerSearch(library.templates, library.usage, () => {
    if (last && !host.hidden && activeIndex === 0) picker.show(last.query, last.anchor);
  });
  let shown: PickerTemplate[] = [];
  let last: { query: string; anchor: DOMRect } | null = null;
  let activeIndex = 0;

  const render = () => {
    const options = shown.map((template, position) => {
      const option = doc.createElement('li');
      option.setAttribute('role', 'option');
      option.id = `sufler-picker-option-${position}`;
      option.setAttribute('aria-selected', String(position === activeIndex));
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
      option.addEventListener('click', (event) => {
        if (event.isTrusted) actions.pick(template);
      });
      return option;
    });
    list.replaceChildren(...options);
    empty.hidden = shown.length > 0;
    const active = shown[activeIndex];
    live.textContent = active ? `${activeIndex + 1} из ${shown.length}: ${active.title}` : (empty.textContent ?? '');
  };

  const place = (anchor: DOMRect) => {
    const view = doc.documentElement;
    const width = Math.min(420, view.clientWidth - 16);
    host.style.setProperty('--x', `${Math.max(8, Math.min(anchor.left, view.clientWidth - width - 8))}px`);
    host.style.setProperty('--w', `${width}px`);
    // Above the caret when it fits (reply boxes sit at the bottom of most helpdesks), else below it.
    const height = panel.getBoundingClientRect().height;
    const above = anchor.top - 6 - height;
    host.style.setProperty('--y', `${above >= 8 ? above : anchor.bottom + 6}px`);
  };

  const picker: InlinePicker = {
    show(query, anchor) {
      // The same query again (a late check of the last keystroke) keeps the agent's active choice.
      const keep = last?.query === query ? shown[activeIndex] : undefined;
      last = { query, anchor };
      shown = search.search(query, VISIBLE);
      activeIndex = keep ? Math.max(0, shown.indexOf(keep)) : 0;
      render();
      if (!host.isConnected) doc.documentElement.append(host);
      host.hidden = false;
      place(anchor);
    },
    move(delta) {
      if (shown.length === 0) return;
      activeIndex = (activeIndex + delta + shown.length) % shown.length;
      render();
    },
    shortcut(query) {
      const key = matchShortcut(query, shortcuts);
      return (key && byKey.get(key)) || null;
    },
    active: () => shown[activeIndex] ?? null,
    get count() {
      return shown.length;
    },
    get isOpen() {
      return !host.hidden && host.isConnected;
    },
    hide() {
      host.hidden = true;
      shown = [];
      last = null;
    },
    destroy() {
      host.remove();
    },
  };
  return picker;
}

/**
 * The agent's own UI host: an element marked as ours (never a reply box, never linted) with a closed shadow
 * root, so the page can neither read nor style what it shows. One function, so moving to a shared host
 * helper later is a one-line change.
 */
function mountOwnHost(doc: Document, tag: string): { host: HTMLElement; shadow: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  host.hidden = true;
  return { host, shadow: host.attachShadow({ mode: 'closed' }) };
}

const PICKER_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  left: var(--x) !important;
  top: var(--y) !important;
  z-index: 2147483647 !important;
  display: block !important;
}
:host([hidden]) { display: none !important; }
.panel {
  width: var(--w); box-sizing: border-box; padding: 4px; border-radius: 8px;
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 5px 8px; border-radius: 6px; cursor: pointer; display: grid; grid-template-columns: 1fr auto; gap: 0 8px; }
li[aria-selected="true"] { background: #edf2ff; outline: 1px solid #bac8ff; }
.title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.shortcut { color: #4c6ef5; font-family: ui-monospace, monospace; font-size: 12px; }
.body { grid-column: 1 / -1; color: #5f6672; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.empty, .hint { margin: 4px 8px; color: #5f6672; font-size: 12px; }
.empty[hidden] { display: none; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
`;
