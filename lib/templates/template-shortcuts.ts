import { convertLayout } from '../search/fix-keyboard-layout';

/**
 * Template shortcuts («возврат7»): typed after the inline trigger and a space or Tab, a shortcut expands to
 * its template at once. One shortcut should name one template, so duplicates are reported where templates
 * are edited (the options page, `sufler pack check`).
 */

/** How a shortcut is compared: case, ё/е and surrounding spaces do not matter. */
export function normalizeShortcut(text: string): string {
  return text.trim().toLowerCase().replace(/ё/g, 'е');
}

/**
 * The key of the template whose shortcut the query is, as typed or in the other keyboard layout
 * («djpdhfn7» for «возврат7», «кудфтв» for «refund»). `shortcuts` maps normalized shortcuts to keys.
 */
export function matchShortcut(query: string, shortcuts: ReadonlyMap<string, string>): string | null {
  const typed = normalizeShortcut(query);
  if (!typed) return null;
  return (
    shortcuts.get(typed) ??
    shortcuts.get(normalizeShortcut(convertLayout(typed, 'cyrillic'))) ??
    shortcuts.get(normalizeShortcut(convertLayout(typed, 'latin'))) ??
    null
  );
}

/** Templates that share a shortcut (normalized), each group in library order; a shortcut should name one. */
export function findDuplicateShortcuts<T extends { shortcut?: string }>(templates: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const template of templates) {
    if (!template.shortcut) continue;
    const key = normalizeShortcut(template.shortcut);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(template);
    else groups.set(key, [template]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** Normalized shortcut → template key; with duplicates the first template in library order wins. */
export function indexShortcuts(templates: readonly { key: string; shortcut?: string }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const template of templates) {
    const key = template.shortcut ? normalizeShortcut(template.shortcut) : '';
    if (key && !map.has(key)) map.set(key, template.key);
  }
  return map;
}
