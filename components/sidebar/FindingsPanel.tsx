import { SEVERITY_LABELS } from '@/lib/agent/severity-colors';
import { whyOf } from '@/lib/guard/describe-draft-issues';
import type { DraftFinding } from '@/lib/model';
import { useFindingActions } from '../queries';
import { t } from './messages';

/**
 * «Замечания»: the current draft's findings with the same actions as the card in the page — a better
 * phrasing replaces exactly that phrase in the reply box, «Вставить шаблон «…»» puts a rule's `seeAlso`
 * template where the card would (the agent asks the background to render it), «Пропустить» ignores it once.
 * `titleOf` names a `seeAlso` template by id (undefined: not in the library, no button — as the card).
 */
export function FindingsPanel({
  findings,
  titleOf,
}: {
  findings: DraftFinding[];
  titleOf: (id: string) => string | undefined;
}) {
  const actions = useFindingActions();
  if (findings.length === 0) {
    return <p className="hint">{t.noFindings}</p>;
  }
  return (
    <ul className="findings" aria-label={t.findingsList}>
      {findings.map((finding) => (
        <li key={`${finding.ruleId}:${finding.start}`} className={`finding ${finding.severity}`}>
          <p className="finding-title">
            {SEVERITY_LABELS[finding.severity]}: «{finding.phrase}»
          </p>
          <p className="finding-message">{whyOf(finding.message)}</p>
          <div className="finding-actions">
            {finding.suggestions.slice(0, 3).map((suggestion, index) => (
              <button
                key={suggestion}
                type="button"
                className="suggestion"
                onClick={() => actions.apply.mutate({ finding, index })}
              >
                {suggestion}
              </button>
            ))}
            {(finding.seeAlso ?? []).map((id) => {
              const title = titleOf(id);
              return title ? (
                <button
                  key={id}
                  type="button"
                  className="template"
                  onClick={() => actions.insertTemplate.mutate({ finding, id })}
                >
                  {t.insertTemplate(title)}
                </button>
              ) : null;
            })}
            {finding.locked ? null : (
              <button type="button" onClick={() => actions.ignore.mutate(finding)}>
                {t.skip}
              </button>
            )}
          </div>
          {finding.locked ? <p className="finding-locked">{t.skipLocked}</p> : null}
        </li>
      ))}
    </ul>
  );
}
