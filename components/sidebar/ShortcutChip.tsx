import { t } from './messages';

/**
 * A template's shortcut as a key-cap chip with the «/» it is typed with: «/безчека» reads as something to
 * type, where a bare «безчека» next to a title reads as a typo.
 */
export function ShortcutChip({ shortcut }: { shortcut: string }) {
  return (
    <kbd className="shortcut" title={t.shortcut(shortcut)}>
      <span aria-hidden="true">/</span>
      {shortcut}
    </kbd>
  );
}
