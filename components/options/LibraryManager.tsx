import { useMemo, useState } from 'react';
import { defineMessages } from '@/lib/i18n';
import { PERSONAL_PACK_ID, type StoredTemplate } from '@/lib/model';
import {
  useLibraryStatus,
  useLibraryWrites,
  useSearchLexicons,
  useTemplates,
  useUpstreamActions,
  useUsageStats,
} from '../queries';
import { ShortcutChip } from '../sidebar/ShortcutChip';
import { useTemplateSearch } from '../sidebar/use-template-search';
import { LibraryTransfer } from './LibraryTransfer';
import { TemplateEditor } from './TemplateEditor';
import { UpstreamChange } from './UpstreamChange';

const t = defineMessages({
  ru: {
    personal: 'Мои шаблоны',
    library: 'Библиотека шаблонов',
    search: 'Поиск по библиотеке',
    searchPlaceholder: 'Поиск по названию, тегам и тексту',
    category: 'Категория',
    allCategories: 'Все категории',
    pack: 'Пакет',
    allPacks: 'Все пакеты',
    newTemplate: 'Новый шаблон',
    deleted: (n: number) => `Удалено шаблонов: ${n}.`,
    undo: 'Отменить',
    bulk: 'Действия с выбранными',
    selected: (n: number) => `Выбрано: ${n}`,
    packsUnchanged: ' (шаблоны пакетов команды не меняются)',
    tagsLabel: 'Теги через запятую',
    tagsPlaceholder: 'теги через запятую',
    addTags: 'Добавить теги',
    removeTags: 'Убрать теги',
    delete: 'Удалить',
    loadFailed: (message: string) => `Не удалось загрузить шаблоны: ${message}`,
    count: (n: number) => `Шаблонов: ${n}`,
    select: 'Выбрать',
    selectOne: (title: string) => `Выбрать «${title}»`,
    title: 'Название',
    tags: 'Теги',
    actions: 'Действия',
    edit: 'Изменить',
    duplicate: 'Дублировать',
    customiseHint: 'Ваша копия заменит шаблон пакета у вас; при обновлении пакета вы увидите, что изменилось',
    showMore: (n: number) => `Показать ещё ${n}`,
  },
  en: {
    personal: 'My templates',
    library: 'Template library',
    search: 'Search the library',
    searchPlaceholder: 'Search titles, tags and text',
    category: 'Category',
    allCategories: 'All categories',
    pack: 'Pack',
    allPacks: 'All packs',
    newTemplate: 'New template',
    deleted: (n: number) => `Templates deleted: ${n}.`,
    undo: 'Undo',
    bulk: 'Actions on the selected',
    selected: (n: number) => `Selected: ${n}`,
    packsUnchanged: ' (team pack templates do not change)',
    tagsLabel: 'Tags, comma-separated',
    tagsPlaceholder: 'tags, comma-separated',
    addTags: 'Add tags',
    removeTags: 'Remove tags',
    delete: 'Delete',
    loadFailed: (message: string) => `Could not load the templates: ${message}`,
    count: (n: number) => `Templates: ${n}`,
    select: 'Select',
    selectOne: (title: string) => `Select “${title}”`,
    title: 'Title',
    tags: 'Tags',
    actions: 'Actions',
    edit: 'Edit',
    duplicate: 'Duplicate',
    customiseHint: 'Your copy replaces the pack template for you; when the pack updates you will see what changed',
    showMore: (n: number) => `Show ${n} more`,
  },
});

type Editing = { template?: StoredTemplate } | null;

const PAGE = 200;

/**
 * The full library: search with the sidebar's engine, filters by category and pack, selection with bulk
 * tags and delete (with «Отменить»), and the editor for personal templates. Team pack templates are
 * read-only; «В личные» copies one to edit.
 */
