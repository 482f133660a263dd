import { defineMessages } from '../i18n';
import { checkpointEditorHistory } from './history-checkpoint';
import { focusReplyBox, isTextControl, isWritable, type ReplyBox } from './reply-box';
import { restoreSelection, type SavedSelection } from './saved-selection';
import { blockEditorLineBreaks } from './strategies/block-editor-line-breaks';
import { contenteditableExecCommand } from './strategies/contenteditable-exec-command';
import { type InsertStrategy, type InsertStrategyId, settle } from './strategies/insert-strategy';
import { rangeInsert } from './strategies/range-insert';
import { syntheticPaste } from './strategies/synthetic-paste';
import { textControlExecCommand } from './strategies/text-control-exec-command';
import { textControlValueSetter } from './strategies/text-control-value-setter';
import { type BoxSnapshot, isUnchanged, snapshotReplyBox, textForBox, verifyInsert } from './verify-insert';

export type { InsertStrategyId } from './strategies/insert-strategy';

/**
 * The chain, in the order tried. Text controls: native typing command, then the value setter. Contenteditable:
 * Editor.js blocks first (its paste makes new blocks no undo reaches), then the rich editors' paste path (one
 * model transaction, one undo step), then the native typing command
 * (plain contenteditable, TinyMCE's iframe body), then a pure DOM insert.
 */
export const INSERT_STRATEGIES: readonly InsertStrategy[] = [
  textControlExecCommand,
  textControlValueSetter,
  blockEditorLineBreaks,
  syntheticPaste,
  contenteditableExecCommand,
  rangeInsert,
];

/**
 * Why nothing was inserted. `no-reply-box`: the box is gone from the page; `read-only`: it no longer takes
 * text; `too-long`: the field's maxlength cannot hold the result (a truncated template is worse than none);
 * `rejected`: every strategy ran and the editor stayed unchanged; `partial`: an attempt changed the
 * editor wrongly and could not be fully undone (the agent should look at the box).
 */
export type InsertFailure = 'no-reply-box' | 'read-only' | 'too-long' | 'rejected' | 'partial';

export type InsertResult = { ok: true; strategy: InsertStrategyId } | { ok: false; reason: InsertFailure };

/** What the sidebar tells the agent (it also puts the text on the clipboard). */
export const INSERT_FAILURE_MESSAGES: Record<InsertFailure, string> = defineMessages({
  ru: {
    'no-reply-box': 'Поле ответа не найдено: щёлкните в поле ответа и повторите. Текст скопирован в буфер обмена.',
    'read-only': 'Поле ответа сейчас недоступно для ввода. Текст скопирован в буфер обмена.',
    'too-long': 'Шаблон не помещается в это поле: его длина ограничена. Текст скопирован в буфер обмена.',
    rejected: 'Редактор на этой странице не принял вставку. Текст скопирован — вставьте его через Ctrl+V.',
    partial:
      'Вставка прошла не полностью, и её не удалось отменить. Проверьте поле ответа; текст скопирован в буфер обмена.',
  },
  en: {
    'no-reply-box': 'No reply box found: click in the reply box and try again. The text is on the clipboard.',
    'read-only': 'The reply box does not accept typing right now. The text is on the clipboard.',
    'too-long': 'The template does not fit this box: its length is limited. The text is on the clipboard.',
    rejected: 'The editor on this page did not accept the insert. The text is copied — paste it with Ctrl+V.',
    partial:
      'The insert went in only partly and could not be undone. Check the reply box; the text is on the clipboard.',
  },
});

export interface InsertOptions {
  /** Only these strategies, in chain order (tests use it to prove each one on its fixture). */
  strategies?: readonly InsertStrategyId[];
}

/**
 * Inserts `text` (plain text, `\n` between lines) into the reply box at the saved caret, replacing the saved
 * selection, and verifies it landed in the editor. Each applicable strategy is tried in turn: focus the box,
 * restore the selection, insert, let the editor settle, read back. An attempt that changed the box wrongly is
 * undone before the next one; if it cannot be undone the chain stops with `partial` rather than stack a second
 * insert on top. Never throws.
 */
export async function insertIntoReplyBox(
  target: ReplyBox,
  text: string,
  savedSelection: SavedSelection | null,
  options: InsertOptions = {},
): Promise<InsertResult> {
  if (!target.isConnected) return { ok: false, reason: 'no-reply-box' };
  if (!isWritable(target)) return { ok: false, reason: 'read-only' };
  if (!fitsMaxLength(target, text, savedSelection)) return { ok: false, reason: 'too-long' };
  const chain = INSERT_STRATEGIES.filter(
    (strategy) => strategy.appliesTo(target) && (!options.strategies || options.strategies.includes(strategy.id)),
  );
  for (const strategy of chain) {
    let before: BoxSnapshot | null = null;
    try {
      focusReplyBox(target);
      restoreSelection(target, savedSelection);
      await settle(target);
      before = snapshotReplyBox(target);
      checkpointEditorHistory(target);
      const attempt = await strategy.insert(target, text);
      await settle(target);
      const verdict = verifyInsert(target, before, text);
      if (verdict === 'landed') return { ok: true, strategy: strategy.id };
      if (verdict === 'wrong') {
        await attempt.undo(before);
        await settle(target);
        if (!isUnchanged(target, before)) return { ok: false, reason: 'partial' };
      }
    } catch {
      // A strategy that threw (an editor's handler blew up, the box vanished) did not land; if it left the box
      // changed there is nothing safe to stack on top of it.
      if (!target.isConnected) return { ok: false, reason: 'no-reply-box' };
      if (before && !isUnchanged(target, before)) return { ok: false, reason: 'partial' };
    }
  }
  return { ok: false, reason: 'rejected' };
}

/** A text control with maxlength would silently truncate the template (execCommand obeys the limit). */
function fitsMaxLength(box: ReplyBox, text: string, saved: SavedSelection | null): boolean {
  if (!isTextControl(box) || box.maxLength < 0) return true;
  const selected = saved?.kind === 'text-control' ? saved.end - saved.start : 0;
  return box.value.length - selected + textForBox(box, text).length <= box.maxLength;
}
