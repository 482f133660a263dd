/**
 * Copies text from the sidebar's frame. The async Clipboard API is refused there: the frame sits in the
 * helpdesk's page, whose permissions policy decides `clipboard-write` for it (Chrome: «blocked because of
 * a permissions policy applied to the current document», crbug.com/414348233), and a page may forbid it
 * outright. `execCommand('copy')` on a selected textarea is not behind that policy in an extension frame,
 * so it is the fallback. Focus goes back to where it was: the search box keeps the agent's keystrokes.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fall through to the selection-based copy.
  }
  const previous = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  previous?.focus?.();
  return copied;
}
