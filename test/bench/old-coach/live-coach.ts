import type { FindingCard, FindingCardActions } from '../../../lib/agent/finding-card';
import { type BoxText, readBoxText } from '../../../lib/editor/box-text';
import { isTextControl, type ReplyBox } from '../../../lib/editor/reply-box';
import { topViewportRect } from '../../../lib/editor/top-viewport-rect';
import { suggestionEdit } from '../../../lib/lint/apply-suggestion';
import type { DraftLinter } from '../../../lib/lint/lint-draft';
import type { Finding, InsertOutcome } from '../../../lib/model';
import { clearHighlights, paintHighlights } from './paint-highlights';
import { createTextControlMirror, type TextControlMirror } from './text-control-mirror';

export interface LiveCoachDeps {
  /** The card's code is loaded on first use (see agent-ui.ts); `loadCard` builds it then. */
  loadCard(actions: FindingCardActions): Promise<FindingCard>;
  linter(): DraftLinter | null;
  /** Current findings of the box and its text, after every change (badge counts, the sidebar's «Замечания»). */
  onFindings(findings: readonly Finding[], text: string): void;
  /** Replaces `[start, end)` of the box's text through the editor (undoable in one step). */
  replace(box: ReplyBox, start: number, end: number, range: Range | null, text: string): Promise<InsertOutcome>;
  /** A rule event for the local statistics (no draft text). */
  record(ruleId: string, kind: 'shown' | 'fixed' | 'ignored'): void;
}

export interface LiveCoach {
  /** Follows a new reply box (or none). */
  attach(box: ReplyBox | null): void;
  /** Lints the box right now, synchronously: the send guard's view of the draft. */
  lintNow(): Finding[];
  /** Applies a finding's suggestion, or ignores it once: the sidebar's «Замечания» use these too. */
  apply(finding: Finding, index: number): Promise<void>;
  ignore(finding: Finding): void;
  /** Puts the caret on the first finding and opens its card («Исправить» in the send guard). */
  revealFirst(): void;
}

const DEBOUNCE_MS = 30;
const HOVER_DELAY_MS = 250;

/**
 * Live phrasing coach for the focused reply box. On each change (debounced) the draft is linted, the
 * findings are underlined without touching the editor's DOM (Highlight API for DOM text, a mirror overlay
 * for textarea/input) and reported; hovering or clicking an underline opens a card with the why and the
 * better phrasings. Layout is only read in animation frames and pointer handlers, never on a keystroke.
 */
