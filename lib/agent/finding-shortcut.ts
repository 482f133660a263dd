/**
 * The keyboard way to the findings: Ctrl+. from the reply box opens the card of the finding at or after the
 * caret, with focus on its first suggestion; Ctrl+. in the card goes to the next one (Ctrl+Shift+. back).
 * By key position (`code`), so it is the same key on the Russian layout (where it types «ю»). Ctrl on
 * macOS too: Cmd+. is the system's «cancel». Its own module: the always-on script needs it, the card's code
 * is loaded on demand.
 */
export function isFindingShortcut(event: KeyboardEvent): boolean {
  return event.code === 'Period' && event.ctrlKey && !event.altKey && !event.metaKey;
}
