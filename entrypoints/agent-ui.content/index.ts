import { provideAgentUi } from '@/lib/agent/agent-ui';
import { createFindingCard } from '@/lib/agent/finding-card';
import { createInlineInsert } from '@/lib/agent/inline-insert';
import { createSidebarHost } from '@/lib/agent/sidebar-host';
import { showGuardDialog, showGuardNotice } from '@/lib/guard/guard-dialog';

export default defineContentScript({
  registration: 'runtime',
  main: () =>
    provideAgentUi({
      createFindingCard,
      showGuardDialog,
      showGuardNotice,
      createSidebarHost,
      createInlineInsert,
    }),
});
