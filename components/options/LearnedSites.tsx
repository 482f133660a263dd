import { useState } from 'react';
import { type LearnedSite, SITE_FIELD_IDS, type SiteFieldId, type SiteFieldLocator } from '@/lib/model';
import { useLearnedSiteActions, useLearnedSites } from '../queries';

const FIELD_LABELS: Record<SiteFieldId, string> = {
  customerName: 'Имя клиента — [Имя]',
  firstName: 'Имя без фамилии',
  ticketId: 'Номер обращения — [номер обращения]',
  orderNumber: 'Номер заказа — [номер заказа]',
  customerEmail: 'E-mail клиента — [email]',
};

/**
 * The sites the agent taught by pointing («Научить Суфлёр этому сайту»): where each field sits, editable. They
 * are exported with the library (Библиотека → Экспорт) as the pack's `sites`, so a lead can share them.
 */
export function LearnedSites() {
  const sites = useLearnedSites();
  if (!sites.data || sites.data.length === 0) {
    return (
      <section aria-label="Обученные сайты">
        <h2>Обученные сайты</h2>
        <p className="muted">
          Пока нет. На странице обращения откройте Суфлёр и нажмите «Научить Суфлёр этому сайту»: щёлкните имя клиента,
          номер заказа, номер обращения.
        </p>
      </section>
    );
  }
  return (
    <section aria-label="Обученные сайты">
      <h2>Обученные сайты</h2>
      {sites.data.map((site) => (
        <LearnedSiteForm key={`${site.id}:${site.updatedAt}`} site={site} />
      ))}
    </section>
  );
}

function LearnedSiteForm({ site }: { site: LearnedSite }) {
  const { save, remove } = useLearnedSiteActions();
  const [fields, setFields] = useState(site.fields);
  const [errors, setErrors] = useState<string[]>([]);
  const set = (field: SiteFieldId, key: keyof SiteFieldLocator, value: string) =>
    setFields((current) => {
      const locator = { ...current[field], [key]: value || undefined };
      const next = { ...current, [field]: locator };
      if (!locator.selector && !locator.pattern) delete next[field];
      return next;
    });
  return (
    <form
      aria-label={`Сайт ${site.match}`}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { id: site.id, match: site.match, fields },
          { onSuccess: (result) => setErrors(result.ok ? [] : result.errors.map((error) => error.message)) },
        );
      }}
    >
      <h3>{site.match}</h3>
      {SITE_FIELD_IDS.filter((field) => field !== 'firstName').map((field) => (
        <fieldset key={field}>
          <legend>{FIELD_LABELS[field]}</legend>
          <label>
            <span>Элемент (CSS)</span>
            <input
              value={fields[field]?.selector ?? ''}
              onChange={(event) => set(field, 'selector', event.target.value)}
            />
          </label>
          <label>
            <span>Шаблон значения (регулярное выражение)</span>
            <input
              value={fields[field]?.pattern ?? ''}
              onChange={(event) => set(field, 'pattern', event.target.value)}
            />
          </label>
        </fieldset>
      ))}
      {errors.length > 0 && (
        <ul role="alert">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          Сохранить
        </button>
        <button type="button" onClick={() => remove.mutate(site.id)}>
          Забыть сайт
        </button>
      </div>
    </form>
  );
}
