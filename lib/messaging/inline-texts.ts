import type {
  InlineText,
  PageContext,
  PickerAnswer,
  PickerFrameAnswer,
  PickerInput,
  Settings,
  StoredTemplate,
} from '../model';
import { renderTemplate } from '../templates/render-template';
import { indexShortcuts, matchShortcut } from '../templates/template-shortcuts';
import type { MessageSender } from './register-background';

export interface InlineTextsDeps {
  /** The visible library and its data version (the shortcut index is rebuilt when either changes). */
  listTemplates(): Promise<StoredTemplate[]>;
  dataVersion(): Promise<string>;
  getSettings(): Promise<Settings>;
  /** The sender tab's page context, taught locators included (as the sidebar gets it). */
  pageContext(sender: MessageSender): Promise<PageContext>;
  fillValues(conversation: string): Promise<Record<string, string>>;
  /** The agent's typing, to the picker frame that agent created; null when it has none. */
  relayToPicker(input: PickerInput, sender: MessageSender): Promise<PickerFrameAnswer | null>;
  recordUsage(data: { templateKey: string; site: string }): Promise<void>;
  /** The key of a template a rule names in `seeAlso`, else undefined. */
  seeAlsoKey(id: string): Promise<string | undefined>;
  now(): number;
}

/**
 * Inline insert, background side (issue 13; the agent gets no library, issue 12.8): the agent asks for one
 * template at a time — the shortcut it typed, or the option its picker frame says the agent chose — and
 * receives that template rendered as the sidebar would render it (settings, the page's fields, the fill-in
 * values typed in this conversation). Unfilled placeholders stay as `[name]` and are listed, for the agent to
 * walk with Tab.
 */
export function createInlineTexts(deps: InlineTextsDeps) {
  let shortcuts: { version: string; map: Map<string, string>; byKey: Map<string, StoredTemplate> } | null = null;
  /** Per tab: the template last rendered for it, whose use `inlineInserted` counts once it landed. */
  const lastRendered = new Map<number, { templateKey: string; site: string }>();

  const library = async () => {
    const version = await deps.dataVersion();
    if (shortcuts?.version !== version) {
      const templates = await deps.listTemplates();
      shortcuts = {
        version,
        map: indexShortcuts(templates),
        byKey: new Map(templates.map((template) => [template.key, template])),
      };
    }
    return shortcuts;
  };

  const render = async (template: StoredTemplate, sender: MessageSender): Promise<InlineText> => {
    const [settings, page] = await Promise.all([deps.getSettings(), deps.pageContext(sender)]);
    const values = await deps.fillValues(page.conversationKey).catch(() => ({}));
    const { text, missing } = renderTemplate(template.body, values, {
      agentName: settings.agentName,
      agentGender: settings.agentGender,
      customerName: page.customerName,
      fields: page.fields,
      now: new Date(deps.now()),
    });
    if (sender.tab?.id !== undefined) lastRendered.set(sender.tab.id, { templateKey: template.key, site: page.origin });
    return { text, missing };
  };

  return {
    async expandShortcut({ shortcut }: { shortcut: string }, sender: MessageSender): Promise<InlineText | null> {
      const { map, byKey } = await library();
      const key = matchShortcut(shortcut, map);
      const template = key ? byKey.get(key) : undefined;
      return template ? render(template, sender) : null;
    },

    /** A template a finding's card offers (`seeAlso`), rendered; null for an id no rule names. */
    async renderSeeAlso({ id }: { id: string }, sender: MessageSender): Promise<InlineText | null> {
      const key = await deps.seeAlsoKey(id);
      const template = key ? (await library()).byKey.get(key) : undefined;
      return template ? render(template, sender) : null;
    },

    async pickerInput(input: PickerInput, sender: MessageSender): Promise<PickerAnswer> {
      const answer = await deps.relayToPicker(input, sender);
      if (!answer) return { count: 0, height: 0, ready: false };
      const { count, height, chosen, ready } = answer;
      const template = chosen ? (await library()).byKey.get(chosen) : undefined;
      return template ? { count, height, ready, insert: await render(template, sender) } : { count, height, ready };
    },

    async inlineInserted(sender: MessageSender): Promise<void> {
      const tabId = sender.tab?.id;
      const last = tabId === undefined ? undefined : lastRendered.get(tabId);
      if (!last || tabId === undefined) return;
      lastRendered.delete(tabId);
      await deps.recordUsage(last);
    },
  };
}
