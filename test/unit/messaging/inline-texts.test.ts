import { describe, expect, it } from 'vitest';
import { createInlineTexts } from '../../../lib/messaging/inline-texts';
import type { PickerFrameAnswer, StoredTemplate } from '../../../lib/model';

const template = (key: string, body: string, shortcut?: string) =>
  ({
    key,
    id: key,
    packId: 'p',
    title: key,
    body,
    tags: [],
    category: 'Разное',
    shortcut,
    updatedAt: 0,
  }) as unknown as StoredTemplate;

const LIBRARY = [
  template('p/courier', 'Заказ [номер заказа] у курьера, [Имя].', 'курьер7'),
  template('p/other', 'Спасибо!'),
];
const tab = { id: 4, url: 'https://acme.zendesk.com/t/1' };
const sender = { id: 'ext', url: tab.url, tab, frameId: 0 };

function texts(answer: PickerFrameAnswer | null = null) {
  const used: string[] = [];
  const inline = createInlineTexts({
    listTemplates: async () => LIBRARY,
    dataVersion: async () => '1',
    getSettings: async () => ({ agentName: 'Анна' }),
    pageContext: async () => ({ origin: 'https://acme.zendesk.com', conversationKey: tab.url, customerName: 'Ольга' }),
    fillValues: async () => ({ 'номер заказа': 'Д-77' }),
    relayToPicker: async () => answer,
    recordUsage: async ({ templateKey }) => void used.push(templateKey),
    // A rule of the pack names «courier» in `seeAlso`; no rule names «other».
    seeAlsoKey: async (id) => (id === 'p/courier' ? 'p/courier' : undefined),
    now: () => 0,
  });
  return { inline, used };
}

describe('inline texts (the only template text an agent receives)', () => {
  it('expands exactly a shortcut, as typed or in the wrong layout, rendered with the page and the values', async () => {
    const { inline } = texts();
    const rendered = { text: 'Заказ Д-77 у курьера, Ольга.', missing: [] };
    expect(await inline.expandShortcut({ shortcut: 'курьер7' }, sender)).toEqual(rendered);
    expect(await inline.expandShortcut({ shortcut: 'rehmth7' }, sender)).toEqual(rendered);
    // A prefix, a search word or a title is not a shortcut: nothing of the library comes back.
    expect(await inline.expandShortcut({ shortcut: 'курьер' }, sender)).toBeNull();
    expect(await inline.expandShortcut({ shortcut: 'p/other' }, sender)).toBeNull();
  });

  it('renders only the option the picker frame says was chosen, and counts it once it landed', async () => {
    const chosen = texts({ count: 2, height: 80, ready: true, chosen: 'p/courier' });
    expect(await chosen.inline.pickerInput({ query: 'курь', key: 'Enter' }, sender)).toEqual({
      count: 2,
      height: 80,
      ready: true,
      insert: { text: 'Заказ Д-77 у курьера, Ольга.', missing: [] },
    });
    await chosen.inline.inlineInserted(sender);
    await chosen.inline.inlineInserted(sender);
    expect(chosen.used).toEqual(['p/courier']);

    const browsing = texts({ count: 2, height: 80, ready: true });
    expect(await browsing.inline.pickerInput({ query: 'курь', key: 'ArrowDown' }, sender)).toEqual({
      count: 2,
      height: 80,
      ready: true,
    });
    // No picker frame claimed for this agent (yet): nothing shown, ask again.
    expect(await texts(null).inline.pickerInput({ query: 'курь' }, sender)).toEqual({
      count: 0,
      height: 0,
      ready: false,
    });
  });

  it('renders a template a rule names in seeAlso, and nothing for any other id', async () => {
    const { inline } = texts();
    expect(await inline.renderSeeAlso({ id: 'p/courier' }, sender)).toEqual({
      text: 'Заказ Д-77 у курьера, Ольга.',
      missing: [],
    });
    expect(await inline.renderSeeAlso({ id: 'p/other' }, sender)).toBeNull();
  });
});
