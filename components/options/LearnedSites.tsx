import { useState } from 'react';
import { defineMessages } from '@/lib/i18n';
import { type LearnedSite, SITE_FIELD_IDS, type SiteFieldId, type SiteFieldLocator } from '@/lib/model';
import { useLearnedSiteActions, useLearnedSites } from '../queries';

const t = defineMessages({
  ru: {
    customerName: 'Имя клиента — [Имя]',
    firstName: 'Имя без фамилии',
    ticketId: 'Номер обращения — [номер обращения]',
    orderNumber: 'Номер заказа — [номер заказа]',
    customerEmail: 'E-mail клиента — [email]',
    sites: 'Обученные сайты',
    none: 'Пока нет. На странице обращения откройте Суфлёр и нажмите «Научить Суфлёр этому сайту»: щёлкните имя клиента, номер заказа, номер обращения.',
    site: (match: string) => `Сайт ${match}`,
    element: 'Элемент (CSS)',
    pattern: 'Шаблон значения (регулярное выражение)',
    save: 'Сохранить',
    forget: 'Забыть сайт',
  },
  en: {
    customerName: 'Customer name',
    firstName: 'First name',
    ticketId: 'Ticket number',
    orderNumber: 'Order number',
    customerEmail: 'Customer e-mail',
    sites: 'Taught sites',
    none: 'None yet. On a ticket page open Sufler and press “Teach Sufler this site”: click the customer’s name, the order number, the ticket number.',
    site: (match: string) => `Site ${match}`,
    element: 'Element (CSS)',
    pattern: 'Value pattern (regular expression)',
    save: 'Save',
    forget: 'Forget the site',
  },
});

/**
 * The sites the agent taught by pointing («Научить Суфлёр этому сайту»): where each field sits, editable. They
 * are exported with the library (Библиотека → Экспорт) as the pack's `sites`, so a lead can share them.
 */
export function LearnedSites() {
  const sites = useLearnedSites();
  if (!sites.data || sites.data.length === 0) {
    return (
      <section aria-label={t.sites}>
        <h2>{t.sites}</h2>
        <p className="muted">{t.none}</p>
      </section>
    );
  }
  return (
    <section aria-label={t.sites}>
      <h2>{t.sites}</h2>
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
      aria-label={t.site(site.match)}
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
          <legend>{t[field]}</legend>
          <label>
            <span>{t.element}</span>
            <input
              value={fields[field]?.selector ?? ''}
              onChange={(event) => set(field, 'selector', event.target.value)}
            />
          </label>
          <label>
            <span>{t.pattern}</span>
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
          {t.save}
        </button>
        <button type="button" onClick={() => remove.mutate(site.id)}>
          {t.forget}
        </button>
      </div>
    </form>
  );
}
