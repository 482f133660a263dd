import { provideAgentUi } from '@/lib/agent/agent-ui';
import { createFindingCard } from '@/lib/agent/finding-card';
import { createInlineInsert } from '@/lib/agent/inline-insert';
import { createPickerHost } from '@/lib/agent/picker-host';
import { createSidebarHost } from '@/lib/agent/sidebar-host';
import { startSitePicker } from '@/lib/agent/site-picker';
import { showGuardDialog, showGuardNotice } from '@/lib/guard/guard-dialog';
import { createDraftLinter, decodeCompiledRules } from '@/lib/lint/lint-draft';

export default defineContentScript({
  registration: 'runtime',
  // WXT would post its start-up message, extension id included, on the page's window.
  noScriptStartedPostMessage: true,
  main: () =>
    provideAgentUi({
      createFindingCard,
      showGuardDialog,
      showGuardNotice,
      createSidebarHost,
      createDraftLinter,
      decodeCompiledRules,
      startSitePicker,
      createInlineInsert,
      createPickerHost,
    }),
});
