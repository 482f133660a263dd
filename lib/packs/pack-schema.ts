import { z } from 'zod';
import { defineMessages } from '../i18n';
import {
  FIX_SCOPES,
  MISSING_AT,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type Pack,
  type Policy,
  RULE_KINDS,
  type Rule,
  type Template,
} from '../model';
import { siteEntrySchema } from './pack-sites';

/**
 * The schema's own wording, where zod's generic one (describe-issues.ts) would not say how to fix it. Given as
 * `error: () => …` so the text is picked when a pack is checked, not when this module loads: a schema-level
 * message wins over describe-issues' map, and a string fixed at import would be Russian in the English UI.
 */
const t = defineMessages({
  ru: {
    id: 'только латинские строчные буквы, цифры и «-», «_», «.» между ними (например, return-7-days)',
    emptySynonym: 'пустой синоним: уберите его',
    lonelySynonym: 'в группе синонимов нужно хотя бы два слова — иначе она ничего не связывает',
    oneWord: 'одно слово, без пробелов',
    patterns: 'нужен хотя бы один шаблон',
    twoSuggestions: 'нужно не меньше двух вариантов замены: первый ставится одним щелчком',
    oneSuggestion: 'нужен хотя бы один текст, который можно вставить',
    onlyFor: (field: string, kinds: string) => `поле «${field}» только для kind: ${kinds}`,
    locale: 'код языка, например «ru» или «ru-RU»',
  },
  en: {
    id: 'lower-case Latin letters and digits only, with “-”, “_” or “.” between them (for example, return-7-days)',
    emptySynonym: 'empty synonym: remove it',
    lonelySynonym: 'a synonym group needs at least two words, otherwise it links nothing',
    oneWord: 'one word, no spaces',
    patterns: 'at least one phrase needed',
    twoSuggestions: 'at least two replacements needed: the first one is applied with one click',
    oneSuggestion: 'at least one text to insert needed',
    onlyFor: (field: string, kinds: string) => `the field “${field}” is only for kind: ${kinds}`,
    locale: 'a language code, for example “ru” or “ru-RU”',
  },
});

// Extension pages forbid eval; zod would otherwise probe `new Function` and log a CSP violation.
z.config({ jitless: true });

/** Stable ids: lower-case ASCII words joined by `-`, `_` or `.` — safe in URLs, files and keys. */
const idSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, { error: () => t.id });

const severitySchema = z.enum(['error', 'warning', 'info']);

export const LIMITS = {
  packBytes: 5 * 1024 * 1024,
  templates: 50_000,
  rules: 5_000,
  titleChars: 200,
  bodyChars: 20_000,
  tags: 50,
  tagChars: 80,
  patterns: 50,
  patternChars: 300,
  examples: 100,
  synonyms: 50,
  synonymGroups: 5_000,
  synonymChars: 80,
} as const;

/** A synonym: a word or a short phrase, as an agent would type it. */
function synonymSchema() {
  return z
    .string()
    .trim()
    .min(1, { error: () => t.emptySynonym })
    .max(LIMITS.synonymChars);
}

/** A pack's synonym group: words that mean the same to search. One word alone joins nothing. */
const synonymGroupSchema = z
  .array(synonymSchema())
  .min(2, { error: () => t.lonelySynonym })
  .max(LIMITS.synonyms);

export const templateSchema = z.strictObject({
  id: idSchema,
  title: z.string().trim().min(1).max(LIMITS.titleChars),
  body: z.string().trim().min(1).max(LIMITS.bodyChars),
  tags: z.array(z.string().trim().min(1).max(LIMITS.tagChars)).max(LIMITS.tags).default([]),
  category: z.string().trim().min(1).max(80),
  shortcut: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^\S+$/, { error: () => t.oneWord })
    .optional(),
  note: z.string().trim().max(2000).optional(),
  synonyms: z.array(synonymSchema()).max(LIMITS.synonyms).optional(),
}) satisfies z.ZodType<Template, unknown>;

