import type { AgentGender, PageFields } from '../model';
import { normalizePlaceholderName, parseTemplate } from './parse-template';

/** What fills the known placeholders. `now` is passed in so that rendering stays pure and testable. */
export interface RenderContext {
  agentName?: string;
  agentGender?: AgentGender;
  /** The customer's name when a site profile could read it from the page. */
  customerName?: string;
  /** What the page told (a site profile or a taught site): order number, ticket id, e-mail … */
  fields?: PageFields;
  now: Date;
}

export interface RenderResult {
  text: string;
  /** Placeholder names left unfilled (unique, in order of first appearance); they stay as `[name]` in `text`. */
  missing: string[];
  /** The body has a gendered form (`[уточнил|уточнила]`) and the agent's gender is unknown: ask, once. */
  needsGender: boolean;
}

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** «23 ноября 2026» in the agent's local time; spelled out here rather than via Intl, which appends « г.». */
export function formatRussianDate(date: Date): string {
  return `${date.getDate()} ${MONTHS_GENITIVE[date.getMonth()]} ${date.getFullYear()}`;
}

/**
 * Renders a body for insertion. `values` are keyed by placeholder name (any case/ё/spacing); they win over
 * the context, so the insert form can correct a customer name read from the page.
 *
 * An empty or blank value counts as not given: the placeholder stays in the text as `[name]` and is reported
 * in `missing`, so that the send guard still stops a reply with a hole in it instead of a silent gap.
 * Without a gender setting a form renders neutrally (`[уточнил|уточнила]` → «уточнил(а)», for a copy) and
 * `needsGender` says so: the sidebar asks the agent's gender once instead of inserting that.
 */
export function renderTemplate(body: string, values: Record<string, string>, context: RenderContext): RenderResult {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    const key = normalizePlaceholderName(name);
    // An exact-spelling key beats a looser one that normalizes the same.
    if (!byName.has(key) || name === key) byName.set(key, value);
  }

  const missing: string[] = [];
  const missingKeys = new Set<string>();
  let text = '';
  let needsGender = false;
  for (const segment of parseTemplate(body)) {
    if (segment.type === 'text') {
      text += segment.text;
    } else if (segment.type === 'gender') {
      if (!context.agentGender) needsGender = true;
      text += genderForm(segment.male, segment.female, context.agentGender);
    } else {
      const key = normalizePlaceholderName(segment.name);
      const given = values[segment.name] ?? byName.get(key);
      const value = nonBlank(given) ?? nonBlank(knownValue(segment.kind, context));
      if (value !== undefined) {
        text += value;
      } else {
        text += `[${segment.name}]`;
        if (!missingKeys.has(key)) {
          missingKeys.add(key);
          missing.push(segment.name);
        }
      }
    }
  }
  return { text, missing, needsGender };
}

function knownValue(kind: string, context: RenderContext): string | undefined {
  if (kind === 'customer-name') return context.customerName ?? context.fields?.firstName;
  if (kind === 'order-number') return context.fields?.orderNumber;
  if (kind === 'ticket-id') return context.fields?.ticketId;
  if (kind === 'customer-email') return context.fields?.customerEmail;
  if (kind === 'agent-name') return context.agentName;
  if (kind === 'date') return formatRussianDate(context.now);
  return undefined;
}

function nonBlank(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function genderForm(male: string, female: string, gender: AgentGender | undefined): string {
  if (gender === 'male') return male;
  if (gender === 'female') return female;
  if (female.startsWith(male)) return `${male}(${female.slice(male.length)})`;
  return `${male}/${female}`;
}
