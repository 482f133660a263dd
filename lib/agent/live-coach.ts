import { type BoxText, placeRange, readBoxText } from '../editor/box-text';
import { focusReplyBox, isTextControl, type ReplyBox } from '../editor/reply-box';
import { restoreSelection, type SavedSelection, saveSelection, selectionOf } from '../editor/saved-selection';
import { topViewportRect } from '../editor/top-viewport-rect';
import { suggestionEdit } from '../lint/apply-suggestion';
import type { DraftLinter } from '../lint/lint-draft';
import type { Finding, InsertOutcome } from '../model';
import type { FindingCard, FindingCardActions } from './finding-card';
import { isFindingShortcut } from './finding-shortcut';
import type { RangeUnderlines } from './range-underlines';
import type { TextControlMirror } from './text-control-mirror';

export interface LiveCoachDeps {
  /** The card's code is loaded on first use (see agent-ui.ts); `loadCard` builds it then. */
  loadCard(actions: FindingCardActions): Promise<FindingCard>;
  linter(): DraftLinter | null;
  /** The underlines of a textarea or input (text-control-mirror.ts, on demand with the linter); null before. */
  createMirror(box: HTMLTextAreaElement | HTMLInputElement, signal: AbortSignal): TextControlMirror | null;
  /**
   * The underlines of a rich editor's DOM text (range-underlines.ts, on demand with the linter); null before.
   * They watch the box's DOM and call `onTextChange` when its text changed.
   */
  createRangeUnderlines(box: HTMLElement, signal: AbortSignal, onTextChange: () => void): RangeUnderlines | null;
  /** Current findings of the box and its text, after every change (badge counts, the sidebar's «Замечания»). */
  onFindings(findings: readonly Finding[], text: string): void;
  /** Replaces `[start, end)` of the box's text through the editor (undoable in one step). */
  replace(box: ReplyBox, start: number, end: number, range: Range | null, text: string): Promise<InsertOutcome>;
  /** A rule event for the local statistics (no draft text). */
  record(ruleId: string, kind: 'shown' | 'fixed' | 'ignored'): void;
  /** A locked strict team policy or new-hire mode: errors cannot be skipped. */
  errorsLocked?(): boolean;
  /** The title of a template a finding names in `seeAlso` (AgentConfig.seeAlso), for the card's button. */
  template?(id: string): { title: string } | undefined;
  /** That template rendered by the background (the agent holds no template text until it is inserted). */
  renderTemplate?(id: string): Promise<string | null>;
  /** New-hire mode: a long reply with no findings gets the «Хороший ответ» note. */
  praise?(): boolean;
}

export interface LiveCoach {
  /** Follows a new reply box (or none). */
  attach(box: ReplyBox | null): void;
  /** Lints the box right now, synchronously: the send guard's view of the draft. */
  lintNow(): Finding[];
  /** Applies a finding's suggestion, or ignores it once: the sidebar's «Замечания» use these too. */
  apply(finding: Finding, index: number): Promise<void>;
  ignore(finding: Finding): void;
  /**
   * Inserts a `seeAlso` template: for a whole-draft hint at its insertion point (before the reply for
   * «no greeting», after it for «no closing»), else in place of the marked phrase.
   */
  insertTemplate?(finding: Finding, id: string): Promise<void>;
  /**
   * «Исправить» in the send guard: the caret goes to the end of the first error (the one that held the send;
   * no selection, so the next key cannot overwrite the phrase) and its card opens with the first suggestion
   * focused.
   */
  revealFirst(): void;
}

const HOVER_DELAY_MS = 250;
/**
 * While the agent types inside a word, the draft is not linted (see `DraftLinter.lintTyping`): the word is
 * linted when it ends (a space or punctuation mark is typed) or once the typing pauses this long.
 */
const SETTLE_MS = 300;

