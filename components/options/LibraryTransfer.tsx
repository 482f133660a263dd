import { useState } from 'react';
import { defineMessages } from '@/lib/i18n';
import type { ConflictChoice, ImportPreview, LibraryFormat } from '@/lib/model';
import { formatDataError } from '@/lib/packs/describe-issues';
import { useLibraryTransfer } from '../queries';
import { ErrorList } from './ErrorList';

const t = defineMessages({
  ru: {
    exported: (n: number) => `Выгружено шаблонов: ${n}`,
    exportedTeam: (n: number, file: string) =>
      `Пакет команды выгружен: ${file}, шаблонов: ${n}. Опубликуйте файл по ссылке — агенты подпишутся на неё в «Пакетах команды»`,
    teamExport: 'Экспорт как пакет команды',
    teamName: 'Название пакета (его увидят агенты)',
    teamNamePlaceholder: 'Поддержка «Домотеки»',
    teamHint:
      'Мои шаблоны и обученные сайты — в пакет, который руководитель публикует по ссылке; у каждого экспорта новая версия, и подписанные агенты получат его при синхронизации.',
    imported: (added: number, updated: number, skipped: number) =>
      `Импорт завершён: добавлено ${added}, обновлено ${updated}, пропущено ${skipped}`,
    summary: 'Импорт и экспорт моих шаблонов',
    exportJson: 'Выгрузить JSON',
    exportCsv: 'Выгрузить CSV',
    importFile: 'Загрузить файл (JSON или CSV)',
    fileErrors: (name: string) => `Файл «${name}» не загружен — в нём ошибки, ничего не изменено:`,
    whatChanges: 'Что изменится',
    willChange: (added: number, updated: number, unchanged: number) =>
      `Будет добавлено: ${added}, обновлено: ${updated}, без изменений: ${unchanged}`,
    rulesIgnored: (n: number) => `, правила из файла не импортируются (${n})`,
    conflicts: (n: number) => `Совпадения с шаблонами библиотеки: ${n}`,
    conflict: (incoming: string, reason: string, existing: string) => `«${incoming}» — ${reason}, что у «${existing}»`,
    sameTitle: 'такое же название',
    sameShortcut: 'то же сокращение',
    skip: 'пропустить их',
    importAnyway: 'всё равно импортировать',
    import: 'Импортировать',
  },
  en: {
    exported: (n: number) => `Templates exported: ${n}`,
    exportedTeam: (n: number, file: string) =>
      `Team pack exported: ${file}, ${n} templates. Publish the file at a link — agents subscribe to it in “Team packs”`,
    teamExport: 'Export as a team pack',
    teamName: 'Pack name (agents see it)',
    teamNamePlaceholder: 'Support team',
    teamHint:
      'My templates and taught sites, as a pack a lead publishes at a link; each export has a new version, and subscribed agents get it on their next sync.',
    imported: (added: number, updated: number, skipped: number) =>
      `Import done: ${added} added, ${updated} updated, ${skipped} skipped`,
    summary: 'Import and export my templates',
    exportJson: 'Export JSON',
    exportCsv: 'Export CSV',
    importFile: 'Import a file (JSON or CSV)',
    fileErrors: (name: string) => `The file “${name}” was not imported — it has errors, nothing changed:`,
    whatChanges: 'What will change',
    willChange: (added: number, updated: number, unchanged: number) =>
      `To be added: ${added}, updated: ${updated}, unchanged: ${unchanged}`,
    rulesIgnored: (n: number) => `, rules in the file are not imported (${n})`,
    conflicts: (n: number) => `Matches with library templates: ${n}`,
    conflict: (incoming: string, reason: string, existing: string) => `“${incoming}” — ${reason} as “${existing}”`,
    sameTitle: 'the same title',
    sameShortcut: 'the same shortcut',
    skip: 'skip them',
    importAnyway: 'import anyway',
    import: 'Import',
  },
});

/**
 * The agent's own library out (JSON pack or CSV for a spreadsheet) and in, with a preview of exactly what
 * will change; applying is all-or-nothing and refused if the library changed since the preview.
 */
