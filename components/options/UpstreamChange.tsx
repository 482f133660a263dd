import { useState } from 'react';
import { defineMessages } from '@/lib/i18n';
import type { StoredTemplate } from '@/lib/model';
import { useUpstreamActions } from '../queries';
import { WordDiff } from './WordDiff';

const t = defineMessages({
  ru: {
    removed: 'Удалён из пакета — остался у вас',
    yours: 'Ваша версия шаблона из пакета',
    newVersion: 'В пакете есть новая версия',
    whatChanged: 'Что изменилось в пакете',
    before: 'Было в пакете',
    after: (version: string) => `Стало в пакете (версия ${version})`,
    yourText: 'Ваш текст',
    accept: 'Взять версию из пакета',
    keep: 'Оставить мою',
  },
  en: {
    removed: 'Removed from the pack — kept for you',
    yours: 'Your version of a pack template',
    newVersion: 'The pack has a new version',
    whatChanged: 'What changed in the pack',
    before: 'Was in the pack',
    after: (version: string) => `Now in the pack (version ${version})`,
    yourText: 'Your text',
    accept: 'Take the pack’s version',
    keep: 'Keep mine',
  },
});

/**
 * «В пакете есть новая версия» on a template the agent customised: what changed in the pack since they
 * copied it, next to their own text, and the choice to take the pack's version or keep theirs.
 */
export function UpstreamChange({ template }: { template: StoredTemplate }) {
  const [open, setOpen] = useState(false);
  const actions = useUpstreamActions();
  const origin = template.origin;
  if (!origin) return null;
  if (origin.removedUpstream) return <span className="mark">{t.removed}</span>;
  if (!origin.upstream) return <span className="mark muted">{t.yours}</span>;
  return (
    <div className="upstream">
      <button type="button" className="mark new" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t.newVersion}
      </button>
      {open && (
        <section className="diff" aria-label={t.whatChanged}>
          <div>
            <h4>{t.before}</h4>
            <WordDiff before={origin.base.body} after={origin.upstream.body} side="before" />
          </div>
          <div>
            <h4>{t.after(origin.upstream.packVersion)}</h4>
            <WordDiff before={origin.base.body} after={origin.upstream.body} side="after" />
          </div>
          <div>
            <h4>{t.yourText}</h4>
            <WordDiff before={origin.base.body} after={template.body} side="after" />
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => actions.accept.mutate(template.key)}>
              {t.accept}
            </button>
            <button type="button" onClick={() => actions.keep.mutate(template.key)}>
              {t.keep}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
