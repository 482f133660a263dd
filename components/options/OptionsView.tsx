import { useTemplates } from '../queries';

export function OptionsView() {
  const templates = useTemplates();
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: 24, maxWidth: 960, margin: '0 auto' }}>
      <h1>Библиотека Суфлёра</h1>
      {templates.isPending && <p>Загружаю шаблоны…</p>}
      {templates.isError && <p role="alert">Не удалось загрузить шаблоны: {templates.error.message}</p>}
      {templates.data && (
        <table>
          <thead>
            <tr>
              <th>Название</th>
              <th>Категория</th>
              <th>Пакет</th>
            </tr>
          </thead>
          <tbody>
            {templates.data.map((template) => (
              <tr key={template.key}>
                <td>{template.title}</td>
                <td>{template.category}</td>
                <td>{template.packId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
