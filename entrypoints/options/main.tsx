import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { OptionsView } from '@/components/options/OptionsView';
import '@/components/options/options.css';

createRoot(document.getElementById('root')!).render(
  <App>
    <OptionsView requestOrigins={(origins) => browser.permissions.request({ origins })} />
  </App>,
);
