import * as Tabs from '@radix-ui/react-tabs';
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
import { t } from './messages';
import { PackChangesNotice } from './PackChangesNotice';
import { PlaceholderForm } from './PlaceholderForm';
import { optionId, ResultList } from './ResultList';
import { TemplatePreview } from './TemplatePreview';
import { useFocusStealWarning } from './use-focus-steal';
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
  useFocusStealWarning(useCallback(() => setNotice({ kind: 'error', text: t.focusStolen }), []));
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
  /** A `seeAlso` template's title: the rule names an id of its own pack (the agent renders it from that pack). */
  const titleOf = (id: string) => templates.data?.find((template) => template.id === id)?.title;

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

  /** «Шаблоны»: the fill-in form while a template asks for fields, else search, results and preview. */
  const templatesPanel = () =>
    asking ? (
      <PlaceholderForm
        title={asking.template.title}
        body={asking.template.body}
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
            aria-label={t.searchLabel}
            placeholder={t.searchPlaceholder}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onSearchKeyDown}
            aria-controls="sufler-results"
            aria-activedescendant={current ? optionId(current) : undefined}
          />
          <select aria-label={t.category} value={category} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t.allCategories}</option>
            {categories.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>

        {templates.isError && <p role="alert">{t.loadFailed(templates.error.message)}</p>}
        {!ready && <p className="hint">{t.preparing}</p>}
        {ready && results.length === 0 && <p className="hint">{query ? t.nothingFound(query) : t.emptyLibrary}</p>}

        {ready && partial && (
          <p className="hint" role="status">
            {t.similar}
          </p>
        )}

        <ResultList results={results} active={active} onActive={setActive} onChoose={choose} />

        {current && (
          <>
            <TemplatePreview template={current} />
            <div className="actions">
              <button type="button" className="primary" onClick={() => choose(current)}>
                {t.insert} <kbd>Enter</kbd>
              </button>
              <button type="button" onClick={() => void copy(current)}>
                {t.copy}
              </button>
            </div>
          </>
        )}
      </>
    );

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
      aria-label={t.name}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          void closeSidebar();
        }
      }}
    >
      <header>
        <h1>{t.name}</h1>
        <button type="button" className="close" aria-label={t.close} onClick={() => void closeSidebar()}>
          ×
        </button>
      </header>

      {packChanges.data && packChanges.data.length > 0 && (
        <PackChangesNotice changes={packChanges.data} onClose={() => packChanges.reset()} />
      )}

      {/* Radix Tabs, as the options page: roving tabindex, ←/→ with wrap, Home/End, aria-controls. */}
      <Tabs.Root
        className="sections"
        value={tab}
        onValueChange={(value) => setTab(value === 'findings' ? 'findings' : 'templates')}
      >
        <Tabs.List aria-label={t.sections}>
          <Tabs.Trigger value="templates">{t.templatesTab}</Tabs.Trigger>
          <Tabs.Trigger value="findings">
            {t.findingsTab}
            {findings.length > 0 ? ` (${findings.length})` : ''}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="findings">
          <FindingsPanel findings={findings} titleOf={titleOf} />
        </Tabs.Content>
        <Tabs.Content value="templates">{templatesPanel()}</Tabs.Content>
      </Tabs.Root>

      <button
        type="button"
        className="teach"
        onClick={() =>
          void teachSite().catch((error: Error) => setNotice({ kind: 'error', text: t.failed(error.message) }))
        }
      >
        {t.teach}
      </button>

      <p className={`notice ${notice?.kind ?? ''}`} role={notice?.kind === 'error' ? 'alert' : 'status'}>
        {notice?.text}
      </p>
    </aside>
  );
}
