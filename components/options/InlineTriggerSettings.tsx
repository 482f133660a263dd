import { useId, useState } from 'react';
import { INLINE_TRIGGERS } from '@/lib/agent/inline-trigger';
import { defineMessages } from '@/lib/i18n';
import type { InlineTrigger } from '@/lib/model';
import { useSaveSettings, useSettings } from '../queries';

const t = defineMessages({
  ru: {
    slash: '«/» в начале слова (на русской раскладке — «.»)',
    semicolons: '«;;» в начале слова',
    off: 'Выключено',
    legend: 'Быстрая вставка в поле ответа',
    hint:
      'Наберите «/» и начало названия шаблона — появится список; Enter или Tab вставит шаблон, Esc закроет. ' +
      'На русской раскладке вместо «/» подходит «.» в начале слова. Сокращение шаблона и пробел вставляют его ' +
      'сразу. На всех сайтах, кроме перечисленных ниже, работает «/».',
    sites: 'Сайты со своей настройкой',
    onSite: (origin: string) => `Быстрая вставка на ${origin}`,
    remove: 'Убрать',
    site: 'Сайт',
    triggerForSite: 'Триггер для сайта',
    badSite: 'Укажите адрес сайта, например https://web.telegram.org',
    add: 'Добавить',
  },
  en: {
    slash: '“/” at a word start (“.” on the Russian layout)',
    semicolons: '“;;” at a word start',
    off: 'Off',
    legend: 'Inline insert in the reply box',
    hint:
      'Type “/” and the start of a template’s title: a list appears; Enter or Tab inserts the template, Esc ' +
      'closes it. On the Russian layout “.” at a word start works as “/”. A template’s shortcut and a space ' +
      'insert it at once. Every site not listed below uses “/”.',
    sites: 'Sites with their own setting',
    onSite: (origin: string) => `Inline insert on ${origin}`,
    remove: 'Remove',
    site: 'Site',
    triggerForSite: 'Trigger for the site',
    badSite: 'Enter a site address, e.g. https://web.telegram.org',
    add: 'Add',
  },
});

const TRIGGER_LABELS = (): Record<InlineTrigger, string> => ({ '/': t.slash, ';;': t.semicolons, off: t.off });

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
          {TRIGGER_LABELS()[option]}
        </option>
      ))}
    </select>
  );

  return (
    <fieldset className="inline-triggers">
      <legend>{t.legend}</legend>
      <p className="hint">{t.hint}</p>
      <ul aria-label={t.sites}>
        {Object.entries(sites).map(([origin, value]) => (
          <li key={origin}>
            <span>{origin}</span>
            {select(value, (next) => write({ ...sites, [origin]: next }), t.onSite(origin))}
            <button
              type="button"
              onClick={() => write(Object.fromEntries(Object.entries(sites).filter(([key]) => key !== origin)))}
            >
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
      <div className="add-site">
        <label htmlFor={`${id}-site`}>
          <span>{t.site}</span>
          <input
            id={`${id}-site`}
            placeholder="https://web.telegram.org"
            value={site}
            onChange={(event) => setSite(event.target.value)}
          />
        </label>
        {select(trigger, setTrigger, t.triggerForSite)}
        <button
          type="button"
          onClick={() => {
            const origin = originOf(site);
            if (!origin) {
              setError(t.badSite);
              return;
            }
            setError('');
            setSite('');
            write({ ...sites, [origin]: trigger });
          }}
        >
          {t.add}
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
