import { followFrames } from '../editor/follow-frames';
import { focusReplyBox, isTextArea, isTextInput, type ReplyBox } from '../editor/reply-box';
import { restoreSelection, saveSelection } from '../editor/saved-selection';
import { isFollowedByParentFrame } from '../editor/track-reply-box';
import { createEnterMeanings, measureDraft } from './enter-meaning';
import { findSendControl, formOf, KNOWN_SEND_CONTROLS, type KnownSendControl } from './find-send-control';
import { newLine, replayClick, replayEnter, replaySubmit } from './replay-send';

/** What the agent did to send: plain Enter, Ctrl/Cmd+Enter, a click on the send control, a form submit. */
export type SendTrigger = 'enter' | 'mod-enter' | 'click' | 'submit';

/**
 * `pass`: let it through untouched (clean draft, or guard off). `notify`: let it through and call
 * `onNotify` (warn mode). `hold`: stop it before the page sees it and call `onHeld` (confirm, strict).
 */
export type SendVerdict = 'pass' | 'notify' | 'hold';

export interface HeldSend {
  box: ReplyBox;
  trigger: SendTrigger;
  /**
   * Performs the original send once, through a one-shot bypass: re-clicks the control, re-dispatches the
   * key on the box (then does what the browser would have done by default, if the page did not prevent it),
   * or re-submits the form. Returns false if it had already run or the box is gone.
   */
  resend(): boolean;
  /**
   * Set for a held plain Enter in a box whose Enter meaning is not known yet (no hint, no press learnt):
   * types the line break instead (no key event reaches the page, so nothing can send) and remembers that this
   * box's Enter is a new line. The dialog's «Новая строка» — also in strict mode, where nothing may send.
   */
  newLine?(): boolean;
}

export interface InterceptSendOptions {
  /** The reply box the agent is working in (the tracker's), or null. */
  currentBox(): ReplyBox | null;
  /** Called synchronously inside the event handler: must be a cheap lookup, never async. */
  decide(box: ReplyBox, trigger: SendTrigger): SendVerdict;
  onHeld(held: HeldSend): void;
  /**
   * Warn mode, called synchronously before the page handles the send (the box still holds the draft). A
   * plain Enter in a box not yet known to send may turn out to be a new line: at most once per box.
   */
  onNotify?(box: ReplyBox, trigger: SendTrigger): void;
  /** Exact send controls for known helpdesks (default: KNOWN_SEND_CONTROLS). */
  knownControls?: readonly KnownSendControl[];
}

/**
 * After «Отправить всё равно», the page's own follow-ups of that send (a click handler that submits the form
 * a moment later) are not held again: same box, same draft, within this time.
 */
const APPROVAL_MS = 1_000;

/**
 * Holds back the agent's send while `decide` says so. Listens in the capture phase on the window, which
 * runs before any listener of the page on the document or on elements (the agent script registers at
 * document_start, so also before the page's own capture listeners on the window).
 *
 * Frames are followed as the editor tracker follows them (lib/editor/follow-frames.ts): in a frame whose parent
 * is same-origin this does nothing — the parent's guard attaches the same listeners to the frame's window when
 * focus enters it, again after each load or rewrite of its document (re-adding is harmless: same listener,
 * same options), so one box is never guarded twice and the dialog appears in the top document. Cross-origin
 * frames guard themselves (their dialog is drawn by the top page's agent).
 *
 * Plain Enter is a send only where the page makes it one (lib/guard/README.md, enter-meaning.ts): in an
 * `<input>` always; elsewhere the box's hints say it before the first press (`enterkeyhint`, «Ctrl+Enter —
 * отправить», a ticket form with a submit button), and the Enters it lets through teach it (a new line
 * appeared → newline; the page prevented it or the draft emptied → send). A new line is never held. When
 * nothing is known it holds: a missed send is worse than one needless dialog, whose «Новая строка» (or
 * «Отправить всё равно») then types the line break after all.
 */
