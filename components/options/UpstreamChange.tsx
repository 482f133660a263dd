import { useState } from 'react';
import type { StoredTemplate } from '@/lib/model';
import { useUpstreamActions } from '../queries';
import { WordDiff } from './WordDiff';

/**
 * «В пакете есть новая версия» on a template the agent customised: what changed in the pack since they
 * copied it, next to their own text, and the choice to take the pack's version or keep theirs.
 */
export function UpstreamChange({ template }: { template: StoredTemplate }) {
  const [open, setOpen] = useState(false);
  const actions = useUpstreamActions();
  const origin = template.origin;
  if (!origin) return null;
  if (origin.removedUpstream) return <span className="mark">Удалён из пакета — остался у вас</span>;
  if (!origin.upstream) return <span className="mark muted">Ваша версия шаблона из пакета</span>;
  return (
    <div className="upstream">
      <button type="button" className="mark new" aria-expanded={open} onClick={() => setOpen(!open)}>
        В пакете есть новая версия
      </button>
      {open && (
        <section className="diff" aria-label="Что изменилось в пакете">
          <div>
            <h4>Было в пакете</h4>
            <WordDiff before={origin.base.body} after={origin.upstream.body} side="before" />
          </div>
          <div>
            <h4>Стало в пакете (версия {origin.upstream.packVersion})</h4>
            <WordDiff before={origin.base.body} after={origin.upstream.body} side="after" />
          </div>
          <div>
            <h4>Ваш текст</h4>
            <WordDiff before={origin.base.body} after={template.body} side="after" />
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => actions.accept.mutate(template.key)}>
              Взять версию из пакета
            </button>
            <button type="button" onClick={() => actions.keep.mutate(template.key)}>
              Оставить мою
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
