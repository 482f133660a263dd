import { Fragment } from 'react';
import type { StoredTemplate } from '@/lib/model';
import { parseTemplate } from '@/lib/templates/parse-template';
import { t } from './messages';

/** The template as it will be inserted, with its fill-ins marked so the agent sees what still needs a value. */
export function TemplatePreview({ template }: { template: StoredTemplate }) {
  return (
    // Focusable so the agent can scroll a long preview from the keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="preview" aria-label={t.preview} tabIndex={0}>
      <h2>{template.title}</h2>
      <p className="preview-body">
        {parseTemplate(template.body).map((segment, index) => {
          const key = `${index}`;
          if (segment.type === 'text') return <Fragment key={key}>{segment.text}</Fragment>;
          if (segment.type === 'gender') {
            return (
              <mark key={key} className="placeholder gender" title={t.genderForm}>
                {segment.male}|{segment.female}
              </mark>
            );
          }
          return (
            <mark key={key} className={`placeholder ${segment.kind}`}>
              [{segment.name}]
            </mark>
          );
        })}
      </p>
      {template.note && <p className="preview-note">{t.basis(template.note)}</p>}
    </section>
  );
}
