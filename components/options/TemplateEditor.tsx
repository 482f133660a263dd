import { useId, useState } from 'react';
import type { DataError, StoredTemplate, TemplateDraft } from '@/lib/model';
import { normalizeShortcut } from '@/lib/templates/template-shortcuts';
import { useLibraryWrites, useTemplates } from '../queries';

interface Props {
  /** The personal template being edited, or a starting draft for a new one. */
  template?: StoredTemplate;
  draft?: Partial<TemplateDraft>;
  onDone(saved: StoredTemplate | null): void;
}

const FIELDS = ['title', 'category', 'tags', 'shortcut', 'note', 'body'] as const;

/** Create or edit a personal template; errors come back from the background's validation, field by field. */
export function TemplateEditor({ template, draft, onDone }: Props) {
  const writes = useLibraryWrites();
  const id = useId();
  const start = template ?? draft ?? {};
  const [form, setForm] = useState({
    title: start.title ?? '',
    category: start.category ?? 'Личные',
    tags: (start.tags ?? []).join(', '),
    shortcut: start.shortcut ?? '',
    note: start.note ?? '',
    body: start.body ?? '',
  });
  const [errors, setErrors] = useState<DataError[]>([]);
  const errorFor = (field: string) => errors.find((error) => error.path === field)?.message;
  const library = useTemplates();
  const shortcut = normalizeShortcut(form.shortcut);
  /** One shortcut should name one template: typed after «/» and a space, only one of them expands. */
  const sameShortcut = shortcut
    ? library.data?.find(
        (other) => other.key !== template?.key && other.shortcut && normalizeShortcut(other.shortcut) === shortcut,
      )
    : undefined;

  const save = async () => {
    const next: TemplateDraft = {
      title: form.title,
      category: form.category,
      body: form.body,
      tags: form.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      shortcut: form.shortcut.trim() || undefined,
      note: form.note.trim() || undefined,
    };
    const result = template
      ? await writes.update.mutateAsync({ key: template.key, draft: next })
      : await writes.create.mutateAsync(next);
    if (result.ok) onDone(result.template);
    else setErrors(result.errors);
  };

  const labels: Record<(typeof FIELDS)[number], string> = {
    title: 'Название',
    category: 'Категория',
    tags: 'Теги через запятую (слова, которыми вы ищете)',
    shortcut: 'Сокращение (одно слово)',
    note: 'Основание или заметка (не вставляется)',
    body: 'Текст: [Имя], [номер заказа], [уточнил|уточнила]…',
  };

  return (
    <form
      className="editor"
      aria-label={template ? `Изменить шаблон «${template.title}»` : 'Новый шаблон'}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{template ? 'Изменить шаблон' : 'Новый шаблон'}</h2>
      {FIELDS.map((field) => {
        const error = errorFor(field);
        const common = {
          id: `${id}-${field}`,
          value: form[field],
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-${field}-error` : undefined,
          onChange: (event: { target: { value: string } }) =>
            setForm((current) => ({ ...current, [field]: event.target.value })),
        };
        return (
          <label key={field} htmlFor={common.id}>
            <span>{labels[field]}</span>
            {field === 'body' ? <textarea rows={8} {...common} /> : <input {...common} />}
            {error && (
              <span className="field-error" id={`${id}-${field}-error`}>
                {error}
              </span>
            )}
            {field === 'shortcut' && sameShortcut && (
              <span className="field-error" role="status">
                Это сокращение уже у шаблона «{sameShortcut.title}»: после «/» развернётся только один из них. Выберите
                другое. / Shortcut already used by «{sameShortcut.title}».
              </span>
            )}
          </label>
        );
      })}
      <div className="actions">
        <button type="submit" className="primary">
          Сохранить
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Отмена
        </button>
      </div>
    </form>
  );
}
