import { whyOf } from '../guard/describe-draft-issues';
import { defineMessages } from '../i18n';
import type { Finding } from '../model';
import { isFindingShortcut } from './finding-shortcut';
import { createOwnUiHost } from './own-ui-host';
import { SEVERITY_COLORS, SEVERITY_LABELS } from './severity-colors';
import { themedDark } from './themed-css';

const t = defineMessages({
  ru: {
    skip: 'Пропустить',
    skipLocked: 'Пропустить нельзя: так решила команда. Исправьте фразу, чтобы отправить ответ.',
    keys: 'Ctrl+. — следующее замечание, Esc — назад к тексту',
    label: (phrase: string) => `Замечание Суфлёра: «${phrase}»`,
    insertTemplate: (title: string) => `Вставить шаблон «${title}»`,
    goodReply: 'Хороший ответ',
    goodReplyWhy: 'Суфлёр не нашёл замечаний: приветствие, следующий шаг и прощание на месте.',
  },
  en: {
    skip: 'Skip',
    skipLocked: 'Cannot be skipped: your team decided so. Fix the phrase to send the reply.',
    keys: 'Ctrl+. — next finding, Esc — back to the text',
    label: (phrase: string) => `Sufler finding: “${phrase}”`,
    insertTemplate: (title: string) => `Insert template “${title}”`,
    goodReply: 'Good reply',
    goodReplyWhy: 'Sufler found nothing to improve: greeting, next step and closing are in place.',
  },
});

export interface FindingCardActions {
  /** Replace the finding's span with suggestion `index`. */
  apply(finding: Finding, index: number): void;
  /** «Пропустить»: ignore this finding once. */
  ignore(finding: Finding): void;
  /** The pointer reached the card: keep it open. */
  hover(): void;
  /** Escape in the card: close it, back to the reply box with the caret where it was. */
  close(): void;
  /** The shortcut again in the card (Ctrl+.; with Shift, backwards): the next finding. */
  next(backward: boolean): void;
  /** The title of a template a finding names in `seeAlso` (undefined: not installed, no button). */
  templateTitle?(id: string): string | undefined;
  /** «Вставить шаблон …»: the template goes where the finding says (live-coach.ts `insertTemplate`). */
  insertTemplate?(finding: Finding, id: string): void;
}

export interface ShowCardOptions {
  /** Move focus into the card, on its first suggestion («Исправить», the keyboard shortcut). */
  focus?: boolean;
  /** False under a locked strict policy for an error: no «Пропустить», the card says why. Default true. */
  canSkip?: boolean;
}

export interface FindingCard {
  show(finding: Finding, phrase: string, anchor: DOMRect, options?: ShowCardOptions): void;
  hide(): void;
  readonly shownFinding: Finding | null;
  /** Focus is in the card (the agent is working in it from the keyboard). */
  readonly hasFocus: boolean;
  /** Whether a viewport point is over the card (the pointer moved from the underline onto it). */
  contains(x: number, y: number): boolean;
  /** New-hire mode: the «Хороший ответ» note under a long reply with no findings (null anchor: hidden). */
  goodReply?(anchor: DOMRect | null): void;
  destroy(): void;
}

