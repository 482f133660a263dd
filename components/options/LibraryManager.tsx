import { useMemo, useState } from 'react';
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
    id === PERSONAL_PACK_ID ? 'Мои шаблоны' : (status.data?.packs.find((pack) => pack.id === id)?.name ?? id);
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
          .filter((t) => !category || t.category === category)
          .sort((a, b) => a.category.localeCompare(b.category, 'ru') || a.title.localeCompare(b.title, 'ru'));
    return base.filter((t) => !pack || t.packId === pack);
  }, [results, templates.data, query, category, pack]);
  const shown = matching.slice(0, pageSize);
  const categories = useMemo(() => [...new Set(templates.data?.map((t) => t.category))].sort(), [templates.data]);
  const packs = useMemo(() => [...new Set(templates.data?.map((t) => t.packId))].sort(), [templates.data]);
  const selectedPersonal = [...selected].filter((key) => key.startsWith(`${PERSONAL_PACK_ID}/`));

  // Opens the editor for a template named in the URL or just created, once the library includes it.
  if (pendingEdit && templates.data) {
    const target = templates.data.find((t) => t.key === pendingEdit);
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
    <section aria-label="Библиотека шаблонов">
      <div className="toolbar">
        <input
          type="search"
          aria-label="Поиск по библиотеке"
          placeholder="Поиск по названию, тегам и тексту"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <select aria-label="Категория" value={category} onChange={(event) => setCategory(event.target.value)}>
          <option value="">Все категории</option>
          {categories.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        <select aria-label="Пакет" value={pack} onChange={(event) => setPack(event.target.value)}>
          <option value="">Все пакеты</option>
          {packs.map((id) => (
            <option key={id} value={id}>
              {packName(id)}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={() => setEditing({})}>
          Новый шаблон
        </button>
      </div>

      <LibraryTransfer />

      {undo && (
        <p className="undo" role="status">
          Удалено шаблонов: {undo.length}.{' '}
          <button
            type="button"
            onClick={() => {
              void writes.restore.mutateAsync(undo).then(() => setUndo(null));
            }}
          >
            Отменить
          </button>
        </p>
      )}

      {selected.size > 0 && (
        <fieldset className="bulk" aria-label="Действия с выбранными">
          <span>
            Выбрано: {selected.size}
            {selectedPersonal.length < selected.size && ' (шаблоны пакетов команды не меняются)'}
          </span>
          <input
            aria-label="Теги через запятую"
            placeholder="теги через запятую"
            value={tagText}
            onChange={(event) => setTagText(event.target.value)}
          />
          <button
            type="button"
            onClick={() => void writes.bulkTag.mutateAsync({ keys: selectedPersonal, add: tags(), remove: [] })}
          >
            Добавить теги
          </button>
          <button
            type="button"
            onClick={() => void writes.bulkTag.mutateAsync({ keys: selectedPersonal, add: [], remove: tags() })}
          >
            Убрать теги
          </button>
          <button type="button" disabled={selectedPersonal.length === 0} onClick={() => void remove(selectedPersonal)}>
            Удалить
          </button>
        </fieldset>
      )}

      {templates.isError && <p role="alert">Не удалось загрузить шаблоны: {templates.error.message}</p>}
      <table>
        <caption>Шаблонов: {matching.length}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Выбрать</span>
            </th>
            <th scope="col">Название</th>
            <th scope="col">Категория</th>
            <th scope="col">Теги</th>
            <th scope="col">Пакет</th>
            <th scope="col">Действия</th>
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
                    aria-label={`Выбрать «${template.title}»`}
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
                        Изменить
                      </button>
                      <button type="button" onClick={() => void writes.copyToPersonal.mutateAsync(template.key)}>
                        Дублировать
                      </button>
                      <button type="button" onClick={() => void remove([template.key])}>
                        Удалить
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        title="Ваша копия заменит шаблон пакета у вас; при обновлении пакета вы увидите, что изменилось"
                        onClick={() => void editCustomised(template.key)}
                      >
                        Изменить
                      </button>
                      <button type="button" onClick={() => void writes.copyToPersonal.mutateAsync(template.key)}>
                        Дублировать
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
          Показать ещё {Math.min(PAGE, matching.length - shown.length)}
        </button>
      )}
    </section>
  );
}
