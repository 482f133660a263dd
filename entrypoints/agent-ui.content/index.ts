import { provideAgentUi } from '@/lib/agent/agent-ui';
import { createFindingCard } from '@/lib/agent/finding-card';
import { createSidebarHost } from '@/lib/agent/sidebar-host';
import { startSitePicker } from '@/lib/agent/site-picker';
import { showGuardDialog, showGuardNotice } from '@/lib/guard/guard-dialog';

export default defineContentScript({
  registration: 'runtime',
  main: () =>
    provideAgentUi({ createFindingCard, showGuardDialog, showGuardNotice, createSidebarHost, startSitePicker }),
});
