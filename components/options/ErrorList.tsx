import { defineMessages } from '@/lib/i18n';
import type { DataError } from '@/lib/model';
import { formatDataError } from '@/lib/packs/describe-issues';

const t = defineMessages({
  ru: { more: (rest: number) => `…и ещё ${rest}` },
  en: { more: (rest: number) => `…and ${rest} more` },
});

/** At most `limit` errors, then how many more (counted from what is listed): «…и ещё 8». */
export function ErrorList({ errors, limit = 5 }: { errors: readonly DataError[]; limit?: number }) {
  if (errors.length === 0) return null;
  const shown = errors.slice(0, limit);
  return (
    <ul className="error-list">
      {shown.map((error) => (
        <li key={`${error.path}\u0000${error.message}`}>{formatDataError(error)}</li>
      ))}
      {errors.length > shown.length && <li className="muted">{t.more(errors.length - shown.length)}</li>}
    </ul>
  );
}

/** A failure's headline and its errors; a single error already is the headline (fetch-pack's summarize). */
export function failureErrors(errors: readonly DataError[] | undefined): readonly DataError[] {
  return errors && errors.length > 1 ? errors : [];
}
