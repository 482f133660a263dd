import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { PopupView } from '@/components/popup/PopupView';

createRoot(document.getElementById('root')!).render(
  <App>
    <PopupView />
  </App>,
);
