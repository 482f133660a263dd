import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  closeSidebar,
  teachSite,
  useDraftFindings,
  useFirstScreen,
  usePageContext,
  useRefreshPageContext,
  useSearchLexicons,
  useTakePackChanges,
  useTemplates,
  useUsageStats,
} from '../queries';
import { FindingsPanel } from './FindingsPanel';
import { PackChangesNotice } from './PackChangesNotice';
import { PlaceholderForm } from './PlaceholderForm';
import { optionId, ResultList } from './ResultList';
import { TemplatePreview } from './TemplatePreview';
import { FOCUS_STOLEN_TEXT, useFocusStealWarning } from './use-focus-steal';
import { type Notice, useInsertTemplate } from './use-insert-template';
import { useShown } from './use-shown';
import { useTemplateSearch } from './use-template-search';

/**
 * The agent's all-day tool: type to search, ↑/↓ to choose, Enter to insert, Escape to go back to the reply.
 * Runs in an extension-origin frame docked to the helpdesk page (see lib/agent/sidebar-host.ts). Choosing and
 * inserting live in `useInsertTemplate`, the virtualized results in `ResultList`.
 */
export function Sidebar() {
  const firstScreen = useFirstScreen();
  const templates = useTemplates({ enabled: !firstScreen.isPending });
  const usage = useUsageStats();
  const lexicons = useSearchLexicons();
  const page = usePageContext();

  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [tab, setTab] = useState<'templates' | 'findings'>('templates');
  const findings = useDraftFindings(page.data?.tabId).data ?? [];
  const searchRef = useRef<HTMLInputElement>(null);
  useFocusStealWarning(useCallback(() => setNotice({ kind: 'error', text: FOCUS_STOLEN_TEXT }), []));
  const { asking, remembered, choose, submitAsked, cancelAsking, copy } = useInsertTemplate(setNotice);

  const packChanges = useTakePackChanges();
  const { mutate: takePackChanges } = packChanges;
  const refreshPageContext = useRefreshPageContext();
  const asideRef = useRef<HTMLElement>(null);
  const taken = useRef(false);
  // A prepared frame waits, hidden, for its first opening: the pack changes are taken when the agent sees
  // them (the background marks what it hands over as shown), and the page is read again on every showing.
  useShown(
    asideRef,
    useCallback(() => {
      if (!taken.current) takePackChanges();
      taken.current = true;
      refreshPageContext();
    }, [takePackChanges, refreshPageContext]),
  );

  const { results, ready, partial } = useTemplateSearch(
    templates.data,
    query,
    category,
    usage.data,
    firstScreen.data,
    lexicons.data,
  );
  const categories = useMemo(() => [...new Set(templates.data?.map((t) => t.category))].sort(), [templates.data]);
  const current = results[Math.min(active, results.length - 1)];

  // A new query or category starts again from the best match.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the reset is keyed on the inputs, not read from them.
  useEffect(() => setActive(0), [query, category]);

  // The host page focuses this frame when the agent opens the sidebar: hand the focus on to the search box.
  // Never grab focus otherwise (no autofocus): a sidebar restored on page load must not steal the reply box.
  useEffect(() => {
    const focusSearch = () => {
      if (!asking) searchRef.current?.select();
    };
    if (document.hasFocus()) focusSearch();
    addEventListener('focus', focusSearch);
    return () => removeEventListener('focus', focusSearch);
  }, [asking]);

  const onSearchKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.max(0, Math.min(results.length - 1, index + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(current);
    }
  };

  return (
    <aside
      ref={asideRef}
      className="sidebar"
      aria-label="Суфлёр"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          void closeSidebar();
        }
      }}
    >
      <header>
        <h1>Суфлёр</h1>
        <button
          type="button"
          className="close"
          aria-label="Закрыть Суфлёр (Escape)"
          onClick={() => void closeSidebar()}
        >
          ×
        </button>
      </header>

      <div role="tablist" aria-label="Разделы Суфлёра">
        <button type="button" role="tab" aria-selected={tab === 'templates'} onClick={() => setTab('templates')}>
          Шаблоны
        </button>
        <button type="button" role="tab" aria-selected={tab === 'findings'} onClick={() => setTab('findings')}>
          Замечания{findings.length > 0 ? ` (${findings.length})` : ''}
        </button>
      </div>

      {packChanges.data && packChanges.data.length > 0 && (
        <PackChangesNotice changes={packChanges.data} onClose={() => packChanges.reset()} />
      )}

      {tab === 'findings' ? (
        <FindingsPanel findings={findings} />
      ) : asking ? (
        <PlaceholderForm
          title={asking.template.title}
          names={asking.names}
          initialValues={remembered}
          askGender={asking.askGender}
          onSubmit={submitAsked}
          onCancel={() => {
            cancelAsking();
            searchRef.current?.focus();
          }}
        />
      ) : (
        <>
          <div className="search-row">
            <input
              ref={searchRef}
              type="search"
              aria-label="Поиск шаблонов"
              placeholder="Поиск: возврат, доставка, «djpdhfn»…"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onSearchKeyDown}
              aria-controls="sufler-results"
              aria-activedescendant={current ? optionId(current) : undefined}
            />
            <select aria-label="Категория" value={category} onChange={(event) => setCategory(event.target.value)}>
              <option value="">Все категории</option>
              {categories.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>

          {templates.isError && <p role="alert">Не удалось загрузить библиотеку: {templates.error.message}</p>}
          {!ready && <p className="hint">Готовлю поиск…</p>}
          {ready && results.length === 0 && (
            <p className="hint">
              {query ? `Ничего не нашлось по запросу «${query}»` : 'В библиотеке пока нет шаблонов'}
            </p>
          )}

          {ready && partial && (
            <p className="hint" role="status">
              Ничего точно не нашлось — похожие <span lang="en">· No exact match — similar ones</span>
            </p>
          )}

          <ResultList results={results} active={active} onActive={setActive} onChoose={choose} />

          {current && (
            <>
              <TemplatePreview template={current} />
              <div className="actions">
                <button type="button" className="primary" onClick={() => choose(current)}>
                  Вставить <kbd>Enter</kbd>
                </button>
                <button type="button" onClick={() => void copy(current)}>
                  Копировать
                </button>
              </div>
            </>
          )}
        </>
      )}

      <button
        type="button"
        className="teach"
        onClick={() =>
          void teachSite().catch((error: Error) => setNotice({ kind: 'error', text: `Не удалось: ${error.message}` }))
        }
      >
        Научить Суфлёр этому сайту
      </button>

      <p className={`notice ${notice?.kind ?? ''}`} role={notice?.kind === 'error' ? 'alert' : 'status'}>
        {notice?.text}
      </p>
    </aside>
  );
}