export function createLiveCoach(signal: AbortSignal, deps: LiveCoachDeps): LiveCoach {
  let box: ReplyBox | null = null;
  let boxSignal: AbortController | null = null;
  let mirror: TextControlMirror | null = null;
  let text: BoxText = { text: '', rangeOf: () => null, boundsOf: () => null };
  let findings: Finding[] = [];
  let ranges = new Map<Finding, Range>();
  /** «Пропустить»: rule + phrase, for as long as the agent stays in this box. */
  const ignored = new Set<string>();
  const seen = new Set<string>();
  let timer = 0;
  let hoverTimer = 0;
  /** What the underlines show now: findings and the text up to the last of them. */
  let lastPainted = '';

  /** Null until the draft first has a finding: most drafts never need the card's code. */
  let card: FindingCard | null = null;
  let cardLoading: Promise<FindingCard> | null = null;
  const loadCard = () => {
    cardLoading ??= deps
      .loadCard({
        apply: (finding, index) => void coach.apply(finding, index),
        ignore: (finding) => coach.ignore(finding),
        hover: () => clearTimeout(hoverTimer),
        // The card's keyboard actions came after this copy was frozen; the bench never opens a card.
        close: () => undefined,
        next: () => undefined,
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

  function detach() {
    lastPainted = '';
    boxSignal?.abort();
    boxSignal = null;
    mirror?.destroy();
    mirror = null;
    if (box && !isTextControl(box)) clearHighlights(box.ownerDocument);
    card?.hide();
    ignored.clear();
  }

  function lint(): Finding[] {
    const linter = deps.linter();
    if (!box || !linter) return [];
    text = readBoxText(box);
    return linter.lint(text.text).filter((finding) => !ignored.has(ignoreKey(finding)));
  }

  function update() {
    timer = 0;
    findings = lint();
    for (const finding of findings) {
      const key = `${finding.ruleId}|${phraseOf(finding)}`;
      if (!seen.has(key)) {
        seen.add(key);
        deps.record(finding.ruleId, 'shown');
      }
    }
    if (!box) return;
    // Typing after the last finding changes nothing the highlights show, and their live ranges follow the
    // DOM: skip the repaint (the common case). The mirror always repaints: its text must stay as long as the
    // control's, or a scrolled textarea would misplace the underlines.
    const end = findings.reduce((last, finding) => Math.max(last, finding.end), 0);
    const painted = `${findings.map((f) => `${f.ruleId}:${f.start}:${f.end}`).join()}|${text.text.slice(0, end)}`;
    const rangesLive = [...ranges.values()].every((range) => range.startContainer.isConnected);
    if (!mirror && painted === lastPainted && rangesLive) return;
    lastPainted = painted;
    if (mirror) {
      mirror.paint(findings);
    } else {
      ranges = new Map();
      for (const finding of findings) {
        const range = text.rangeOf(finding.start, finding.end);
        if (range) ranges.set(finding, range);
      }
      paintHighlights(
        box.getRootNode() as Document | ShadowRoot,
        [...ranges].map(([finding, range]) => ({ ...finding, range })),
      );
    }
    const shown = card?.shownFinding;
    if (shown && !findings.some((f) => sameFinding(f, shown))) card?.hide();
    if (findings.length > 0) void loadCard().catch(() => undefined);
    deps.onFindings(findings, text.text);
  }

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS) as unknown as number;
  };

  const findingAt = (x: number, y: number): Finding | null => {
    if (mirror) return mirror.findingAt(x, y);
    for (const [finding, range] of ranges) {
      for (const rect of range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 4) return finding;
      }
    }
    return null;
  };
  const rectOf = (finding: Finding) =>
    mirror ? mirror.rectOf(finding) : (ranges.get(finding)?.getClientRects()[0] ?? null);
  const open = (finding: Finding) => {
    const rect = rectOf(finding);
    if (!rect || !box) return;
    const anchor = topViewportRect(rect, box.ownerDocument.defaultView);
    void loadCard()
      .then((loaded) => loaded.show(finding, phraseOf(finding), anchor))
      .catch(() => undefined);
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
      box.addEventListener('input', schedule, options);
      // Rich editors may change their DOM without an input event (undo, paste handlers): watch the text.
      if (!isTextControl(box)) {
        const observer = new MutationObserver(schedule);
        observer.observe(box, { characterData: true, childList: true, subtree: true });
        boxSignal.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
      } else {
        mirror = createTextControlMirror(box, boxSignal.signal);
      }
      const view = box.ownerDocument.defaultView!;
      view.addEventListener('pointermove', onPointer, options);
      view.addEventListener('click', onPointer, { capture: true, ...options });
      update();
    },
    lintNow() {
      if (timer) update();
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
    ignore(finding) {
      ignored.add(ignoreKey(finding));
      deps.record(finding.ruleId, 'ignored');
      card?.hide();
      update();
    },
    revealFirst() {
      const first = coach.lintNow()[0];
      if (!first || !box) return;
      box.focus();
      if (isTextControl(box)) box.setSelectionRange(first.start, first.end);
      else {
        const range = text.rangeOf(first.start, first.end);
        const selection = box.ownerDocument.getSelection();
        if (range && selection) {
          selection.removeAllRanges();
          selection.addRange(range);
        }
      }
      requestAnimationFrame(() => open(first));
    },
  };
  return coach;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.start === b.start && a.end === b.end;
}
