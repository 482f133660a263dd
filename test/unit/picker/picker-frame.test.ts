// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PickerFrameAnswer, PickerInput, PickerTemplate, UsageStats } from '../../../lib/model';
import { type PickerLibrary, startPickerFrame } from '../../../lib/picker/picker-frame';

const template = (key: string, title: string): PickerTemplate => ({
  key,
  id: key,
  title,
  body: `${title}: ответ клиенту.`,
  tags: [],
  category: 'Разное',
});
const TEMPLATES = [template('p/late', 'Заказ задерживается'), template('p/where', 'Где мой заказ')];
const usedOften = (key: string): UsageStats => ({ [key]: { count: 50, lastUsedAt: Date.now() } });

/** A picker frame on this document whose library the test swaps, as the background's `dataChanged` does. */
async function pickerWith(first: PickerLibrary) {
  document.body.replaceChildren();
  let library = first;
  let handler: (input: PickerInput) => PickerFrameAnswer = () => ({ count: 0, height: 0, ready: false });
  let reload: () => void = () => undefined;
  await startPickerFrame(document, {
    token: 't',
    claim: async () => true,
    load: async () => library,
    listen: (listen) => {
      handler = listen;
    },
    onChange: (listen) => {
      reload = listen;
    },
  });
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(check()).toBe(true);
  };
  const ready = () => handler({ query: null }).ready;
  await until(ready);
  const selected = () =>
    [...document.querySelectorAll('[role="option"]')]
      .filter((option) => option.getAttribute('aria-selected') === 'true')
      .map((option) => option.querySelector('.title')?.textContent);
  return {
    type: (input: PickerInput) => handler(input),
    selected,
    /** The library changes under an open list; resolves once the frame is ready with it. */
    change: async (next: PickerLibrary) => {
      library = next;
      const before = document.documentElement.hasAttribute('data-ready');
      document.documentElement.removeAttribute('data-ready');
      reload();
      await until(() => document.documentElement.hasAttribute('data-ready'));
      return before;
    },
  };
}

describe('inline picker frame', () => {
  it('shows the best match active again when the library grows under a list the agent has not moved in', async () => {
    const picker = await pickerWith({ templates: TEMPLATES, usage: usedOften('p/late'), lexicons: [] });
    picker.type({ query: 'заказ' });
    expect(picker.selected()).toEqual(['Заказ задерживается']);
    await picker.change({ templates: TEMPLATES, usage: usedOften('p/where'), lexicons: [] });
    // Now the other template ranks first; Enter must insert what the agent sees first.
    const options = [...document.querySelectorAll('[role="option"] .title')].map((title) => title.textContent);
    expect(options[0]).toBe('Где мой заказ');
    expect(picker.selected()).toEqual(['Где мой заказ']);
  });

  it('keeps the option the agent moved to when the library changes under the list', async () => {
    const picker = await pickerWith({ templates: TEMPLATES, usage: usedOften('p/late'), lexicons: [] });
    picker.type({ query: 'заказ' });
    picker.type({ query: 'заказ', key: 'ArrowDown' });
    expect(picker.selected()).toEqual(['Где мой заказ']);
    await picker.change({ templates: TEMPLATES, usage: usedOften('p/late'), lexicons: [] });
    expect(picker.selected()).toEqual(['Где мой заказ']);
  });
});
