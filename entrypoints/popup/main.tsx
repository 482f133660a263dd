import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { PopupView } from '@/components/popup/PopupView';
import '@/components/popup/popup.css';

createRoot(document.getElementById('root')!).render(
  <App>
    <PopupView
      requestOrigins={(origins) => browser.permissions.request({ origins })}
      openOptions={() => void browser.runtime.openOptionsPage()}
    />
  </App>,
);