export function interceptSend(doc: Document, signal: AbortSignal, options: InterceptSendOptions): void {
  const top = doc.defaultView;
  if (!top || isFollowedByParentFrame(top)) return;
  const known = options.knownControls ?? KNOWN_SEND_CONTROLS;
  const enterMeaning = createEnterMeanings();
  /** >0 while a resend dispatches: its events (and the submit they cause) pass untouched. */
  let bypass = 0;
  let approved: { box: ReplyBox; draft: string; until: number } | null = null;
  /** The keyup of a held Enter would still reach pages that send on keyup. */
  let swallowEnterUp = false;
  /** pointerdown/mousedown held on a send control; the click that follows opens the dialog. */
  let heldPress: { control: Element; types: string[] } | null = null;

  function verdict(box: ReplyBox, trigger: SendTrigger): SendVerdict {
    if (approved?.box === box && performance.now() < approved.until && draftOf(box) === approved.draft) return 'pass';
    return options.decide(box, trigger);
  }

  let lastNotice = { box: null as ReplyBox | null, at: -Infinity };
  /** One notice per send: a click on a submit button is followed by the form's submit. */
  function notify(box: ReplyBox, trigger: SendTrigger): void {
    const now = performance.now();
    if (lastNotice.box === box && now - lastNotice.at < 500) return;
    lastNotice = { box, at: now };
    options.onNotify?.(box, trigger);
  }

  function hold(event: Event, box: ReplyBox, trigger: SendTrigger, replay: () => void, restore?: () => void): void {
    event.preventDefault();
    event.stopImmediatePropagation();
    let used = false;
    const typeNewLine =
      trigger === 'enter' && restore && !enterMeaning.learnt(box)
        ? () => {
            if (used || !box.isConnected) return false;
            used = true;
            enterMeaning.set(box, 'newline');
            restore();
            newLine(box);
            return true;
          }
        : undefined;
    options.onHeld({
      box,
      trigger,
      ...(typeNewLine ? { newLine: typeNewLine } : {}),
      resend() {
        if (used || !box.isConnected) return false;
        used = true;
        approved = { box, draft: draftOf(box), until: performance.now() + APPROVAL_MS };
        bypass++;
        try {
          replay();
        } finally {
          bypass--;
        }
        return true;
      },
    });
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (bypass > 0 || event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    const mod = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    if (!plain && !mod) return;
    const box = options.currentBox();
    const path = event.composedPath();
    if (!box || !path.includes(box)) return;
    const trigger: SendTrigger = plain ? 'enter' : 'mod-enter';
    if (plain && enterMeaning.of(box) === 'newline') {
      // Guessed from the page's hints: confirmed (or corrected, for the next press) by what this one does.
      if (!enterMeaning.learnt(box)) learnFrom(event, box);
      return;
    }
    const decided = verdict(box, trigger);
    if (decided !== 'hold') {
      // Before the page sends (and empties the box), while the agent's findings still describe the draft.
      if (decided === 'notify') notify(box, trigger);
      if (plain && !enterMeaning.learnt(box)) learnFrom(event, box);
      return;
    }
    const target = path[0] as HTMLElement;
    const saved = saveSelection(box);
    const init: KeyboardEventInit = {
      key: event.key,
      code: event.code,
      location: event.location,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      bubbles: true,
      cancelable: true,
      composed: true,
    };
    swallowEnterUp = true;
    const restore = () => {
      focusReplyBox(box);
      restoreSelection(box, saved);
    };
    hold(
      event,
      box,
      trigger,
      () => {
        restore();
        const to = target.isConnected && box.contains(target) ? target : box;
        const before = plain ? measureDraft(box) : null;
        const prevented = replayEnter(to, box, init, plain);
        if (before) enterMeaning.learn(box, before, prevented);
      },
      restore,
    );
  }

  function onKeyUp(event: KeyboardEvent): void {
    if (bypass > 0 || !swallowEnterUp || event.key !== 'Enter') return;
    swallowEnterUp = false;
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  /** The draft as characters, without layout (textContent, not innerText). */
  function draftOf(box: ReplyBox): string {
    return isTextArea(box) || isTextInput(box) ? box.value : (box.textContent ?? '');
  }

  function learnFrom(event: KeyboardEvent, box: ReplyBox): void {
    const before = measureDraft(box);
    // After the page's handlers and the default action (and a React re-render) have run.
    setTimeout(() => enterMeaning.learn(box, before, event.defaultPrevented), 0);
  }

  function sendControlOf(event: MouseEvent, box: ReplyBox): Element | null {
    if (event.button !== 0) return null;
    // The helpdesk's own URL, also for a box in an about:blank editor frame.
    return findSendControl(event.composedPath(), box, (top as Window).location, known);
  }

  /** Some chat widgets send on pointerdown/mousedown (so the editor keeps focus): hold those, quietly. */
  function onPress(event: MouseEvent): void {
    if (bypass > 0) return;
    const box = options.currentBox();
    const control = box && sendControlOf(event, box);
    if (!box || !control || verdict(box, 'click') !== 'hold') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (heldPress?.control !== control) heldPress = { control, types: [] };
    heldPress.types.push(event.type);
  }

  function onClick(event: MouseEvent): void {
    if (bypass > 0) return;
    const press = heldPress;
    heldPress = null;
    const box = options.currentBox();
    const control = box && sendControlOf(event, box);
    if (!box || !control) return;
    const decided = verdict(box, 'click');
    if (decided === 'notify') notify(box, 'click');
    if (decided !== 'hold') return;
    const pressTypes = press?.control === control ? press.types : [];
    hold(event, box, 'click', () => replayClick(control, pressTypes));
  }

  function onSubmit(event: SubmitEvent): void {
    if (bypass > 0) return;
    const form = event.target as HTMLFormElement;
    const box = options.currentBox();
    if (!box || formOf(box) !== form) return;
    const decided = verdict(box, 'submit');
    if (decided === 'notify') notify(box, 'submit');
    if (decided !== 'hold') return;
    const submitter = event.submitter;
    hold(event, box, 'submit', () => replaySubmit(form, submitter));
  }

  function watch(win: Window): void {
    const capture = { capture: true, signal } as const;
    win.addEventListener('keydown', onKeyDown as EventListener, capture);
    win.addEventListener('keyup', onKeyUp as EventListener, capture);
    win.addEventListener('pointerdown', onPress as EventListener, capture);
    win.addEventListener('mousedown', onPress as EventListener, capture);
    win.addEventListener('click', onClick as EventListener, capture);
    win.addEventListener('submit', onSubmit as EventListener, capture);
  }

  followFrames(doc, signal, (followed) => {
    if (followed.defaultView) watch(followed.defaultView);
  });
}
