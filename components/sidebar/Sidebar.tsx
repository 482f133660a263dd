import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgentGender, StoredTemplate } from '@/lib/model';
import { parseTemplate, placeholderKind } from '@/lib/templates/parse-template';
import { renderTemplate } from '@/lib/templates/render-template';
import {
  closeSidebar,
  teachSite,
  useDraftFindings,
  useFillValues,
  useFirstScreen,
  useInsertIntoPage,
  usePageContext,
  useSaveFillValues,
  useSaveSettings,
  useSearchLexicons,
  useSettings,
  useTakePackChanges,
  useTemplates,
  useUsageStats,
} from '../queries';
import { copyText } from './copy-text';
import { FindingsPanel } from './FindingsPanel';
import { t } from './messages';
import { PackChangesNotice } from './PackChangesNotice';
import { PlaceholderForm } from './PlaceholderForm';
import { ShortcutChip } from './ShortcutChip';
import { TemplatePreview } from './TemplatePreview';
import { useFocusStealWarning } from './use-focus-steal';
import { useTemplateSearch } from './use-template-search';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The agent's all-day tool: type to search, ↑/↓ to choose, Enter to insert, Escape to go back to the reply.
 * Runs in an extension-origin frame docked to the helpdesk page (see lib/agent/sidebar-host.ts).
 */
export function Sidebar() {
  const firstScreen = useFirstScreen();
  const templates = useTemplates({ enabled: !firstScreen.isPending });
  const usage = useUsageStats();
  const lexicons = useSearchLexicons();
  const settings = useSettings();
  const page = usePageContext();
  const insert = useInsertIntoPage();

  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [active, setActive] = useState(0);
  const [asking, setAsking] = useState<{
    template: StoredTemplate;
    names: string[];
    askGender?: { male: string; female: string };
  } | null>(null);
  const saveSettings = useSaveSettings();
  const [notice, setNotice] = useState<Notice>(null);
  const [tab, setTab] = useState<'templates' | 'findings'>('templates');
  const findings = useDraftFindings(page.data?.tabId).data ?? [];
  const searchRef = useRef<HTMLInputElement>(null);
  useFocusStealWarning(useCallback(() => setNotice({ kind: 'error', text: t.focusStolen }), []));
  const packChanges = useTakePackChanges();
  const { mutate: takePackChanges } = packChanges;
  // Once per opening of the sidebar: the background marks what it hands over as shown.
  useEffect(() => takePackChanges(), [takePackChanges]);
  const listRef = useRef<HTMLDivElement>(null);

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

  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => 56,
    overscan: 6,
  });

  useEffect(() => {
    if (results.length > 0) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, results.length, virtualizer]);

  const renderFor = (template: StoredTemplate, values: Record<string, string>, gender?: AgentGender) =>
    renderTemplate(template.body, values, {
      agentName: settings.data?.agentName,
      agentGender: gender ?? settings.data?.agentGender,
      customerName: page.data?.customerName,
      fields: page.data?.fields,
      now: new Date(),
    });

  const conversation = page.data?.conversationKey;
  const remembered = useFillValues(conversation).data ?? {};
  const saveFillValues = useSaveFillValues();

  /** Inserts right away when the template can fill itself, otherwise asks for the missing values first. */
  const choose = (template: StoredTemplate | undefined) => {
    if (!template) return;
    const { missing, needsGender } = renderFor(template, remembered);
    if (missing.length > 0 || needsGender) {
      setAsking({ template, names: missing, askGender: needsGender ? firstGenderForm(template.body) : undefined });
    } else void insertRendered(template, remembered);
  };

  const insertRendered = async (template: StoredTemplate, values: Record<string, string>, gender?: AgentGender) => {
    if (conversation) saveFillValues.mutate({ conversation, values });
    // The agent's own name and gender belong to Настройки: asked once, never per insert.
    const agentName = Object.entries(values).find(
      ([name, value]) => placeholderKind(name) === 'agent-name' && value.trim(),
    );
    if (gender || agentName)
      saveSettings.mutate({
        ...(gender ? { agentGender: gender } : {}),
        ...(agentName ? { agentName: agentName[1].trim() } : {}),
      });
    const { text } = renderFor(template, values, gender);
    setAsking(null);
    try {
      const outcome = await insert.mutateAsync({ text, templateKey: template.key, site: page.data?.origin ?? '' });
      if (outcome.ok) {
        setNotice({
          kind: 'ok',
          text: outcome.skippedGreeting ? t.insertedNoGreeting(template.title) : t.inserted(template.title),
        });
        return;
      }
      // Every failed insert falls back to the clipboard; say so only when the copy really happened.
      const copied = await copyText(text);
      setNotice({
        kind: 'error',
        text: copied
          ? outcome.reason
          : `${outcome.reason.replace(/[^.]*(?:буфер|скопирован|clipboard|copied)[^.]*\.?\s*$/i, '')} ${t.copyFailedToo}`,
      });
    } catch (error) {
      setNotice({ kind: 'error', text: t.insertFailed((error as Error).message) });
    }
  };

  const copy = async (template: StoredTemplate | undefined) => {
    if (!template) return;
    const { text, missing } = renderFor(template, remembered);
    if (await copyText(text)) {
      setNotice({
        kind: 'ok',
        text: missing.length ? t.copiedMissing(missing.join(', ')) : t.copied,
      });
    } else {
      setNotice({ kind: 'error', text: t.clipboardRefused });
    }
  };

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

      <div role="tablist" aria-label={t.sections}>
        <button type="button" role="tab" aria-selected={tab === 'templates'} onClick={() => setTab('templates')}>
          {t.templatesTab}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'findings'} onClick={() => setTab('findings')}>
          {t.findingsTab}
          {findings.length > 0 ? ` (${findings.length})` : ''}
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
          body={asking.template.body}
          names={asking.names}
          initialValues={remembered}
          askGender={asking.askGender}
          onSubmit={(values, gender) => void insertRendered(asking.template, { ...remembered, ...values }, gender)}
          onCancel={() => {
            setAsking(null);
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
              aria-activedescendant={current ? `option-${current.key}` : undefined}
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

          <div ref={listRef} className="results" id="sufler-results" role="listbox" aria-label={t.results}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const template = results[item.index];
                const selected = item.index === active;
                return (
                  <div
                    key={template.key}
                    id={`option-${template.key}`}
                    role="option"
                    aria-selected={selected}
                    tabIndex={-1}
                    className="result"
                    style={{ transform: `translateY(${item.start}px)` }}
                    onMouseEnter={() => setActive(item.index)}
                    onClick={() => choose(template)}
                    onKeyDown={(event) => event.key === 'Enter' && choose(template)}
                  >
                    <span className="title">{template.title}</span>
                    <span className="meta">
                      {template.category}
                      {template.shortcut && <ShortcutChip shortcut={template.shortcut} />}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>

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
      )}

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

/** The template's first gendered form, to show the agent both choices in their own words. */
function firstGenderForm(body: string): { male: string; female: string } | undefined {
  for (const segment of parseTemplate(body)) if (segment.type === 'gender') return segment;
  return undefined;
}
