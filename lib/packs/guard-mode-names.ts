import { defineMessages } from '../i18n';
import type { GuardMode } from '../model';

/**
 * The guard mode's short name, as a lead reads it in a pack's policy (Пакеты команды) and in what a sync
 * changed («Политика: проверка перед отправкой — спрашивать → строгая»). One catalog, so both say the same;
 * the settings form's options are longer descriptions of the same modes.
 */
const names = defineMessages({
  ru: { off: 'выключена', warn: 'предупреждать', confirm: 'спрашивать', strict: 'строгая' },
  en: { off: 'off', warn: 'warn', confirm: 'ask', strict: 'strict' },
});

export const guardModeName = (mode: GuardMode): string => names[mode];

/** A stored value that may not be a mode at all (an older or foreign pack): shown as written. */
export const isGuardMode = (value: unknown): value is GuardMode =>
  value === 'off' || value === 'warn' || value === 'confirm' || value === 'strict';
