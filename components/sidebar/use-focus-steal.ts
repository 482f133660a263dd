import { useEffect } from 'react';

/** A focus loss this soon after a keystroke in the sidebar did not come from the agent's hand on the mouse. */
const TYPING_MS = 1000;
/** Keys that move the focus out on purpose: Tab to the page, Escape back to the reply, Enter to insert. */
const LEAVING_KEYS = new Set(['Tab', 'Escape', 'Enter']);

/**
 * Focus stealing: a page can move the focus out of the sidebar frame into one of its own inputs while the
 * agent types a query, and receive the next keystrokes. The frame cannot keep the focus (the page owns the
 * top document), but it can tell: its window losing the focus within a moment of a keystroke that does not
 * leave on purpose is the page's doing, not the agent's click (which comes after they stop typing).
 */
export function useFocusStealWarning(onStolen: () => void): void {
  useEffect(() => {
    let lastKeyAt = Number.NEGATIVE_INFINITY;
    let lastKey = '';
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      lastKeyAt = performance.now();
      lastKey = event.key;
    };
    const onBlur = () => {
      if (performance.now() - lastKeyAt < TYPING_MS && !LEAVING_KEYS.has(lastKey)) onStolen();
    };
    document.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', onBlur);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', onBlur);
    };
  }, [onStolen]);
}