export function LibraryManager({ initialEditKey }: { initialEditKey?: string }) {
  const templates = useTemplates();
  const status = useLibraryStatus();
  const packName = (id: string) =>
    id === PERSONAL_PACK_ID ? t.personal : (status.data?.packs.find((pack) => pack.id === id)?.name ?? id);
  const usage = useUsageStats();
  const lexicons = useSearchLexicons();
  const writes = useLibraryWrites();
  const upstream = useUpstreamActions();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [pack, setPack] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Editing>(null);
  const [pendingEdit, setPendingEdit] = useState(initialEditKey);
  const [undo, setUndo] = useState<StoredTemplate[] | null>(null);
  const [tagText, setTagText] = useState('');

  const [pageSize, setPageSize] = useState(PAGE);
  const { results } = useTemplateSearch(templates.data, query, category, usage.data, undefined, lexicons.data);
  // Without a query the manager lists the whole library (by category and title), a page at a time.
  const matching = useMemo(() => {
    const base = query.trim()
      ? results
      : [...(templates.data ?? [])]
          .filter((item) => !category || item.category === category)
          .sort((a, b) => a.category.localeCompare(b.category, 'ru') || a.title.localeCompare(b.title, 'ru'));
    return base.filter((item) => !pack || item.packId === pack);
  }, [results, templates.data, query, category, pack]);
  const shown = matching.slice(0, pageSize);
  const categories = useMemo(() => [...new Set(templates.data?.map((item) => item.category))].sort(), [templates.data]);
  const packs = useMemo(() => [...new Set(templates.data?.map((item) => item.packId))].sort(), [templates.data]);
  const selectedPersonal = [...selected].filter((key) => key.startsWith(`${PERSONAL_PACK_ID}/`));

  // Opens the editor for a template named in the URL or just created, once the library includes it.
  if (pendingEdit && templates.data) {
    const target = templates.data.find((item) => item.key === pendingEdit);
    if (target) {
      setPendingEdit(undefined);
      setEditing({ template: target });
    } else if (!templates.isFetching) setPendingEdit(undefined);
  }

  if (editing) {
    return (
      <TemplateEditor
        template={editing.template}
        onDone={(saved) => {
          setEditing(null);
          if (saved) setQuery('');
        }}
      />
    );
  }

  const toggle = (key: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  /** Editing a pack template makes it the agent's linked copy, then opens the copy in the editor. */
  const editCustomised = async (key: string) => {
    const result = await upstream.customise.mutateAsync(key);
    if (result.ok) setPendingEdit(result.key);
  };

  const remove = async (keys: string[]) => {
    const deleted = await writes.remove.mutateAsync(keys);
    setSelected(new Set());
    setUndo(deleted);
  };

  const tags = () =>
    tagText
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);

  return (
    <section aria-label={t.library}>
      <div className="toolbar">
        <input
          type="search"
          aria-label={t.search}
          placeholder={t.searchPlaceholder}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <select aria-label={t.category} value={category} onChange={(event) => setCategory(event.target.value)}>
          <option value="">{t.allCategories}</option>
          {categories.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        <select aria-label={t.pack} value={pack} onChange={(event) => setPack(event.target.value)}>
          <option value="">{t.allPacks}</option>
          {packs.map((id) => (
            <option key={id} value={id}>
              {packName(id)}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={() => setEditing({})}>
          {t.newTemplate}
        </button>
      </div>

      <LibraryTransfer />

      {undo && (
        <p className="undo" role="status">
          {t.deleted(undo.length)}{' '}
          <button
            type="button"
            onClick={() => {
              void writes.restore.mutateAsync(undo).then(() => setUndo(null));
            }}
          >
            {t.undo}
          </button>
        </p>
      )}

      {selected.size > 0 && (
        <fieldset className="bulk" aria-label={t.bulk}>
          <span>
            {t.selected(selected.size)}
            {selectedPersonal.length < selected.size && t.packsUnchanged}
          </span>
          <input
            aria-label={t.tagsLabel}
            placeholder={t.tagsPlaceholder}
            value={tagText}
            onChange={(event) => setTagText(event.target.value)}
          />
          <button
            type="button"
            onClick={() => void writes.bulkTag.mutateAsync({ keys: selectedPersonal, add: tags(), remove: [] })}
          >
            {t.addTags}
          </button>
          <button
            type="button"
            onClick={() => void writes.bulkTag.mutateAsync({ keys: selectedPersonal, add: [], remove: tags() })}
          >
            {t.removeTags}
          </button>
          <button type="button" disabled={selectedPersonal.length === 0} onClick={() => void remove(selectedPersonal)}>
            {t.delete}
          </button>
        </fieldset>
      )}

      {templates.isError && <p role="alert">{t.loadFailed(templates.error.message)}</p>}
      <table>
        <caption>{t.count(matching.length)}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t.select}</span>
            </th>
            <th scope="col">{t.title}</th>
            <th scope="col">{t.category}</th>
            <th scope="col">{t.tags}</th>
            <th scope="col">{t.pack}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((template) => {
            const personal = template.packId === PERSONAL_PACK_ID;
            return (
              <tr key={template.key}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t.selectOne(template.title)}
                    checked={selected.has(template.key)}
                    onChange={() => toggle(template.key)}
                  />
                </td>
                <td>
                  {template.title}
                  {template.shortcut && <ShortcutChip shortcut={template.shortcut} />}
                  <UpstreamChange template={template} />
                </td>
                <td>{template.category}</td>
                <td className="muted">{template.tags.join(', ')}</td>
                <td>{packName(template.packId)}</td>
                <td className="row-actions">
                  {personal ? (
                    <>
                      <button type="button" onClick={() => setEditing({ template })}>
                        {t.edit}
                      </button>
                      <button type="button" onClick={() => void writes.copyToPersonal.mutateAsync(template.key)}>
                        {t.duplicate}
                      </button>
                      <button type="button" onClick={() => void remove([template.key])}>
                        {t.delete}
                      </button>
                    </>
                  ) : (
                    <>
                      <button type="button" title={t.customiseHint} onClick={() => void editCustomised(template.key)}>
                        {t.edit}
                      </button>
                      <button type="button" onClick={() => void writes.copyToPersonal.mutateAsync(template.key)}>
                        {t.duplicate}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {matching.length > shown.length && (
        <button type="button" onClick={() => setPageSize((size) => size + PAGE)}>
          {t.showMore(Math.min(PAGE, matching.length - shown.length))}
        </button>
      )}
    </section>
  );
}
