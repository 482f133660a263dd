import { useId, useState } from 'react';
import type { AgentGender } from '@/lib/model';
import { fieldContext } from '@/lib/templates/field-context';
import { t } from './messages';

interface Props {
  title: string;
  /** The template's body: each field is shown in the sentence around it. */
  body: string;
  /** Names the template cannot fill by itself, in order of appearance. */
  names: string[];
  initialValues: Record<string, string>;
  /** The template has a gendered form and the agent's gender is unknown: ask it (saved to Настройки). */
  askGender?: { male: string; female: string };
  onSubmit(values: Record<string, string>, gender?: AgentGender): void;
  onCancel(): void;
}

/**
 * One field per fill-in before inserting. Tab and Shift+Tab move between fields, Enter inserts, Escape goes
 * back to the results. A field left empty stays as `[name]` in the reply, and the send guard will catch it.
 */
export function PlaceholderForm({ title, body, names, initialValues, askGender, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(() =>
    Object.fromEntries(names.map((name) => [name, initialValues[name] ?? ''])),
  );
  const [gender, setGender] = useState<AgentGender | undefined>(undefined);
  const id = useId();
  return (
    <form
      className="placeholder-form"
      aria-label={t.fillFormLabel(title)}
      onSubmit={(event) => {
        event.preventDefault();
        if (askGender && !gender) return; // the radio group is required; the browser says so
        onSubmit(values, gender);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h2>{t.fillForm}</h2>
      {names.map((name, index) => {
        const context = fieldContext(body, name);
        return (
          <label key={name} htmlFor={`${id}-${index}`}>
            {/* The field's name is its accessible name; the sentence around it describes it. */}
            <span className="field-context" id={`${id}-${index}-context`}>
              {context?.before}
              <mark>{name}</mark>
              {context?.after}
            </span>
            <input
              id={`${id}-${index}`}
              aria-label={name}
              aria-describedby={context ? `${id}-${index}-context` : undefined}
              value={values[name]}
              // biome-ignore lint/a11y/noAutofocus: the form opens from the keyboard; its first field must take the typing.
              autoFocus={index === 0}
              onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
            />
          </label>
        );
      })}
      {askGender && (
        <fieldset>
          <legend>{t.askGender}</legend>
          {(
            [
              ['female', askGender.female],
              ['male', askGender.male],
            ] as [AgentGender, string][]
          ).map(([value, form], index) => (
            <label key={value} className="inline">
              <input
                type="radio"
                name={`${id}-gender`}
                required
                // biome-ignore lint/a11y/noAutofocus: the form opens from the keyboard; with no fields the choice takes it.
                autoFocus={names.length === 0 && index === 0}
                checked={gender === value}
                onChange={() => setGender(value)}
              />
              {form}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t.insert}
        </button>
        <button type="button" onClick={onCancel}>
          {t.back}
        </button>
      </div>
    </form>
  );
}
