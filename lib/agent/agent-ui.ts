import type { INSERT_FAILURE_MESSAGES, insertIntoReplyBox } from '../editor/insert-into-reply-box';
import type { showGuardDialog, showGuardNotice } from '../guard/guard-dialog';
import type { createDraftLinter, decodeCompiledRules } from '../lint/lint-draft';
import type { withoutRepeatedGreeting } from '../templates/skip-greeting';
import type { createFindingCard } from './finding-card';
import type { createFindingCardInTop, hostFrameFindingCards } from './finding-card-in-top';
import type { createInlineInsert } from './inline-insert';
import type { createPickerHost } from './picker-host';
import type { createRangeUnderlines } from './range-underlines';
import type { createSidebarHost } from './sidebar-host';
import type { startSitePicker } from './site-picker';
import type { createTextControlMirror } from './text-control-mirror';

/**
 * The agent script's on-demand part: the draft linter, the finding card (also the one drawn here for a cross-origin frame), the guard dialog and notice, the
 * sidebar's frame host, the site picker, the insert chain. The linter is here because it is most of the code and
 * only a page where the agent focuses a reply box needs it; the insert chain because an insert always comes after
 * a focused reply box, which has loaded this script already. It is a separate file (`content-scripts/agent-ui.js`), injected into the agent's own frame the first time
 * something needs it, so the always-on script stays small. Both run in the extension's isolated world, which
 * page scripts cannot see, so the hand-over through a global is private.
 */
export interface AgentUi {
  createFindingCard: typeof createFindingCard;
  /** A cross-origin frame's card drawn by the top page's agent: the frame's side and the top's. */
  createFindingCardInTop: typeof createFindingCardInTop;
  hostFrameFindingCards: typeof hostFrameFindingCards;
  showGuardDialog: typeof showGuardDialog;
  showGuardNotice: typeof showGuardNotice;
  createSidebarHost: typeof createSidebarHost;
  createDraftLinter: typeof createDraftLinter;
  decodeCompiledRules: typeof decodeCompiledRules;
  startSitePicker: typeof startSitePicker;
  insertIntoReplyBox: typeof insertIntoReplyBox;
  insertFailureMessages: typeof INSERT_FAILURE_MESSAGES;
  withoutRepeatedGreeting: typeof withoutRepeatedGreeting;
  /** Inline insert in the reply box: the «/» trigger, shortcuts, placeholders; and the picker frame's host. */
  createInlineInsert: typeof createInlineInsert;
  createPickerHost: typeof createPickerHost;
  /** A textarea's underlines: needed only once there is a linter, which comes with this script too. */
  createTextControlMirror: typeof createTextControlMirror;
  /** A rich editor's underlines, for the same reason. */
  createRangeUnderlines: typeof createRangeUnderlines;
}

const KEY = '__suflerAgentUi';

export function provideAgentUi(ui: AgentUi): void {
  (globalThis as Record<string, unknown>)[KEY] = ui;
}

let loading: Promise<AgentUi> | null = null;

/** The UI, injecting it on first use through `inject` (the background's `scripting.executeScript`). */
export function loadAgentUi(inject: () => Promise<unknown>): Promise<AgentUi> {
  const ready = () => (globalThis as Record<string, unknown>)[KEY] as AgentUi | undefined;
  const present = ready();
  if (present) return Promise.resolve(present);
  loading ??= inject()
    .then(() => {
      const ui = ready();
      if (!ui) throw new Error('Интерфейс Суфлёра не загрузился на этой странице');
      return ui;
    })
    .catch((error) => {
      // A failed injection (the frame was navigating, the worker restarting) is tried again next time.
      loading = null;
      throw error;
    });
  return loading;
}
