import { createOwnUiHost, type OwnUiKind } from '../agent/own-ui-host';
import { themedDark } from '../agent/themed-css';
import { deepActiveElement, focusReplyBox } from '../editor/reply-box';
import { topViewportRect } from '../editor/top-viewport-rect';
import { defineMessages } from '../i18n';
import type { Finding } from '../model';
import { type DraftIssue, type DraftIssues, describeDraftIssues } from './describe-draft-issues';

/** The draft the guard speaks about: its text and the findings to show (errors and placeholders hold it). */
export interface GuardReport {
  text: string;
  findings: readonly Finding[];
}

export interface GuardDialogOptions extends GuardReport {
  /** Strict mode (new hires): no «Отправить всё равно», the text says sending is blocked. */
  strict?: boolean;
  /** «Исправить» or Escape; focus is already back in the page (the agent then selects the first finding). */
  onFix(): void;
  /** «Отправить всё равно» (confirm mode only); the agent calls `held.resend()`. */
  onSendAnyway(): void;
  /**
   * «Новая строка»: offered for a held plain Enter in a box whose Enter meaning is not known yet (also in
   * strict mode): the agent meant a line break; the agent calls `held.newLine()`.
   */
  onNewLine?(): void;
  /** Aborting closes the dialog without calling either. */
  signal?: AbortSignal;
}

export interface GuardDialog {
  readonly isOpen: boolean;
  /** Closes without calling either callback (a newer held send replaced it, the agent stopped). */
  close(): void;
}

const t = defineMessages({
  ru: {
    fix: 'Исправить',
    sendAnyway: 'Отправить всё равно',
    newLine: 'Новая строка',
    strict: 'Отправка заблокирована, пока в ответе есть ошибки. Исправьте их, чтобы отправить.',
    confirm: 'Исправьте ответ или отправьте его как есть.',
    sentWithIssues: (title: string) => `Отправлено с замечаниями. ${title}.`,
    errors: (count: number) => `Ошибки: ${count}`,
    warnings: (count: number) => `Замечания: ${count}`,
    showMore: (count: number) => `Показать ещё ${count}`,
  },
  en: {
    fix: 'Fix',
    sendAnyway: 'Send anyway',
    newLine: 'New line',
    strict: 'Sending is blocked while the reply has errors. Fix them to send.',
    confirm: 'Fix the reply or send it as it is.',
    sentWithIssues: (title: string) => `Sent with findings. ${title}.`,
    errors: (count: number) => `Errors: ${count}`,
    warnings: (count: number) => `Suggestions: ${count}`,
    showMore: (count: number) => `Show ${count} more`,
  },
});
/** More errors than this make the dialog a wall of text; the rest are behind an expander. */
const MAX_ERRORS = 4;

const openDialogs = new WeakMap<Document, GuardDialog>();

/**
 * The confirm dialog for a held send, in the page, in an open shadow root (no library data in it; tests and
 * assistive tech reach it). A modal `<dialog>` (top layer, the page inert behind it) with
 * `role="alertdialog"`, named by the summary, described by the mode sentence and the list of findings.
 * Focus goes to «Исправить» (a second Enter from an impatient agent fixes, never sends), stays in the
 * dialog (Tab cycles), Escape = «Исправить»; on close focus returns to where the agent was.
 */
