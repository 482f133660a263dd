import { type ReplyBox, windowOf } from './reply-box';

/**
 * Editors whose undo history is a list of snapshots taken at moments of their own choosing, not at every
 * change: their Ctrl+Z goes back to the last snapshot, so an insert made after typing would be undone
 * together with that typing (and so would the agent's own Ctrl+V). Before an insert, such an editor is given
 * the moment it takes a snapshot at, so that one Ctrl+Z removes exactly the template.
 *
 * - Summernote (`.note-editable`): `History.recordUndo()` runs on the editable's `mouseup`, after its own
 *   commands and at start-up, never on typing (`recordEveryKeystroke` is off by default); `undo()` first
 *   records the current content, then steps back one snapshot (summernote src/js/editing/History.js,
 *   src/js/module/Editor.js). A `mouseup` on the editable is that moment. Proven by summernote.html.
 */
export function checkpointEditorHistory(box: ReplyBox): void {
  if (box.matches('.note-editable')) {
    box.dispatchEvent(new (windowOf(box).MouseEvent)('mouseup', { bubbles: true, composed: true }));
  }
}