export function LibraryTransfer() {
  const transfer = useLibraryTransfer();
  const [source, setSource] = useState<{ text: string; format: LibraryFormat; name: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [conflicts, setConflicts] = useState<ConflictChoice>('skip');
  const [message, setMessage] = useState<string | null>(null);

  const [teamName, setTeamName] = useState('');

  const download = async (format: LibraryFormat, team?: { name: string }) => {
    const file = await transfer.exportLibrary.mutateAsync({ format, ...(team ? { team } : {}) });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
    link.download = file.fileName;
    link.click();
    URL.revokeObjectURL(link.href);
    setMessage(team ? t.exportedTeam(file.count, file.fileName) : t.exported(file.count));
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const format: LibraryFormat = /\.csv$/i.test(file.name) ? 'csv' : 'json';
    const text = await file.text();
    setSource({ text, format, name: file.name });
    setMessage(null);
    setPreview(await transfer.previewImport.mutateAsync({ text, format }));
  };

  const apply = async () => {
    if (!source || !preview?.ok) return;
    const result = await transfer.applyImport.mutateAsync({
      ...source,
      expectedDataVersion: preview.dataVersion,
      conflicts,
    });
    if (result.status === 'applied') {
      setMessage(t.imported(result.added, result.updated, result.skipped));
      setPreview(null);
      setSource(null);
    } else if (result.status === 'stale') setMessage(result.message);
    else setMessage(result.errors.map(formatDataError).join('\n'));
  };

  return (
    <details className="transfer">
      <summary>{t.summary}</summary>
      <div className="actions">
        <button type="button" onClick={() => void download('json')}>
          {t.exportJson}
        </button>
        <button type="button" onClick={() => void download('csv')}>
          {t.exportCsv}
        </button>
        <label className="file">
          {t.importFile}
          <input
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </label>
      </div>
      <form
        className="team-export"
        aria-label={t.teamExport}
        onSubmit={(event) => {
          event.preventDefault();
          void download('json', { name: teamName });
        }}
      >
        <label>
          <span>{t.teamName}</span>
          <input
            value={teamName}
            required
            placeholder={t.teamNamePlaceholder}
            onChange={(event) => setTeamName(event.target.value)}
          />
        </label>
        <button type="submit">{t.teamExport}</button>
        <p className="muted">{t.teamHint}</p>
      </form>
      {preview && !preview.ok && (
        <div role="alert">
          <p>{t.fileErrors(source?.name ?? '')}</p>
          <ErrorList errors={preview.errors} limit={20} />
        </div>
      )}
      {preview?.ok && (
        <section aria-label={t.whatChanges} className="preview">
          <p>
            {t.willChange(preview.added.length, preview.updated.length, preview.unchanged)}
            {preview.ignoredRules > 0 && t.rulesIgnored(preview.ignoredRules)}.
          </p>
          {preview.updated.length > 0 && (
            <ul>
              {preview.updated.slice(0, 20).map(({ before, after }) => (
                <li key={after.id}>
                  «{before.title}» → «{after.title}»
                </li>
              ))}
            </ul>
          )}
          {preview.conflicts.length > 0 && (
            <fieldset>
              <legend>{t.conflicts(preview.conflicts.length)}</legend>
              <ul>
                {preview.conflicts.slice(0, 20).map((conflict) => (
                  <li key={`${conflict.incoming.id}:${conflict.reason}`}>
                    {t.conflict(
                      conflict.incoming.title,
                      conflict.reason === 'same-title' ? t.sameTitle : t.sameShortcut,
                      conflict.existing.title,
                    )}
                  </li>
                ))}
              </ul>
              <label className="inline">
                <input type="radio" checked={conflicts === 'skip'} onChange={() => setConflicts('skip')} /> {t.skip}
              </label>
              <label className="inline">
                <input type="radio" checked={conflicts === 'import'} onChange={() => setConflicts('import')} />{' '}
                {t.importAnyway}
              </label>
            </fieldset>
          )}
          <button type="button" className="primary" onClick={() => void apply()}>
            {t.import}
          </button>
        </section>
      )}
      {message && <p role="status">{message}</p>}
    </details>
  );
}
