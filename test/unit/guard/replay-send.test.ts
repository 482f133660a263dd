// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { replayClick, replayEnter, replaySubmit } from '@/lib/guard/replay-send';

/** The held send done again: what the page's own handlers receive. */

describe('replayEnter', () => {
  beforeEach(() => {
    document.body.innerHTML = '<textarea data-testid="box"></textarea>';
  });

  it('hands the page keydown (no keypress once prevented, as browsers do), keyup, with the legacy keyCode', () => {
    const box = document.querySelector('textarea') as HTMLTextAreaElement;
    const seen: string[] = [];
    for (const type of ['keydown', 'keypress', 'keyup']) {
      box.addEventListener(type, (event) => {
        const key = event as KeyboardEvent;
        seen.push(`${type}:${key.key}:${key.keyCode}:${key.ctrlKey}`);
        if (type === 'keydown') event.preventDefault();
      });
    }
    const prevented = replayEnter(
      box,
      box,
      { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true },
      false,
    );
    expect(prevented).toBe(true);
    expect(seen).toEqual(['keydown:Enter:13:true', 'keyup:Enter:13:true']);
  });

  it('a page that lets the key be: not prevented', () => {
    const box = document.querySelector('textarea') as HTMLTextAreaElement;
    const prevented = replayEnter(box, box, { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }, false);
    expect(prevented).toBe(false);
  });
});

describe('replayClick', () => {
  it('replays the held press gesture in order, then the click', () => {
    document.body.innerHTML = '<div role="button" aria-label="Send"></div>';
    const control = document.querySelector('[role=button]') as HTMLElement;
    const seen: string[] = [];
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
      control.addEventListener(type, () => seen.push(type));
    }
    replayClick(control, ['pointerdown', 'mousedown']);
    expect(seen).toEqual(['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
  });

  it('a held click alone is replayed as a click alone', () => {
    document.body.innerHTML = '<button>Отправить</button>';
    const control = document.querySelector('button') as HTMLElement;
    const seen: string[] = [];
    for (const type of ['mousedown', 'click']) control.addEventListener(type, () => seen.push(type));
    replayClick(control, []);
    expect(seen).toEqual(['click']);
  });
});

describe('replaySubmit', () => {
  it('submits the form once, with its submitter', () => {
    document.body.innerHTML = '<form><textarea></textarea><button name="action" value="send">Отправить</button></form>';
    const form = document.querySelector('form') as HTMLFormElement;
    const submitter = form.querySelector('button') as HTMLElement;
    const seen: (string | undefined)[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      seen.push(((event as SubmitEvent).submitter as HTMLButtonElement | null)?.value);
    });
    replaySubmit(form, submitter);
    expect(seen).toEqual(['send']);
  });
});
