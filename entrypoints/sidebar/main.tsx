import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { Sidebar } from '@/components/sidebar/Sidebar';
import { SidebarGate } from '@/components/sidebar/SidebarGate';
import '@/components/sidebar/sidebar.css';

createRoot(document.getElementById('root')!).render(
  <App>
    <SidebarGate>
      <Sidebar />
    </SidebarGate>
  </App>,
);
