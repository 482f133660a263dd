import { useId, useState } from 'react';

interface Props {
  title: string;
  /** Names the template cannot fill by itself, in order of appearance. */
  names: string[];
  initialValues: Record<string, string>;
  onSubmit(values: Record<string, string>): void;
  onCancel(): void;
}

/**
 * One field per fill-in before inserting. Tab and Shift+Tab move between fields, Enter inserts, Escape goes
 * back to the results. A field left empty stays as `[name]` in the reply, and the send guard will catch it.
 */
export function PlaceholderForm({ title, names, initialValues, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(() =>
    Object.fromEntries(names.map((name) => [name, initialValues[name] ?? ''])),
  );
  const id = useId();
  return (
    <form
      className="placeholder-form"
      aria-label={`Заполните поля шаблона «${title}»`}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(values);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h2>Заполните поля</h2>
      {names.map((name, index) => (
        <label key={name} htmlFor={`${id}-${index}`}>
          <span>{name}</span>
          <input
            id={`${id}-${index}`}
            value={values[name]}
            // biome-ignore lint/a11y/noAutofocus: the form opens from the keyboard; its first field must take the typing.
            autoFocus={index === 0}
            onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
          />
        </label>
      ))}
      <div className="actions">
        <button type="submit" className="primary">
          Вставить
        </button>
        <button type="button" onClick={onCancel}>
          Назад
        </button>
      </div>
    </form>
  );
}