export function showGuardDialog(doc: Document, options: GuardDialogOptions): GuardDialog {
  openDialogs.get(doc)?.close();
  const issues = describeDraftIssues(options.text, options.findings);
  const returnTo = deepActiveElement(doc);
  const { host, shadow } = createHost(doc, 'guard-dialog', DIALOG_CSS);

  const dialog = el(doc, 'dialog', { role: 'alertdialog', 'aria-modal': 'true' }) as HTMLDialogElement;
  const title = el(doc, 'h2', { id: 'sufler-guard-title' }, issues.title);
  const sentence = el(doc, 'p', { id: 'sufler-guard-mode' }, options.strict ? t.strict : t.confirm);
  const list = issueList(doc, issues, options.strict === true);
  dialog.setAttribute('aria-labelledby', title.id);
  dialog.setAttribute('aria-describedby', `${sentence.id} ${list.id}`);
  const fix = el(doc, 'button', { type: 'button', class: 'fix' }, t.fix);
  const actions = el(doc, 'div', { class: 'actions' });
  actions.append(fix);
  const buttons: HTMLElement[] = [fix];
  if (options.onNewLine) {
    const onNewLine = options.onNewLine;
    const newLine = el(doc, 'button', { type: 'button', class: 'newline' }, t.newLine);
    actions.append(newLine);
    buttons.push(newLine);
    newLine.addEventListener('click', (event) => {
      if (event.isTrusted) finish(onNewLine);
    });
  }
  if (!options.strict) {
    const send = el(doc, 'button', { type: 'button', class: 'send' }, t.sendAnyway);
    actions.append(send);
    buttons.push(send);
    // Only the agent sends: a page script's `.click()` (the root is open) is not a trusted event.
    send.addEventListener('click', (event) => {
      if (event.isTrusted) finish(options.onSendAnyway);
    });
  }
  fix.addEventListener('click', (event) => {
    if (event.isTrusted) finish(options.onFix);
  });
  dialog.append(title, sentence, list, actions);
  shadow.append(dialog);

  let isOpen = true;
  const life = new AbortController();
  const close = () => {
    if (!isOpen) return;
    isOpen = false;
    life.abort();
    if (openDialogs.get(doc) === handle) openDialogs.delete(doc);
    host.remove();
  };
  function finish(then: () => void): void {
    if (!isOpen) return;
    close();
    if (returnTo?.isConnected) focusReplyBox(returnTo as HTMLElement);
    then();
  }

  // Keys stay ours: the page's shortcuts (bubble listeners) must not act on what the agent types here.
  dialog.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (!event.isTrusted) {
      event.preventDefault();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(options.onFix);
    } else if (event.key === 'Enter' && event.repeat) {
      // The agent still holding the Enter that was held must not press a button.
      event.preventDefault();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      // The expanders too: the agent opens the rest of the list from the keyboard.
      const stops = [...dialog.querySelectorAll<HTMLElement>('summary'), ...buttons];
      const index = stops.indexOf(shadow.activeElement as HTMLElement);
      const next = (index + (event.shiftKey ? -1 : 1) + stops.length) % stops.length;
      (index < 0 ? fix : stops[next]).focus();
    }
  });
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    finish(options.onFix);
  });
  // Keep the page's selection (a contenteditable's caret) where it is when a button is clicked.
  dialog.addEventListener('mousedown', (event) => {
    if (event.target !== dialog) event.preventDefault();
  });
  for (const type of ['keyup', 'keypress']) dialog.addEventListener(type, (event) => event.stopPropagation());

  doc.documentElement.append(host);
  dialog.showModal();
  fix.focus();
  // Focus that leaves anyway (a page script focusing its own box) is brought back.
  doc.addEventListener(
    'focusin',
    (event) => {
      if (event.target !== host) fix.focus();
    },
    { capture: true, signal: life.signal },
  );
  options.signal?.addEventListener('abort', close, { once: true, signal: life.signal });

  const handle: GuardDialog = {
    get isOpen() {
      return isOpen;
    },
    close,
  };
  openDialogs.set(doc, handle);
  return handle;
}

export interface GuardNoticeOptions extends GuardReport {
  /** The reply box: the notice appears just above it (below, when there is no room). */
  near: Element | null;
  /** How long it stays (default 5 s). */
  durationMs?: number;
  signal?: AbortSignal;
}

const openNotices = new WeakMap<Document, () => void>();

/**
 * Warn mode: the send went through; a polite live region near the reply box says what was in it, and
 * disappears by itself. Never takes focus.
 */
export function showGuardNotice(doc: Document, options: GuardNoticeOptions): { close(): void } {
  openNotices.get(doc)?.();
  const issues = describeDraftIssues(options.text, options.findings);
  const { host, shadow } = createHost(doc, 'guard-notice', NOTICE_CSS);
  const status = el(doc, 'div', { role: 'status', 'aria-live': 'polite' });
  shadow.append(status);
  const rect = rectInTopDocument(options.near);
  if (rect) {
    const above = rect.top >= 56;
    host.style.setProperty('--x', `${Math.max(8, Math.round(rect.left))}px`);
    host.style.setProperty('--y', `${Math.round(above ? rect.top - 8 : rect.bottom + 8)}px`);
    host.toggleAttribute('data-above', above);
  }
  doc.documentElement.append(host);
  // Text set after insertion, so screen readers announce the change.
  const fill = setTimeout(() => {
    status.textContent = t.sentWithIssues(issues.title);
  }, 30);
  const timer = setTimeout(() => close(), options.durationMs ?? 5_000);
  const close = () => {
    clearTimeout(fill);
    clearTimeout(timer);
    host.remove();
    if (openNotices.get(doc) === close) openNotices.delete(doc);
  };
  openNotices.set(doc, close);
  options.signal?.addEventListener('abort', close, { once: true });
  return { close };
}

/**
 * What holds the send, then the rest, apart: errors and placeholders under their own heading (the title's
 * count), warnings and hints behind an expander with their count; one line each — the agent's phrase once,
 * the why in a few words. More errors than fit are behind «Показать ещё N».
 */
