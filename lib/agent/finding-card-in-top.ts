import type { Finding, FindingCardChoice, FindingCardInTopRequest } from '../model';
import type { FindingCard, FindingCardActions } from './finding-card';

/**
 * Finding cards of a cross-origin frame (a chat widget 96 px high) are drawn in the top page, like its guard
 * dialog: the frame would cut the card off. The frame's agent keeps deciding WHEN a card opens (on the agent's
 * trusted pointer, live-coach.ts) and what its choice does (its coach re-lints before applying); the top
 * page's agent only draws the same card over the frame's box and answers with the choice. The card itself
 * (content, trusted-click buttons) is finding-card.ts, unchanged.
 */

export interface FindingCardRelay {
  /** Through the background to the top frame's agent (`showFindingCardInTop`). */
  show(request: FindingCardInTopRequest): Promise<FindingCardChoice>;
  hide(): Promise<void>;
}

/** The frame's side: a card whose drawing is the top page's. */
export function createFindingCardInTop(relay: FindingCardRelay, actions: FindingCardActions): FindingCard {
  let shown: Finding | null = null;
  /** The card was opened from the keyboard: the focus is in it (in the top page), not in this frame's box. */
  let focused = false;
  /** A newer card (or a hide) makes the answer to an older one moot. */
  let generation = 0;
  const hide = () => {
    if (!shown) return;
    shown = null;
    generation++;
    void relay.hide().catch(() => undefined);
  };
  return {
    get shownFinding() {
      return shown;
    },
    get hasFocus() {
      return shown !== null && focused;
    },
    show(finding, phrase, anchor, options) {
      shown = finding;
      focused = options?.focus === true;
      const mine = ++generation;
      const { left, top, width, height } = anchor;
      relay
        .show({ finding, phrase, anchor: { left, top, width, height }, options })
        .then((choice) => {
          if (mine !== generation) return;
          // The coach asks `hasFocus` while it acts on the choice (to put the caret back): clear it after.
          if (choice.kind === 'apply') actions.apply(finding, choice.index);
          else if (choice.kind === 'ignore') actions.ignore(finding);
          else if (choice.kind === 'close') actions.close();
          else if (choice.kind === 'next') actions.next(choice.backward);
          if (mine === generation) shown = null;
        })
        .catch(() => {
          if (mine === generation) shown = null;
        });
    },
    hide,
    // The card is not in this frame: the pointer cannot be over it here.
    contains: () => false,
    destroy: hide,
  };
}

/**
 * The top page's side: one card for the frames' findings, over the frame the request came from (the focused
 * frame of that origin, else the first frame of that origin; nothing is drawn for an origin no frame has).
 */
export function hostFrameFindingCards(
  doc: Document,
  signal: AbortSignal,
  loadCard: (actions: FindingCardActions) => Promise<FindingCard>,
) {
  let pending: ((choice: FindingCardChoice) => void) | null = null;
  const answer = (choice: FindingCardChoice) => {
    const resolve = pending;
    pending = null;
    resolve?.(choice);
  };
  let card: Promise<FindingCard> | null = null;
  /** The frame the shown card is about: the focus goes back into it after a keyboard choice. */
  let shownFor: HTMLIFrameElement | null = null;
  const choose = (choice: FindingCardChoice) => {
    void theCard().then((loaded) => {
      const hadFocus = loaded.hasFocus;
      loaded.hide();
      // The frame's coach then puts the caret back in its box (or opens the next card there).
      if (hadFocus) shownFor?.focus();
      answer(choice);
    });
  };
  const theCard = () => {
    card ??= loadCard({
      apply: (_, index) => choose({ kind: 'apply', index }),
      ignore: () => choose({ kind: 'ignore' }),
      close: () => choose({ kind: 'close' }),
      next: (backward) => choose({ kind: 'next', backward }),
      hover: () => undefined,
    }).catch((error) => {
      card = null;
      throw error;
    });
    return card;
  };
  // The frame asks to hide when the pointer leaves the underline, which is also when it moves onto the card
  // (out of the frame): the card stays while the pointer is on it and goes once it leaves.
  let hideAsked = false;
  let pointer = { x: -1, y: -1 };
  const view = doc.defaultView!;
  view.addEventListener(
    'pointermove',
    (event) => {
      pointer = { x: event.clientX, y: event.clientY };
      if (!hideAsked || !card) return;
      void card.then((loaded) => {
        if (hideAsked && !loaded.contains(pointer.x, pointer.y)) hideNow(loaded);
      });
    },
    { passive: true, signal },
  );
  const hideNow = (loaded: FindingCard) => {
    hideAsked = false;
    loaded.hide();
    answer({ kind: 'closed' });
  };
  signal.addEventListener(
    'abort',
    () => {
      answer({ kind: 'closed' });
      void card?.then((loaded) => loaded.destroy()).catch(() => undefined);
    },
    { once: true },
  );

  return {
    async show(request: FindingCardInTopRequest): Promise<FindingCardChoice> {
      const frame = frameOf(doc, request.frameOrigin);
      if (!frame) return { kind: 'closed' };
      const loaded = await theCard();
      answer({ kind: 'closed' });
      hideAsked = false;
      const box = frame.getBoundingClientRect();
      const style = view.getComputedStyle(frame);
      const x = box.left + Number.parseFloat(style.borderLeftWidth) + Number.parseFloat(style.paddingLeft);
      const y = box.top + Number.parseFloat(style.borderTopWidth) + Number.parseFloat(style.paddingTop);
      const { left, top, width, height } = request.anchor;
      shownFor = frame;
      loaded.show(request.finding, request.phrase, new DOMRect(x + left, y + top, width, height), request.options);
      return new Promise<FindingCardChoice>((resolve) => {
        pending = resolve;
      });
    },
    hide(): void {
      if (!card) return;
      void card.then((loaded) => {
        if (!loaded.shownFinding) return;
        if (loaded.contains(pointer.x, pointer.y)) hideAsked = true;
        else hideNow(loaded);
      });
    },
  };
}

function frameOf(doc: Document, origin: string | undefined): HTMLIFrameElement | null {
  if (!origin) return null;
  const frames = [...doc.querySelectorAll('iframe')].filter((frame) => {
    try {
      return new URL(frame.src, doc.baseURI).origin === origin;
    } catch {
      return false;
    }
  });
  const active = doc.activeElement;
  return frames.find((frame) => frame === active) ?? frames[0] ?? null;
}
