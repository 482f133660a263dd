import { provideAgentUi } from '@/lib/agent/agent-ui';
import { createFindingCard } from '@/lib/agent/finding-card';
import { createFindingCardInTop, hostFrameFindingCards } from '@/lib/agent/finding-card-in-top';
import { createInlineInsert } from '@/lib/agent/inline-insert';
import { createPickerHost } from '@/lib/agent/picker-host';
import { createRangeUnderlines } from '@/lib/agent/range-underlines';
import { createSidebarHost } from '@/lib/agent/sidebar-host';
import { startSitePicker } from '@/lib/agent/site-picker';
import { createTextControlMirror } from '@/lib/agent/text-control-mirror';
import { INSERT_FAILURE_MESSAGES, insertIntoReplyBox } from '@/lib/editor/insert-into-reply-box';
import { showGuardDialog, showGuardNotice } from '@/lib/guard/guard-dialog';
import { createDraftLinter, decodeCompiledRules } from '@/lib/lint/lint-draft';
import { withoutRepeatedGreeting } from '@/lib/templates/skip-greeting';

export default defineContentScript({
  registration: 'runtime',
  // WXT would post its start-up message, extension id included, on the page's window.
  noScriptStartedPostMessage: true,
  main: () =>
    provideAgentUi({
      createFindingCard,
      createFindingCardInTop,
      hostFrameFindingCards,
      showGuardDialog,
      showGuardNotice,
      createSidebarHost,
      createDraftLinter,
      decodeCompiledRules,
      startSitePicker,
      insertIntoReplyBox,
      insertFailureMessages: INSERT_FAILURE_MESSAGES,
      withoutRepeatedGreeting,
      createInlineInsert,
      createPickerHost,
      createTextControlMirror,
      createRangeUnderlines,
    }),
});
