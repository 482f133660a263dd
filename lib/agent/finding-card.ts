import { defineMessages } from '../i18n';
import type { Finding } from '../model';
import { createOwnUiHost } from './own-ui-host';
import { SEVERITY_COLORS, SEVERITY_LABELS } from './severity-colors';

const t = defineMessages({
  ru: { skip: 'Пропустить', label: (phrase: string) => `Замечание Суфлёра: «${phrase}»` },
  en: { skip: 'Skip', label: (phrase: string) => `Sufler finding: “${phrase}”` },
});

export interface FindingCardActions {
  /** Replace the finding's span with suggestion `index`. */
  apply(finding: Finding, index: number): void;
  /** «Пропустить»: ignore this finding once. */
  ignore(finding: Finding): void;
  /** The pointer reached the card: keep it open. */
  hover(): void;
}

export interface FindingCard {
  show(finding: Finding, phrase: string, anchor: DOMRect): void;
  hide(): void;
  readonly shownFinding: Finding | null;
  /** Whether a viewport point is over the card (the pointer moved from the underline onto it). */
  contains(x: number, y: number): boolean;
  destroy(): void;
}

/**
 * The card an underline opens: why the phrasing hurts, better phrasings as one-click buttons, and
 * «Пропустить». Plain DOM in a shadow root (the always-on script stays small); text only, never HTML.
 */
export function createFindingCard(doc: Document, actions: FindingCardActions): FindingCard {
  // Open: it shows one finding the agent pointed at, by a trusted hover or click (live-coach.ts).
  const { host, shadow } = createOwnUiHost(doc, 'card', CARD_CSS, 'open');
  host.hidden = true;
  const card = doc.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'dialog');
  shadow.append(card);
  // Clicks in the card must not take the focus (and the caret) out of the reply box.
  card.addEventListener('mousedown', (event) => event.preventDefault());
  card.addEventListener('pointerenter', () => actions.hover());
  let shown: Finding | null = null;

  const button = (label: string, onClick: () => void, className = '') => {
    const element = doc.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = label;
    element.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      onClick();
    });
    return element;
  };

  return {
    get shownFinding() {
      return shown;
    },
    show(finding, phrase, anchor) {
      shown = finding;
      const title = doc.createElement('p');
      title.className = 'title';
      title.style.setProperty('--severity', SEVERITY_COLORS[finding.severity]);
      title.textContent = `${SEVERITY_LABELS[finding.severity]}: «${phrase}»`;
      const message = doc.createElement('p');
      message.className = 'message';
      message.textContent = finding.message;
      const suggestions = doc.createElement('div');
      suggestions.className = 'suggestions';
      finding.suggestions.slice(0, 3).forEach((suggestion, index) => {
        suggestions.append(button(suggestion, () => actions.apply(finding, index), 'suggestion'));
      });
      const skip = button(t.skip, () => actions.ignore(finding), 'skip');
      card.setAttribute('aria-label', t.label(phrase));
      card.replaceChildren(title, message, suggestions, skip);
      if (!host.isConnected) doc.documentElement.append(host);
      host.hidden = false;
      const width = Math.min(360, doc.documentElement.clientWidth - 16);
      const left = Math.max(8, Math.min(anchor.left, doc.documentElement.clientWidth - width - 8));
      host.style.setProperty('--x', `${left}px`);
      host.style.setProperty('--w', `${width}px`);
      // Below the phrase when it fits, else above it (reply boxes sit at the bottom of most helpdesks).
      const height = card.getBoundingClientRect().height;
      const fitsBelow = anchor.bottom + 6 + height <= doc.documentElement.clientHeight;
      host.style.setProperty('--y', `${fitsBelow ? anchor.bottom + 6 : Math.max(8, anchor.top - 6 - height)}px`);
    },
    hide() {
      shown = null;
      host.hidden = true;
    },
    contains(x, y) {
      if (host.hidden) return false;
      const rect = card.getBoundingClientRect();
      return x >= rect.left && x <= rect.right && y >= rect.top - 8 && y <= rect.bottom;
    },
    destroy() {
      host.remove();
    },
  };
}

const CARD_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  left: var(--x) !important;
  top: var(--y) !important;
  z-index: 2147483647 !important;
  display: block !important;
}
:host([hidden]) { display: none !important; }
.card {
  width: var(--w); box-sizing: border-box; padding: 10px 12px; border-radius: 8px;
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
p { margin: 0 0 6px; }
.title { font-weight: 600; border-left: 3px solid var(--severity); padding-left: 6px; }
.suggestions { display: flex; flex-direction: column; gap: 4px; margin-bottom: 6px; }
button {
  font: inherit; text-align: left; cursor: pointer; border-radius: 6px; padding: 4px 8px;
  border: 1px solid #c9ced6; background: #fff; color: inherit;
}
button.suggestion { background: #edf2ff; border-color: #bac8ff; }
button:hover, button:focus-visible { outline: 2px solid #91a7ff; outline-offset: 1px; }
button.skip { color: #5f6672; }
/* Dark system theme: the sidebar's dark palette (components/theme.css), contrast checked by axe-core. */
@media (prefers-color-scheme: dark) {
  .card { background: #1d1f23; color: #e6e8eb; border-color: #3a3f47; box-shadow: 0 4px 16px rgb(0 0 0 / 50%); }
  button { background: #2a2e35; border-color: #4a505a; }
  button.suggestion { background: #26324d; border-color: #3b4f80; }
  button.skip { color: #b4bcc6; }
}
`;
