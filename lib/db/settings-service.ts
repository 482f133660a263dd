import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  type Nullable,
  type Settings,
  type SettingsPatch,
  SIDEBAR_WIDTH,
  type SiteState,
} from '../model';
import type { SuflerDatabase } from './database';

const SETTINGS_KEY = 'settings';

const siteKey = (origin: string) => `site:${origin}`;

const DEFAULT_SITE_STATE: SiteState = { open: false, width: SIDEBAR_WIDTH.default };

const settingsSchema = z.object({
  agentName: z.string().trim().max(80),
  agentGender: z.enum(['male', 'female']).optional(),
  guardMode: z.enum(['off', 'warn', 'confirm', 'strict']).optional(),
  newHireMode: z.boolean().optional(),
  bundledTemplates: z.enum(['show', 'hide']).optional(),
  theme: z.enum(['light', 'dark']).optional(),
  language: z.enum(['ru', 'en']).optional(),
  inlineTriggers: z.record(z.string().regex(/^https?:\/\/[^/]+$/), z.enum(['/', ';;', 'off'])).optional(),
});

const siteStateSchema = z.object({
  open: z.boolean(),
  width: z.number().int().min(SIDEBAR_WIDTH.min).max(SIDEBAR_WIDTH.max),
});

/**
 * The agent's settings and per-site sidebar state, validated on the way in and out: a corrupted or
 * older stored value falls back to the defaults instead of breaking the UI.
 */
export function createSettingsService(db: SuflerDatabase, onSettings?: (settings: Settings) => void) {
  const read = async <T>(key: string, schema: z.ZodType<T>, fallback: T): Promise<T> => {
    const stored = (await db.meta.get(key))?.value;
    const merged = { ...fallback, ...(typeof stored === 'object' ? stored : {}) };
    const parsed = schema.safeParse(merged);
    return parsed.success ? parsed.data : fallback;
  };
  /** The background follows what it reads and writes (its own texts: pack errors, insert failures). */
  const seen = (settings: Settings) => {
    onSettings?.(settings);
    return settings;
  };
  /** A `null` in the patch unsets that setting (JSON messaging drops `undefined`). */
  const write = async <T>(key: string, schema: z.ZodType<T>, fallback: T, patch: Nullable<T>): Promise<T> => {
    const merged: Record<string, unknown> = { ...(await read(key, schema, fallback)), ...patch };
    for (const [name, value] of Object.entries(merged)) if (value === null) delete merged[name];
    const next = schema.parse(merged);
    await db.meta.put({ key, value: next });
    return next;
  };

  return {
    getSettings: async () => seen(await read<Settings>(SETTINGS_KEY, settingsSchema, DEFAULT_SETTINGS)),
    saveSettings: async (patch: SettingsPatch) =>
      seen(await write<Settings>(SETTINGS_KEY, settingsSchema, DEFAULT_SETTINGS, patch)),
    getSiteState: ({ origin }: { origin: string }) => read(siteKey(origin), siteStateSchema, DEFAULT_SITE_STATE),
    saveSiteState: ({ origin, ...patch }: { origin: string } & Partial<SiteState>) =>
      write(siteKey(origin), siteStateSchema, DEFAULT_SITE_STATE, patch),
  };
}
