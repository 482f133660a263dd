import { sendMessage } from '@/lib/messaging/protocol';
import { useLibraryStatus } from '../queries';

export function PopupView() {
  const status = useLibraryStatus();
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: 12, minWidth: 280 }}>
      <h1 style={{ fontSize: 16, margin: '0 0 8px' }}>Суфлёр</h1>
      {status.isPending && <p>Загружаю библиотеку…</p>}
      {status.isError && <p role="alert">Не удалось открыть библиотеку: {status.error.message}</p>}
      {status.data && (
        <p>
          В библиотеке {status.data.templateCount} шаблонов и {status.data.ruleCount} правил из{' '}
          {status.data.packs.map((pack) => pack.name).join(', ')}.
        </p>
      )}
      <button
        type="button"
        onClick={() => {
          void sendMessage('openSidebar').finally(() => window.close());
        }}
      >
        Открыть панель на этой вкладке
      </button>
    </main>
  );
}