export const ruleSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(RULE_KINDS).optional(),
    ordered: z.boolean().optional(),
    at: z.enum(MISSING_AT).optional(),
    minWords: z.number().int().min(1).max(200).optional(),
    maxWords: z.number().int().min(5).max(500).optional(),
    seeAlso: z.array(idSchema).max(5).optional(),
    severity: severitySchema,
    message: z.string().trim().min(1).max(600),
    patterns: z.array(z.string().trim().min(1).max(LIMITS.patternChars)).max(LIMITS.patterns).default([]),
    exceptions: z.array(z.string().trim().min(1).max(LIMITS.patternChars)).max(LIMITS.patterns).optional(),
    suggestions: z.array(z.string().trim().min(1).max(600)).default([]),
    fix: z.enum(FIX_SCOPES).optional(),
    examples: z.strictObject({
      bad: z.array(z.string().min(1).max(2000)).min(1).max(LIMITS.examples),
      good: z.array(z.string().min(1).max(2000)).min(1).max(LIMITS.examples),
    }),
  })
  .superRefine((rule, context) => {
    const kind = rule.kind ?? 'phrase';
    // Whole-draft checks with no words to look for (caps, «!!!», long sentences) need no patterns; the
    // engine makes their suggestions (lib/lint/draft-hints.ts).
    if ((kind === 'phrase' || kind === 'clause' || kind === 'missing') && rule.patterns.length === 0) {
      context.addIssue({ code: 'custom', path: ['patterns'], message: t.patterns });
    }
    if ((kind === 'phrase' || kind === 'clause') && rule.suggestions.length < 2) {
      context.addIssue({
        code: 'custom',
        path: ['suggestions'],
        message: t.twoSuggestions,
      });
    }
    if (kind === 'missing' && rule.suggestions.length < 1) {
      context.addIssue({
        code: 'custom',
        path: ['suggestions'],
        message: t.oneSuggestion,
      });
    }
    const only = (field: 'at' | 'minWords' | 'maxWords', kinds: string[]) => {
      if (rule[field] !== undefined && !kinds.includes(kind)) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: t.onlyFor(field, kinds.join(', ')),
        });
      }
    };
    only('at', ['missing']);
    only('minWords', ['missing']);
    only('maxWords', ['long-sentence']);
  }) satisfies z.ZodType<Rule, unknown>;

export const policySchema = z.strictObject({
  guardMode: z.enum(['off', 'warn', 'confirm', 'strict']).optional(),
  locked: z.boolean().optional(),
  newHireMode: z.boolean().optional(),
  syncIntervalMinutes: z
    .number()
    .int()
    .min(15)
    .max(7 * 24 * 60)
    .optional(),
  severityOverrides: z.record(z.string(), severitySchema).optional(),
  hideBundled: z.boolean().optional(),
}) satisfies z.ZodType<Policy, unknown>;

export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  id: idSchema,
  name: z.string().trim().min(1).max(120),
  version: z.string().trim().min(1).max(40),
  description: z.string().trim().max(2000).default(''),
  locale: z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, { error: () => t.locale }),
  templates: z.array(templateSchema).max(LIMITS.templates).default([]),
  rules: z.array(ruleSchema).max(LIMITS.rules).default([]),
  policy: policySchema.default({}),
  synonyms: z.array(synonymGroupSchema).max(LIMITS.synonymGroups).optional(),
  rollbackFrom: z.string().trim().min(1).max(40).optional(),
  compiled: z.record(z.string(), z.unknown()).optional(),
  sites: z.array(siteEntrySchema).optional(),
}) satisfies z.ZodType<Pack, unknown>;

/** The pack format as JSON Schema, for editors and for team leads' own tooling. */
export function packJsonSchema(): unknown {
  return z.toJSONSchema(packSchema, { io: 'input', target: 'draft-2020-12' });
}
