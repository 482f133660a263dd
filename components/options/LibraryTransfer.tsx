import { useState } from 'react';
import type { ConflictChoice, ImportPreview, LibraryFormat } from '@/lib/model';
import { formatDataError } from '@/lib/packs/describe-issues';
import { useLibraryTransfer } from '../queries';
import { ErrorList } from './ErrorList';

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

  const download = async (format: LibraryFormat) => {
    const file = await transfer.exportLibrary.mutateAsync(format);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
    link.download = file.fileName;
    link.click();
    URL.revokeObjectURL(link.href);
    setMessage(`Выгружено шаблонов: ${file.count}`);
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
      setMessage(
        `Импорт завершён: добавлено ${result.added}, обновлено ${result.updated}, пропущено ${result.skipped}`,
      );
      setPreview(null);
      setSource(null);
    } else if (result.status === 'stale') setMessage(result.message);
    else setMessage(result.errors.map(formatDataError).join('\n'));
  };

  return (
    <details className="transfer">
      <summary>Импорт и экспорт моих шаблонов</summary>
      <div className="actions">
        <button type="button" onClick={() => void download('json')}>
          Выгрузить JSON
        </button>
        <button type="button" onClick={() => void download('csv')}>
          Выгрузить CSV
        </button>
        <label className="file">
          Загрузить файл (JSON или CSV)
          <input
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </label>
      </div>
      {preview && !preview.ok && (
        <div role="alert">
          <p>Файл «{source?.name}» не загружен — в нём ошибки, ничего не изменено:</p>
          <ErrorList errors={preview.errors} limit={20} />
        </div>
      )}
      {preview?.ok && (
        <section aria-label="Что изменится" className="preview">
          <p>
            Будет добавлено: {preview.added.length}, обновлено: {preview.updated.length}, без изменений:{' '}
            {preview.unchanged}
            {preview.ignoredRules > 0 && `, правила из файла не импортируются (${preview.ignoredRules})`}.
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
              <legend>Совпадения с шаблонами библиотеки: {preview.conflicts.length}</legend>
              <ul>
                {preview.conflicts.slice(0, 20).map((conflict) => (
                  <li key={`${conflict.incoming.id}:${conflict.reason}`}>
                    «{conflict.incoming.title}» —{' '}
                    {conflict.reason === 'same-title' ? 'такое же название' : 'то же сокращение'}, что у «
                    {conflict.existing.title}»
                  </li>
                ))}
              </ul>
              <label className="inline">
                <input type="radio" checked={conflicts === 'skip'} onChange={() => setConflicts('skip')} /> пропустить
                их
              </label>
              <label className="inline">
                <input type="radio" checked={conflicts === 'import'} onChange={() => setConflicts('import')} /> всё
                равно импортировать
              </label>
            </fieldset>
          )}
          <button type="button" className="primary" onClick={() => void apply()}>
            Импортировать
          </button>
        </section>
      )}
      {message && <p role="status">{message}</p>}
    </details>
  );
}
