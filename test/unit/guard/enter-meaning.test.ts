// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createEnterMeanings,
  enterHintsOf,
  guessEnterMeaning,
  measureDraft,
  settleEnterMeaning,
} from '@/lib/guard/enter-meaning';

/**
 * How the guard knows what a plain Enter does in a box: guessed before the first press from what the page
 * says (the demo's «Ctrl+Enter — отправить», a ticket form, `enterkeyhint`), learnt from the presses it
 * lets through. The markup is the repo's fixture and demo pages, cut to the reply box.
 */

const box = (selector = '[data-testid="box"]') => document.querySelector(selector) as HTMLElement;

describe('settleEnterMeaning (what one press taught)', () => {
  it('a shorter draft after Enter: the page sent it', () => {
    expect(settleEnterMeaning({ length: 40, lines: 1 }, { length: 0, lines: 1 }, false)).toBe('send');
  });
  it('one more line: a new line', () => {
    expect(settleEnterMeaning({ length: 40, lines: 1 }, { length: 41, lines: 2 }, false)).toBe('newline');
  });
  it('prevented and unchanged: a send the page finishes later', () => {
    expect(settleEnterMeaning({ length: 40, lines: 1 }, { length: 40, lines: 1 }, true)).toBe('send');
  });
  it('nothing changed and nothing prevented: nothing learnt', () => {
    expect(settleEnterMeaning({ length: 40, lines: 1 }, { length: 40, lines: 1 }, false)).toBeUndefined();
  });
});

describe('guessEnterMeaning (before the first press)', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('the demo helpdesk: its placeholder says «Ctrl+Enter — отправить», so Enter is a new line', () => {
    document.body.innerHTML =
      '<textarea data-testid="box" placeholder="Напишите ответ… (Ctrl+Enter — отправить)"></textarea>';
    expect(guessEnterMeaning(enterHintsOf(box()))).toBe('newline');
  });

  it('a ticket form with a submit button (the guard helpdesk fixture): a new line', () => {
    document.body.innerHTML = `<form><label>Ответ клиенту <textarea data-testid="box"></textarea></label>
      <button type="submit">Отправить ответ</button></form>`;
    expect(guessEnterMeaning(enterHintsOf(box()))).toBe('newline');
  });

  it('the chat fixture (no form, no hint): unknown, so the first dirty Enter is held', () => {
    document.body.innerHTML = '<textarea data-testid="box" aria-label="Сообщение" placeholder="Сообщение"></textarea>';
    expect(guessEnterMeaning(enterHintsOf(box()))).toBeUndefined();
  });

  it('a chat that says «Enter — отправить, Shift+Enter — новая строка» in its description: send', () => {
    document.body.innerHTML = `<p id="hint">Enter — отправить, Shift+Enter — новая строка</p>
      <textarea data-testid="box" aria-describedby="hint"></textarea>`;
    expect(guessEnterMeaning(enterHintsOf(box()))).toBe('send');
  });

  it('enterkeyhint decides over the rest', () => {
    document.body.innerHTML = `<form><textarea data-testid="box" enterkeyhint="send"></textarea><button>Send</button></form>
      <div contenteditable="true" role="textbox" data-testid="rich" enterkeyhint="enter"></div>`;
    expect(guessEnterMeaning(enterHintsOf(box()))).toBe('send');
    expect(guessEnterMeaning(enterHintsOf(box('[data-testid="rich"]')))).toBe('newline');
  });

  it('a rich editor textbox: aria-multiline="false" says send; "true" (Slate, CKEditor 4 set it always) says nothing', () => {
    document.body.innerHTML = `<div contenteditable="true" role="textbox" aria-multiline="false" data-testid="one"></div>
      <div contenteditable="true" role="textbox" aria-multiline="true" data-testid="many"></div>
      <div contenteditable="true" data-testid="bare"></div>`;
    expect(guessEnterMeaning(enterHintsOf(box('[data-testid="one"]')))).toBe('send');
    expect(guessEnterMeaning(enterHintsOf(box('[data-testid="many"]')))).toBeUndefined();
    expect(guessEnterMeaning(enterHintsOf(box('[data-testid="bare"]')))).toBeUndefined();
  });

  it('a single-line input always sends (implicit submission)', () => {
    document.body.innerHTML = '<input data-testid="box" placeholder="Ctrl+Enter — отправить">';
    expect(guessEnterMeaning(enterHintsOf(box()))).toBe('send');
  });
});

describe('createEnterMeanings (per box, a press beats a guess)', () => {
  it('learns from a press in a box it could not guess, and keeps it', () => {
    document.body.innerHTML = '<textarea data-testid="box"></textarea>';
    const meanings = createEnterMeanings();
    const textarea = box() as HTMLTextAreaElement;
    textarea.value = 'Здравствуйте!';
    expect(meanings.of(textarea)).toBeUndefined();
    const before = measureDraft(textarea);
    textarea.value = 'Здравствуйте!\n';
    meanings.learn(textarea, before, false);
    expect(meanings.of(textarea)).toBe('newline');
    expect(meanings.learnt(textarea)).toBe(true);
    // Learnt once: a later press that empties the box (the agent cleared it) does not relearn.
    textarea.value = '';
    meanings.learn(textarea, { length: 14, lines: 2 }, false);
    expect(meanings.of(textarea)).toBe('newline');
  });

  it('a guessed new line the page turns out to send on is corrected by the press', () => {
    document.body.innerHTML = '<form><textarea data-testid="box"></textarea><button>Отправить</button></form>';
    const meanings = createEnterMeanings();
    const textarea = box() as HTMLTextAreaElement;
    textarea.value = 'Заказ в пути.';
    expect(meanings.of(textarea)).toBe('newline');
    expect(meanings.learnt(textarea)).toBe(false);
    const before = measureDraft(textarea);
    textarea.value = '';
    meanings.learn(textarea, before, true);
    expect(meanings.of(textarea)).toBe('send');
  });

  it('measures a rich editor by its blocks, without layout', () => {
    document.body.innerHTML = '<div contenteditable="true" data-testid="box"><p>Раз</p><p>Два</p></div>';
    expect(measureDraft(box())).toEqual({ length: 6, lines: 3 });
  });
});
