import { useState } from 'react';
import type { AgentGender, StoredTemplate } from '@/lib/model';
import { parseTemplate, placeholderKind } from '@/lib/templates/parse-template';
import { renderTemplate } from '@/lib/templates/render-template';
import {
  useFillValues,
  useInsertIntoPage,
  usePageContext,
  useSaveFillValues,
  useSaveSettings,
  useSettings,
} from '../queries';
import { copyText } from './copy-text';
import { t } from './messages';

export type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** A template waiting for the values it cannot fill itself. */
export interface Asking {
  template: StoredTemplate;
  names: string[];
  askGender?: { male: string; female: string };
}

/**
 * Choosing a template in the sidebar: render it with what is known (the agent's name and gender, the
 * page's fields, the values typed earlier in this conversation), ask for what is missing, insert it into
 * the reply box through the background, and fall back to the clipboard when the insert fails.
 */
export function useInsertTemplate(setNotice: (notice: Notice) => void) {
  const settings = useSettings();
  const page = usePageContext();
  const insert = useInsertIntoPage();
  const saveSettings = useSaveSettings();
  const [asking, setAsking] = useState<Asking | null>(null);

  const conversation = page.data?.conversationKey;
  const remembered = useFillValues(conversation).data ?? {};
  const saveFillValues = useSaveFillValues();

  const renderFor = (template: StoredTemplate, values: Record<string, string>, gender?: AgentGender) =>
    renderTemplate(template.body, values, {
      agentName: settings.data?.agentName,
      agentGender: gender ?? settings.data?.agentGender,
      customerName: page.data?.customerName,
      fields: page.data?.fields,
      now: new Date(),
    });

  const insertRendered = async (template: StoredTemplate, values: Record<string, string>, gender?: AgentGender) => {
    if (conversation) saveFillValues.mutate({ conversation, values });
    // The agent's own name and gender belong to Настройки: asked once, never per insert.
    const agentName = Object.entries(values).find(
      ([name, value]) => placeholderKind(name) === 'agent-name' && value.trim(),
    );
    if (gender || agentName)
      saveSettings.mutate({
        ...(gender ? { agentGender: gender } : {}),
        ...(agentName ? { agentName: agentName[1].trim() } : {}),
      });
    const { text } = renderFor(template, values, gender);
    setAsking(null);
    try {
      const outcome = await insert.mutateAsync({ text, templateKey: template.key, site: page.data?.origin ?? '' });
      if (outcome.ok) {
        setNotice({
          kind: 'ok',
          text: outcome.skippedGreeting ? t.insertedNoGreeting(template.title) : t.inserted(template.title),
        });
        return;
      }
      // Every failed insert falls back to the clipboard; say so only when the copy really happened.
      const copied = await copyText(text);
      setNotice({
        kind: 'error',
        text: copied
          ? outcome.reason
          : `${outcome.reason.replace(/[^.]*(?:буфер|скопирован|clipboard|copied)[^.]*\.?\s*$/i, '')} ${t.copyFailedToo}`,
      });
    } catch (error) {
      setNotice({ kind: 'error', text: t.insertFailed((error as Error).message) });
    }
  };

  return {
    /** The template waiting for values (the sidebar shows the form), or null. */
    asking,
    /** The values typed earlier in this conversation, the form's starting point. */
    remembered,
    /**
     * Inserts right away when the page and Настройки fill the whole template; otherwise asks for the rest first,
     * each field pre-filled with the value last used in this conversation (the agent confirms it with Enter, or
     * changes it for the customer's other order), never inserted unseen.
     */
    choose(template: StoredTemplate | undefined) {
      if (!template) return;
      const { missing, needsGender } = renderFor(template, {});
      if (missing.length > 0 || needsGender) {
        setAsking({ template, names: missing, askGender: needsGender ? firstGenderForm(template.body) : undefined });
      } else void insertRendered(template, remembered);
    },
    /** The form's answer: the values the agent typed (and the gender chosen), then the insert. */
    submitAsked(values: Record<string, string>, gender?: AgentGender) {
      if (asking) void insertRendered(asking.template, { ...remembered, ...values }, gender);
    },
    cancelAsking: () => setAsking(null),
    async copy(template: StoredTemplate | undefined) {
      if (!template) return;
      const { text, missing } = renderFor(template, remembered);
      if (await copyText(text)) {
        setNotice({
          kind: 'ok',
          text: missing.length ? t.copiedMissing(missing.join(', ')) : t.copied,
        });
      } else {
        setNotice({ kind: 'error', text: t.clipboardRefused });
      }
    },
  };
}

/** The template's first gendered form, to show the agent both choices in their own words. */
function firstGenderForm(body: string): { male: string; female: string } | undefined {
  for (const segment of parseTemplate(body)) if (segment.type === 'gender') return segment;
  return undefined;
}
