import type { PackChange } from '@/lib/model';
import { describePackChange, packChangeHeadline } from '@/lib/packs/pack-change';
import { t } from './messages';

/** «Пакет команды обновлён»: what the last syncs changed, shown on the first open after them. */
export function PackChangesNotice({ changes, onClose }: { changes: PackChange[]; onClose(): void }) {
  return (
    <section className="pack-changes" aria-label={t.packChanges}>
      {changes.map((change) => (
        <details key={`${change.packName}:${change.at}`}>
          <summary>{packChangeHeadline(change)}</summary>
          <ul>
            {describePackChange(change).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      ))}
      <button type="button" className="link" onClick={onClose}>
        {t.gotIt}
      </button>
    </section>
  );
}
