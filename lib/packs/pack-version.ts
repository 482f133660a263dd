/**
 * Pack versions are free text («2026.11.23», «3.2», «3.10-beta»): compared as a person reads them, digits
 * as numbers (`Intl.Collator` numeric collation: 3.10 is newer than 3.9, 2026.11.2 than 2026.9.30).
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function comparePackVersions(a: string, b: string): number {
  return collator.compare(a.trim(), b.trim());
}

/**
 * A signed pack older than the one installed from the same signer is refused: a man in the middle or a
 * stale mirror could otherwise replay last month's validly signed pack. The lead rolls back on purpose by
 * publishing the older content with `rollbackFrom` set to the version it replaces; a pack marked so is
 * accepted only over exactly that version, so it cannot be replayed after a later release either.
 * Returns a Russian reason, or null when the pack may be installed.
 */
export function rollbackRefusal(
  installedVersion: string | undefined,
  pack: { version: string; rollbackFrom?: string },
): string | null {
  if (installedVersion === undefined || comparePackVersions(pack.version, installedVersion) >= 0) return null;
  if (pack.rollbackFrom !== undefined && pack.rollbackFrom.trim() === installedVersion.trim()) return null;
  return (
    `версия ${pack.version} старше установленной ${installedVersion}: подписанный пакет не откатывается назад ` +
    `без отметки в самом пакете (rollbackFrom: "${installedVersion}")`
  );
}
