import { useId, useState } from 'react';
import { INLINE_TRIGGER_LABELS, INLINE_TRIGGERS } from '@/lib/agent/inline-trigger';
import type { InlineTrigger } from '@/lib/model';
import { useSaveSettings, useSettings } from '../queries';

/** «https://web.telegram.org/k/» → its origin; null for anything that is not an http(s) address. */
function originOf(text: string): string | null {
  try {
    const url = new URL(text.includes('://') ? text.trim() : `https://${text.trim()}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Inline insert per site: which trigger opens the picker in the reply box, or none. A chat that uses «/» for
 * its own commands (Telegram bots, Slack) gets «;;» or nothing; every site not listed uses «/».
 */
export function InlineTriggerSettings() {
  const settings = useSettings();
  const save = useSaveSettings();
  const id = useId();
  const [site, setSite] = useState('');
  const [trigger, setTrigger] = useState<InlineTrigger>('off');
  const [error, setError] = useState('');
  const sites = settings.data?.inlineTriggers ?? {};
  const write = (next: Record<string, InlineTrigger>) =>
    save.mutate({ inlineTriggers: Object.keys(next).length > 0 ? next : null });
  const select = (value: InlineTrigger, onChange: (value: InlineTrigger) => void, label: string) => (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as InlineTrigger)}>
      {INLINE_TRIGGERS.map((option) => (
        <option key={option} value={option}>
          {INLINE_TRIGGER_LABELS[option]}
        </option>
      ))}
    </select>
  );

  return (
    <fieldset className="inline-triggers">
      <legend>Быстрая вставка в поле ответа / Inline insert</legend>
      <p className="hint">
        Наберите «/» и начало названия шаблона — появится список; Enter или Tab вставит шаблон, Esc закроет. На русской
        раскладке вместо «/» подходит «.» в начале слова. Сокращение шаблона и пробел вставляют его сразу. На всех
        сайтах, кроме перечисленных ниже, работает «/».
      </p>
      <ul aria-label="Сайты со своей настройкой / Sites with their own setting">
        {Object.entries(sites).map(([origin, value]) => (
          <li key={origin}>
            <span>{origin}</span>
            {select(value, (next) => write({ ...sites, [origin]: next }), `Быстрая вставка на ${origin}`)}
            <button
              type="button"
              onClick={() => write(Object.fromEntries(Object.entries(sites).filter(([key]) => key !== origin)))}
            >
              Убрать / Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="add-site">
        <label htmlFor={`${id}-site`}>
          <span>Сайт / Site</span>
          <input
            id={`${id}-site`}
            placeholder="https://web.telegram.org"
            value={site}
            onChange={(event) => setSite(event.target.value)}
          />
        </label>
        {select(trigger, setTrigger, 'Триггер для сайта / Trigger for the site')}
        <button
          type="button"
          onClick={() => {
            const origin = originOf(site);
            if (!origin) {
              setError('Укажите адрес сайта, например https://web.telegram.org / Enter a site address');
              return;
            }
            setError('');
            setSite('');
            write({ ...sites, [origin]: trigger });
          }}
        >
          Добавить / Add
        </button>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