/**
 * The card an underline opens: why the phrasing hurts, better phrasings as one-click buttons, and
 * «Пропустить». Plain DOM in a shadow root (the always-on script stays small); text only, never HTML.
 *
 * A non-modal `dialog` named «Суфлёр: …», usable from the keyboard: opened by «Исправить» or Ctrl+. from the
 * reply box with its first suggestion focused (Enter applies it), Tab and the arrows move between its
 * buttons, Ctrl+. goes to the next finding, Escape goes back to the box. Keys in the card never reach the
 * page's shortcuts; only trusted events act.
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
  // New-hire mode's praise: a polite status (read once by screen readers), never focused, nothing to press.
  const note = createOwnUiHost(doc, 'good-reply', NOTE_CSS, 'open');
  note.host.hidden = true;
  const praise = doc.createElement('div');
  praise.className = 'note';
  praise.setAttribute('role', 'status');
  const praiseTitle = doc.createElement('strong');
  praiseTitle.textContent = t.goodReply;
  const praiseWhy = doc.createElement('span');
  praiseWhy.textContent = ` — ${t.goodReplyWhy}`;
  praise.append(praiseTitle, praiseWhy);
  note.shadow.append(praise);

  const buttons = () => [...card.querySelectorAll<HTMLButtonElement>('button')];
  card.addEventListener('keydown', (event) => {
    // The page's shortcuts (bubble listeners on its document) must not act on keys meant for the card.
    event.stopPropagation();
    if (!event.isTrusted) {
      event.preventDefault();
      return;
    }
    const all = buttons();
    const index = all.indexOf(shadow.activeElement as HTMLButtonElement);
    const move = (step: number) => {
      event.preventDefault();
      all[index < 0 ? 0 : (index + step + all.length) % all.length]?.focus();
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      actions.close();
    } else if (event.key === 'Enter' && event.repeat) {
      // The Enter that pressed «Исправить», still held, must not apply a suggestion.
      event.preventDefault();
    } else if (isFindingShortcut(event)) {
      event.preventDefault();
      actions.next(event.shiftKey);
    } else if (event.key === 'Tab') move(event.shiftKey ? -1 : 1);
    else if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
  });
  for (const type of ['keyup', 'keypress']) card.addEventListener(type, (event) => event.stopPropagation());

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
    get hasFocus() {
      return !host.hidden && shadow.activeElement !== null;
    },
    show(finding, phrase, anchor, options = {}) {
      shown = finding;
      const title = doc.createElement('p');
      title.className = 'title';
      title.style.setProperty('--severity', SEVERITY_COLORS[finding.severity]);
      title.textContent = `${SEVERITY_LABELS[finding.severity]}: «${phrase}»`;
      const message = doc.createElement('p');
      message.className = 'message';
      message.id = 'sufler-card-message';
      // About what the agent wrote: the rule's own example phrase is not repeated.
      message.textContent = whyOf(finding.message);
      const suggestions = doc.createElement('div');
      suggestions.className = 'suggestions';
      finding.suggestions.slice(0, 3).forEach((suggestion, index) => {
        suggestions.append(button(suggestion, () => actions.apply(finding, index), 'suggestion'));
      });
      for (const id of finding.seeAlso ?? []) {
        const name = actions.templateTitle?.(id);
        if (name)
          suggestions.append(button(t.insertTemplate(name), () => actions.insertTemplate?.(finding, id), 'template'));
      }
      const parts: HTMLElement[] = [title, message, suggestions];
      if (options.canSkip === false) {
        const locked = doc.createElement('p');
        locked.className = 'locked';
        locked.textContent = t.skipLocked;
        parts.push(locked);
      } else parts.push(button(t.skip, () => actions.ignore(finding), 'skip'));
      const keys = doc.createElement('p');
      keys.className = 'keys';
      keys.textContent = t.keys;
      parts.push(keys);
      card.setAttribute('aria-label', t.label(phrase));
      card.setAttribute('aria-describedby', message.id);
      card.replaceChildren(...parts);
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
      if (options.focus) buttons()[0]?.focus();
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
    goodReply(anchor) {
      if (!anchor) {
        note.host.hidden = true;
        return;
      }
      if (!note.host.isConnected) doc.documentElement.append(note.host);
      note.host.style.setProperty('--x', `${Math.max(8, anchor.left)}px`);
      note.host.style.setProperty('--y', `${Math.min(anchor.bottom + 6, doc.documentElement.clientHeight - 48)}px`);
      note.host.hidden = false;
    },
    destroy() {
      host.remove();
      note.host.remove();
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
.locked { margin: 6px 0 0; color: #5f6672; }
.keys { margin: 8px 0 0; font-size: 12px; color: #5f6672; }
/* Dark system theme: the sidebar's dark palette (components/theme.css), contrast checked by axe-core. */
${themedDark(`  .card { background: #1d1f23; color: #e6e8eb; border-color: #3a3f47; box-shadow: 0 4px 16px rgb(0 0 0 / 50%); }
  button { background: #2a2e35; border-color: #4a505a; }
  button.suggestion { background: #26324d; border-color: #3b4f80; }
  button.skip { color: #b4bcc6; }`)}
`;

const NOTE_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  left: var(--x) !important;
  top: var(--y) !important;
  z-index: 2147483646 !important;
  display: block !important;
  pointer-events: none !important;
}
:host([hidden]) { display: none !important; }
.note {
  max-width: 360px; box-sizing: border-box; padding: 6px 10px; border-radius: 8px;
  background: #f0fff4; color: #1a4d2e; border: 1px solid #8fd19e;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
}
`;