/**
 * Live phrasing coach for the focused reply box. On each change (once per frame) the draft is linted, the
 * findings are underlined without touching the editor's DOM (an overlay of our own: range rectangles for
 * DOM text, a mirror of the text for textarea/input) and reported; hovering or clicking an underline opens a
 * card with the why and the better phrasings. Layout is only read in animation frames and pointer handlers,
 * never on a keystroke.
 */
export function createLiveCoach(signal: AbortSignal, deps: LiveCoachDeps): LiveCoach {
  let box: ReplyBox | null = null;
  let boxSignal: AbortController | null = null;
  let mirror: TextControlMirror | null = null;
  let underlines: RangeUnderlines | null = null;
  let text: BoxText = { text: '', rangeOf: () => null, boundsOf: () => null };
  let findings: Finding[] = [];
  /** Where each painted finding is in a rich editor: static, so typing does not update them (box-text.ts). */
  let ranges = new Map<Finding, StaticRange>();
  /** One live Range, moved onto a painted finding when the pointer or the card asks where it is. */
  let probe: Range | null = null;
  /** «Пропустить»: rule + phrase, for as long as the agent stays in this box. */
  const ignored = new Set<string>();
  const seen = new Set<string>();
  let timer = 0;
  let hoverTimer = 0;
  /** A lint is due for a word typed since the last one (`SETTLE_MS`). */
  let settleTimer = 0;
  /** When the box's text last changed: the settle lint waits for a pause this long after it. */
  let lastChange = 0;

  /** Null until the draft first has a finding: most drafts never need the card's code. */
  let card: FindingCard | null = null;
  let cardLoading: Promise<FindingCard> | null = null;
  const loadCard = () => {
    cardLoading ??= deps
      .loadCard({
        apply: (finding, index) => void coach.apply(finding, index),
        ignore: (finding) => coach.ignore(finding),
        hover: () => clearTimeout(hoverTimer),
        close: () => backToBox(),
        next: (backward) => openNext(backward),
        templateTitle: (id) => deps.template?.(id)?.title,
        insertTemplate: (finding, id) => void coach.insertTemplate?.(finding, id),
      })
      .then((loaded) => {
        card = loaded;
        signal.addEventListener('abort', () => loaded.destroy(), { once: true });
        return loaded;
      })
      .catch((error) => {
        cardLoading = null;
        throw error;
      });
    return cardLoading;
  };
  signal.addEventListener('abort', () => detach(), { once: true });

  const phraseOf = (finding: Finding) => text.text.slice(finding.start, finding.end);
  const ignoreKey = (finding: Finding) => `${finding.ruleId}|${phraseOf(finding).toLowerCase()}`;
  /** Under a locked strict policy (and in new-hire mode) an error stays until it is fixed. */
  const canSkip = (finding: Finding) => finding.severity !== 'error' || deps.errorsLocked?.() !== true;
  /** Where the caret was when the card took focus from the keyboard: Escape puts it back. */
  let returnTo: { box: ReplyBox; selection: SavedSelection | null } | null = null;

  function detach() {
    clearTimeout(settleTimer);
    settleTimer = 0;
    ranges = new Map();
    probe = null;
    boxSignal?.abort();
    boxSignal = null;
    mirror?.destroy();
    mirror = null;
    underlines?.destroy();
    underlines = null;
    card?.hide();
    ignored.clear();
  }

  /** The box's findings; `typing`: a keystroke's, which inside a word moves the last findings instead. */
  function lint(typing = false): Finding[] {
    const linter = deps.linter();
    if (!box || !linter) return [];
    text = readBoxText(box);
    let found: Finding[];
    if (typing) {
      const typed = linter.lintTyping(text.text);
      found = typed.findings;
      if (!typed.settled && !settleTimer) settleTimer = setTimeout(settle, SETTLE_MS) as unknown as number;
      else if (typed.settled) cancelSettle();
    } else {
      found = linter.lint(text.text);
      cancelSettle();
    }
    return ignored.size === 0
      ? found
      : found.filter((finding) => !(ignored.has(ignoreKey(finding)) && canSkip(finding)));
  }
  /** The typing paused inside a word: the next frame lints it (the timer is pushed back while keys come). */
  function settle() {
    const quiet = Date.now() - lastChange;
    settleTimer = quiet < SETTLE_MS ? (setTimeout(settle, SETTLE_MS - quiet) as unknown as number) : 0;
    if (!settleTimer && !timer) timer = requestAnimationFrame(() => update(true));
  }
  function cancelSettle() {
    clearTimeout(settleTimer);
    settleTimer = 0;
  }

  /**
   * `inFrame`: run in an animation frame, where the underlines may read layout (see `schedule`). `typing`:
   * for a keystroke, so a letter typed inside a word need not lint (`lint`).
   */
  function update(inFrame = false, typing = false) {
    if (timer) cancelAnimationFrame(timer);
    timer = 0;
    findings = lint(typing);
    // Findings moved while a word is typed were all shown before.
    for (const finding of settleTimer ? [] : findings) {
      const key = `${finding.ruleId}|${phraseOf(finding)}`;
      if (!seen.has(key)) {
        seen.add(key);
        deps.record(finding.ruleId, 'shown');
      }
    }
    if (!box) return;
    if (isTextControl(box)) {
      // The mirror rebuilds only the lines whose text or underlines changed, and while a word is typed may
      // leave its text behind where no underline moves (text-control-mirror.ts).
      mirror?.paint(findings, inFrame && settleTimer !== 0);
    } else {
      ranges = new Map();
      for (const finding of findings) {
        const bounds = text.boundsOf(finding.start, finding.end);
        if (bounds) ranges.set(finding, bounds);
      }
      // Rewrites only the underlines that moved (range-underlines.ts).
      underlines?.paint(
        [...ranges].map(([finding, range]) => ({ severity: finding.severity, range })),
        inFrame,
      );
    }
    const shown = card?.shownFinding;
    if (shown && !findings.some((f) => sameFinding(f, shown))) {
      const focused = card?.hasFocus === true;
      card?.hide();
      if (focused) backToBox();
    }
    if (findings.length > 0 && !card) void loadCard().catch(() => undefined);
    // Praise is for the reply as linted, not for findings left out while a word is typed.
    if (!settleTimer) praise();
    deps.onFindings(findings, text.text);
  }

  /**
   * One update per rendering frame, run in the frame's animation callbacks: the underlines change in the
   * same frame as the keystroke that moved them, so the coach adds no rendering frame of its own (a timer
   * 30 ms later cost a second style, layout and paint per keystroke). Keystrokes faster than frames share
   * one update. Only the rich editor's underlines read layout, here in the frame, where the frame's own
   * layout is due anyway: it happens earlier, not twice.
   */
  const schedule = () => {
    lastChange = Date.now();
    if (!timer) timer = requestAnimationFrame(() => update(true, true));
  };

  const rectsOf = (bounds: StaticRange): ArrayLike<DOMRect> & Iterable<DOMRect> => {
    if (!box) return [];
    probe ??= box.ownerDocument.createRange();
    return placeRange(probe, bounds) ? probe.getClientRects() : [];
  };
  const findingAt = (x: number, y: number): Finding | null => {
    if (mirror) return mirror.findingAt(x, y);
    for (const [finding, bounds] of ranges) {
      for (const rect of rectsOf(bounds)) {
        if (x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 4) return finding;
      }
    }
    return null;
  };
  /** By position: `lintNow` hands out new objects for the findings that were painted. */
  const rectOf = (finding: Finding) => {
    if (mirror) return mirror.rectOf(finding);
    for (const [painted, bounds] of ranges) if (sameFinding(painted, finding)) return rectsOf(bounds)[0] ?? null;
    return null;
  };
  const open = (finding: Finding, focus = false) => {
    const rect = rectOf(finding);
    if (!rect || !box) return;
    const anchor = topViewportRect(rect, box.ownerDocument.defaultView);
    void loadCard()
      .then((loaded) => loaded.show(finding, phraseOf(finding), anchor, { focus, canSkip: canSkip(finding) }))
      .catch(() => undefined);
  };

  /** «Хороший ответ» (new-hire mode): a finished reply of some length with nothing to improve. */
  function praise(): void {
    const good = box !== null && findings.length === 0 && deps.praise?.() === true && isGoodLength(text.text);
    if (!good) {
      card?.goodReply?.(null);
      return;
    }
    const target = box!;
    void loadCard()
      .then((loaded) => {
        if (box !== target) return;
        const rect = target.getBoundingClientRect();
        loaded.goodReply?.(topViewportRect(rect, target.ownerDocument.defaultView));
      })
      .catch(() => undefined);
  }

  /** The card closes; the agent is back in the box with the caret where it was when the card took focus. */
  function backToBox(): void {
    card?.hide();
    const back = returnTo;
    returnTo = null;
    if (!back?.box.isConnected) return;
    focusReplyBox(back.box);
    if (back.selection) restoreSelection(back.box, back.selection);
  }

  /** Opens a finding's card from the keyboard, remembering the caret (unless the card already has focus). */
  function openFocused(finding: Finding): void {
    if (!box) return;
    if (!card?.hasFocus) returnTo = { box, selection: saveSelection(box) };
    // The rectangle is read in a frame: the caret move may have scrolled the box.
    requestAnimationFrame(() => open(finding, true));
  }

  /** Ctrl+. in the card: the next finding in draft order, round. */
  function openNext(backward: boolean): void {
    const current = coach.lintNow();
    if (current.length === 0) {
      backToBox();
      return;
    }
    const shown = card?.shownFinding;
    const at = shown ? current.findIndex((f) => sameFinding(f, shown)) : -1;
    const next = at < 0 ? 0 : (at + (backward ? -1 : 1) + current.length) % current.length;
    openFocused(current[next]);
  }

  /** Ctrl+. in the reply box: the finding at or after the caret (else the first), its card focused. */
  const onShortcut = (event: KeyboardEvent) => {
    if (!event.isTrusted || !box || !isFindingShortcut(event) || !event.composedPath().includes(box)) return;
    const current = coach.lintNow();
    if (current.length === 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const caret = saveSelection(box);
    const offset = caret ? caret.start : 0;
    const list = event.shiftKey ? [...current].reverse() : current;
    const target = event.shiftKey
      ? (list.find((f) => f.end <= offset) ?? list[0])
      : (list.find((f) => f.end >= offset) ?? list[0]);
    openFocused(target);
  };

  // Pointer coordinates are in the box's own frame; the card lives in the top document.
  // Only the agent's own pointer opens a card: a page script dispatching a click or pointermove over the
  // draft would otherwise make us show (and so tell it) a finding's rule text.
  const onPointer = (event: PointerEvent | MouseEvent) => {
    if (findings.length === 0 || !event.isTrusted) return;
    const inTop = topViewportRect(new DOMRect(event.clientX, event.clientY), box?.ownerDocument.defaultView ?? null);
    clearTimeout(hoverTimer);
    if (card?.contains(inTop.x, inTop.y)) return;
    const finding = findingAt(event.clientX, event.clientY);
    if (!finding) {
      if (card?.shownFinding) hoverTimer = setTimeout(() => card?.hide(), HOVER_DELAY_MS) as unknown as number;
      return;
    }
    if (event.type === 'click') open(finding);
    else hoverTimer = setTimeout(() => open(finding), HOVER_DELAY_MS) as unknown as number;
  };

  const coach: LiveCoach = {
    attach(next) {
      if (next === box) return;
      detach();
      box = next;
      if (!box) {
        findings = [];
        deps.onFindings(findings, '');
        return;
      }
      boxSignal = new AbortController();
      const options = { signal: boxSignal.signal, passive: true } as const;
      // Rich editors may change their DOM without an input event (undo, paste handlers): their text is
      // watched, and that alone (an input event would only call `schedule` once more), by one observer:
      // the underlines' own, else ours.
      if (!isTextControl(box)) {
        underlines = deps.createRangeUnderlines(box, boxSignal.signal, schedule);
        if (!underlines) {
          const observer = new MutationObserver(schedule);
          observer.observe(box, { characterData: true, childList: true, subtree: true });
          boxSignal.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
        }
      } else {
        box.addEventListener('input', schedule, options);
        mirror = deps.createMirror(box, boxSignal.signal);
      }
      const view = box.ownerDocument.defaultView!;
      view.addEventListener('pointermove', onPointer, options);
      view.addEventListener('click', onPointer, { capture: true, ...options });
      view.addEventListener('keydown', onShortcut, { capture: true, signal: boxSignal.signal });
      update();
    },
    lintNow() {
      // A pending frame, or underlines that left out a word being typed: painted again with the exact findings.
      if (timer || settleTimer) update();
      else findings = lint();
      return findings;
    },
    async apply(finding, index) {
      const target = box;
      const suggestion = finding.suggestions[index];
      if (!target || suggestion === undefined) return;
      card?.hide();
      const current = lint().find((f) => sameFinding(f, finding));
      const edit = current ? suggestionEdit(text.text, current, index) : null;
      if (!edit) return;
      // The edit may reach past the marked phrase (a name after «Вас обслуживает оператор», a clause).
      const outcome = await deps.replace(target, edit.start, edit.end, text.rangeOf(edit.start, edit.end), edit.text);
      if (outcome.ok) deps.record(finding.ruleId, 'fixed');
      update();
    },
    async insertTemplate(finding, id) {
      const target = box;
      if (!target || !deps.template?.(id) || !finding.seeAlso?.includes(id)) return;
      card?.hide();
      const rendered = await deps.renderTemplate?.(id);
      // Linted after the round trip: the draft may have changed meanwhile.
      const current = lint().find((f) => sameFinding(f, finding));
      if (!rendered || !current || box !== target) return;
      const body = rendered.trim();
      const at = current.replaces?.[0];
      let edit: { start: number; end: number; text: string };
      if (current.hint && at && at.start === at.end) {
        // Before the reply (a greeting) or after it (a closing), as a paragraph of its own.
        edit = at.start <= current.start ? { ...at, text: `${body}\n` } : { ...at, text: `\n\n${body}` };
      } else edit = { start: current.start, end: current.end, text: body };
      const outcome = await deps.replace(target, edit.start, edit.end, text.rangeOf(edit.start, edit.end), edit.text);
      if (outcome.ok) deps.record(finding.ruleId, 'fixed');
      update();
    },
    ignore(finding) {
      // Refused, whoever asks (the card offers no «Пропустить» then; the sidebar's «Замечания» may still).
      if (!canSkip(finding)) return;
      ignored.add(ignoreKey(finding));
      deps.record(finding.ruleId, 'ignored');
      const focused = card?.hasFocus === true;
      card?.hide();
      update();
      if (focused) backToBox();
    },
    revealFirst() {
      const current = coach.lintNow();
      // The error that held the send, not the first warning in text order.
      const first = current.find((finding) => finding.severity === 'error') ?? current[0];
      if (!first || !box) return;
      focusReplyBox(box);
      // A collapsed caret after the phrase: a selected phrase would be replaced by the agent's next key.
      if (isTextControl(box)) box.setSelectionRange(first.end, first.end);
      else {
        const range = text.rangeOf(first.end, first.end);
        const selection = selectionOf(box);
        if (range && selection) {
          selection.removeAllRanges();
          selection.addRange(range);
        }
      }
      returnTo = null;
      openFocused(first);
    },
  };
  return coach;
}

/** Praise is for a reply, not a line: at least this many words, and its last sentence finished. */
const GOOD_REPLY_WORDS = 25;

function isGoodLength(text: string): boolean {
  const trimmed = text.trim();
  return /[.!?…)]$/u.test(trimmed) && (trimmed.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= GOOD_REPLY_WORDS;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.start === b.start && a.end === b.end;
}