function issueList(doc: Document, issues: DraftIssues, strict: boolean): HTMLElement {
  const list = el(doc, 'div', { id: 'sufler-guard-list', class: 'list' });
  const blocking = issues.items.filter((issue) => issue.severity === 'error' || issue.placeholder);
  const rest = issues.items.filter((issue) => !blocking.includes(issue));
  const line = (issue: DraftIssue) => {
    const item = el(doc, 'li', { class: issue.placeholder ? 'placeholder' : issue.severity });
    item.append(el(doc, 'span', { class: 'phrase' }, `«${issue.phrase}»`), ` — ${issue.short}`);
    return item;
  };
  if (blocking.length > 0) {
    // A label, not a heading: the dialog has one heading, its title.
    list.append(el(doc, 'p', { class: 'section', id: 'sufler-guard-errors' }, t.errors(blocking.length)));
    const errors = el(doc, 'ul', { class: 'errors', 'aria-labelledby': 'sufler-guard-errors' });
    errors.append(...blocking.slice(0, MAX_ERRORS).map(line));
    list.append(errors);
    if (blocking.length > MAX_ERRORS) {
      const more = el(doc, 'details', { class: 'more' });
      const hidden = blocking.length - MAX_ERRORS;
      more.append(el(doc, 'summary', {}, t.showMore(hidden)));
      const tail = el(doc, 'ul', { class: 'errors' });
      tail.append(...blocking.slice(MAX_ERRORS).map(line));
      more.append(tail);
      list.append(more);
    }
  }
  if (rest.length > 0) {
    // In strict mode only errors hold the send: the warnings wait behind the expander, closed.
    const warnings = el(doc, 'details', { class: 'warnings' });
    if (!strict && blocking.length === 0) warnings.setAttribute('open', '');
    warnings.append(el(doc, 'summary', {}, t.warnings(rest.length)));
    const items = el(doc, 'ul', {});
    items.append(...rest.map(line));
    warnings.append(items);
    list.append(warnings);
  }
  return list;
}

/** The box's rectangle in the top document's viewport (a box in a same-origin frame is offset by it). */
function rectInTopDocument(element: Element | null): DOMRect | null {
  if (!element?.isConnected) return null;
  return topViewportRect(element.getBoundingClientRect(), element.ownerDocument.defaultView);
}

/** Open: it appears only after the agent's own send and says what the agent must see at that moment. */
function createHost(doc: Document, kind: OwnUiKind, css: string) {
  return createOwnUiHost(doc, kind, css, 'open');
}

function el(doc: Document, tag: string, attributes: Record<string, string>, text?: string): HTMLElement {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

// `:host { all: initial !important }` beats even a page's `* { all: unset !important }` (important rules of
// the shadow tree win over the page's); inside the shadow root page CSS cannot reach.
const FONT = 'font: 14px/1.45 system-ui, sans-serif; color: #1f2328;';

const DIALOG_CSS = `
:host {
  all: initial !important; display: block !important; position: fixed !important; top: 0 !important;
  left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important;
}
dialog {
  box-sizing: border-box; max-width: min(520px, calc(100vw - 32px)); max-height: calc(100vh - 32px);
  overflow: auto; margin: auto; padding: 20px 22px; border: 0; border-radius: 10px; background: #fff;
  box-shadow: 0 8px 32px rgb(0 0 0 / 30%); color-scheme: light; ${FONT}
}
dialog::backdrop { background: rgb(15 20 30 / 40%); }
h2 { margin: 0 0 8px; font-size: 16px; }
p { margin: 0 0 10px; }
.list { margin: 0 0 16px; }
.section { margin: 8px 0 2px; font-size: 13px; font-weight: 600; color: #59636e; }
ul { margin: 0 0 6px; padding-left: 18px; }
li { margin: 2px 0; }
details { margin: 6px 0 0; }
summary { cursor: pointer; font-size: 13px; font-weight: 600; color: #59636e; }
summary:focus-visible { outline: 2px solid #91a7ff; outline-offset: 2px; }
.phrase { font-weight: 600; color: #b42318; }
.warning .phrase, .info .phrase { color: #9a6700; }
.actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
button { font: inherit; padding: 7px 14px; border-radius: 6px; cursor: pointer; border: 1px solid #d0d7de; background: #f6f8fa; color: inherit; }
.fix { background: #3b5bdb; border-color: #3b5bdb; color: #fff; }
button:focus-visible { outline: 2px solid #91a7ff; outline-offset: 2px; }
/* Dark system theme: the sidebar's dark palette (components/theme.css), contrast checked by axe-core. */
${themedDark(`  dialog { background: #1d1f23; color: #e6e8eb; color-scheme: dark; box-shadow: 0 8px 32px rgb(0 0 0 / 60%); }
  dialog::backdrop { background: rgb(0 0 0 / 55%); }
  .phrase { color: #ff9b8f; }
  .warning .phrase, .info .phrase { color: #f2c069; }
  .more { color: #b4bcc6; }
  button { background: #2a2e35; border-color: #4a505a; }
  .fix { background: #3b5bdb; border-color: #3b5bdb; color: #fff; }`)}
`;

const NOTICE_CSS = `
:host {
  all: initial !important; display: block !important; position: fixed !important; left: var(--x) !important;
  top: var(--y) !important; z-index: 2147483646 !important; pointer-events: none !important;
}
:host(:not([style])) { left: auto !important; top: auto !important; right: 16px !important; bottom: 16px !important; }
:host([data-above]) { transform: translateY(-100%) !important; }
div {
  max-width: 420px; padding: 8px 12px; border-radius: 8px; background: #fff8c5; border: 1px solid #d4a72c;
  box-shadow: 0 2px 10px rgb(0 0 0 / 18%); ${FONT}
}
div:empty { display: none; }
${themedDark(`  div { background: #3a3112; border-color: #9a7b1c; color: #f5e7b8; }`)}
`;
