import type { Placeholder, PlaceholderKind } from '../model';

/**
 * The placeholder language of a template body (pure, never throws):
 *
 *   [Имя]                 a fill-in; known names fill themselves, the rest are asked for at insert time
 *   [уточнил|уточнила]    the agent's gendered form: male|female, chosen by the agent's gender setting
 *   \[  \]  \|  \\        a literal character
 *
 * Anything that does not close on the same line (`[` without `]`), an empty `[]` or a form with other than
 * two alternatives stays literal text: a typo in a body must never eat the rest of the reply.
 */
export type TemplateSegment =
  | { type: 'text'; text: string }
  | { type: 'placeholder'; name: string; kind: PlaceholderKind; start: number; end: number }
  | { type: 'gender'; male: string; female: string; start: number; end: number };

const ESCAPABLE = new Set(['[', ']', '|', '\\', '{', '}']);

/** Known names, compared after `normalizePlaceholderName`. */
const KNOWN_NAMES: Record<string, PlaceholderKind> = {
  имя: 'customer-name',
  'имя клиента': 'customer-name',
  'имя покупателя': 'customer-name',
  'имя агента': 'agent-name',
  'мое имя': 'agent-name',
  'имя оператора': 'agent-name',
  'имя сотрудника': 'agent-name',
  'номер заказа': 'order-number',
  заказ: 'order-number',
  'номер обращения': 'ticket-id',
  'номер заявки': 'ticket-id',
  'номер тикета': 'ticket-id',
  email: 'customer-email',
  'e-mail': 'customer-email',
  'email клиента': 'customer-email',
  'почта клиента': 'customer-email',
  дата: 'date',
  сегодня: 'date',
  'сегодняшняя дата': 'date',
  'текущая дата': 'date',
};

/** Case, ё and spacing never make two placeholders different: `[Имя ]` and `[имя]` are one fill-in. */
export function normalizePlaceholderName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase().replaceAll('ё', 'е');
}

export function placeholderKind(name: string): PlaceholderKind {
  return KNOWN_NAMES[normalizePlaceholderName(name)] ?? 'custom';
}

export function parseTemplate(body: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let text = '';
  const flush = () => {
    if (text) segments.push({ type: 'text', text });
    text = '';
  };

  let i = 0;
  while (i < body.length) {
    const char = body[i];
    if (char === '\\' && i + 1 < body.length && ESCAPABLE.has(body[i + 1])) {
      text += body[i + 1];
      i += 2;
      continue;
    }
    if (char === '[') {
      const parsed = readBracket(body, i);
      if (parsed) {
        flush();
        segments.push(parsed.segment);
        i = parsed.end;
        continue;
      }
    }
    text += char;
    i++;
  }
  flush();
  return segments;
}

/** Reads `[…]` starting at `start`; null when it is not a well-formed placeholder (then it is literal text). */
function readBracket(body: string, start: number): { segment: TemplateSegment; end: number } | null {
  let content = '';
  const bars: number[] = [];
  for (let i = start + 1; i < body.length; i++) {
    const char = body[i];
    if (char === '\n' || char === '[') return null;
    if (char === '\\' && i + 1 < body.length && ESCAPABLE.has(body[i + 1])) {
      content += body[i + 1];
      i++;
      continue;
    }
    if (char === '|') bars.push(content.length);
    if (char === ']') {
      const end = i + 1;
      if (bars.length === 0) {
        const name = content.trim().replace(/\s+/g, ' ');
        if (!name) return null;
        return { segment: { type: 'placeholder', name, kind: placeholderKind(name), start, end }, end };
      }
      if (bars.length !== 1) return null;
      const male = content.slice(0, bars[0]).trim();
      const female = content.slice(bars[0] + 1).trim();
      if (!male || !female) return null;
      return { segment: { type: 'gender', male, female, start, end }, end };
    }
    content += char;
  }
  return null;
}

/** The fill-ins of a body, unique by normalized name, in order of first appearance (gender forms excluded). */
export function listPlaceholders(body: string): Placeholder[] {
  const seen = new Set<string>();
  const list: Placeholder[] = [];
  for (const segment of parseTemplate(body)) {
    if (segment.type !== 'placeholder') continue;
    const key = normalizePlaceholderName(segment.name);
    if (seen.has(key)) continue;
    seen.add(key);
    list.push({ name: segment.name, kind: segment.kind, known: segment.kind !== 'custom' });
  }
  return list;
}
