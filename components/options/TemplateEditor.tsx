import { useDeferredValue, useId, useState } from 'react';
import { defineMessages, enPlural, ruPlural } from '@/lib/i18n';
import type { DataError, StoredTemplate, TemplateDraft } from '@/lib/model';
import { convertMacroPlaceholders } from '@/lib/templates/convert-macro-placeholders';
import { normalizeShortcut } from '@/lib/templates/template-shortcuts';
import { useLibraryWrites, useTemplateBodyCheck, useTemplates } from '../queries';
import { TemplatePreview } from '../sidebar/TemplatePreview';

const ruleCount = (n: number) => ruPlural(n, 'замечание', 'замечания', 'замечаний');

const t = defineMessages({
  ru: {
    defaultCategory: 'Личные',
    title: 'Название',
    category: 'Категория',
    tags: 'Теги через запятую (слова, которыми вы ищете)',
    shortcut: 'Сокращение (одно слово)',
    note: 'Основание или заметка (не вставляется)',
    body: 'Текст: [Имя], [номер заказа], [уточнил|уточнила]…',
    editOne: (title: string) => `Изменить шаблон «${title}»`,
    edit: 'Изменить шаблон',
    newTemplate: 'Новый шаблон',
    save: 'Сохранить',
    cancel: 'Отмена',
    findings: 'Замечания по правилам команды',
    findingsLead: (n: number) =>
      `По правилам команды в тексте ${ruleCount(n)} — агенты увидят их в своём ответе. Сохранить можно и так.`,
    better: (suggestions: string) => `Лучше: ${suggestions}`,
    shortcutTaken: (title: string) =>
      `Это сокращение уже у шаблона «${title}»: после «/» развернётся только один из них. Выберите другое.`,
  },
  en: {
    defaultCategory: 'Personal',
    title: 'Title',
    category: 'Category',
    tags: 'Tags, comma-separated (the words you search by)',
    shortcut: 'Shortcut (one word)',
    note: 'Basis or note (not inserted)',
    body: 'Text: [field name] for a fill-in, [masculine|feminine] for a gendered form…',
    editOne: (title: string) => `Edit the template “${title}”`,
    edit: 'Edit the template',
    newTemplate: 'New template',
    save: 'Save',
    cancel: 'Cancel',
    findings: 'Findings by the team’s rules',
    findingsLead: (n: number) =>
      `By the team’s rules the text has ${enPlural(n, 'finding', 'findings')} — agents will see them in their reply. You can save it anyway.`,
    better: (suggestions: string) => `Better: ${suggestions}`,
    shortcutTaken: (title: string) =>
      `The template “${title}” already has this shortcut: after “/” only one of them expands. Choose another.`,
  },
});

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
  const library = useTemplates();
  const id = useId();
  // The library's categories, offered as the agent types one (and the check on save refuses a near-copy).
  const categories = [...new Set(library.data?.map((item) => item.category))].sort();
  const start = template ?? draft ?? {};
  const [form, setForm] = useState({
    title: start.title ?? '',
    category: start.category ?? t.defaultCategory,
    tags: (start.tags ?? []).join(', '),
    shortcut: start.shortcut ?? '',
    note: start.note ?? '',
    body: start.body ?? '',
  });
  const [errors, setErrors] = useState<DataError[]>([]);
  // The team's rules on the body, as the coach will see it: a warning, not a refusal (a lead may quote a
  // banned phrase on purpose, in a template that explains why not to say it).
  const findings = useTemplateBodyCheck(useDeferredValue(convertMacroPlaceholders(form.body))).data ?? [];
  const errorFor = (field: string) => errors.find((error) => error.path === field)?.message;
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

  return (
    <form
      className="editor"
      aria-label={template ? t.editOne(template.title) : t.newTemplate}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{template ? t.edit : t.newTemplate}</h2>
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
            <span>{t[field]}</span>
            {field === 'body' ? (
              <textarea rows={8} {...common} />
            ) : (
              <input {...common} list={field === 'category' ? `${id}-categories` : undefined} />
            )}
            {error && (
              <span className="field-error" id={`${id}-${field}-error`}>
                {error}
              </span>
            )}
            {field === 'shortcut' && sameShortcut && !error && (
              <span className="field-error" role="status">
                {t.shortcutTaken(sameShortcut.title)}
              </span>
            )}
          </label>
        );
      })}
      {form.body.trim() && findings.length > 0 && (
        <section className="body-findings" role="status" aria-label={t.findings}>
          <p>{t.findingsLead(findings.length)}</p>
          <ul>
            {findings.map((finding) => (
              <li key={`${finding.phrase}:${finding.message}`} className={finding.severity}>
                <strong>«{finding.phrase}»</strong> — {finding.message}
                {finding.suggestions.length > 0 && ` ${t.better(finding.suggestions.join(' / '))}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      <datalist id={`${id}-categories`}>
        {categories.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {form.body.trim() && (
        <TemplatePreview
          template={{
            key: 'preview',
            id: 'preview',
            packId: 'personal',
            updatedAt: 0,
            title: form.title,
            category: form.category,
            // What will be saved: a pasted `{{agent_name}}` already as the placeholder it becomes.
            body: convertMacroPlaceholders(form.body),
            tags: [],
            note: form.note.trim() || undefined,
          }}
        />
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t.save}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
