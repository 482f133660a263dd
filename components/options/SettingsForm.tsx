import { useId } from 'react';
import { defineMessages } from '@/lib/i18n';
import type { AgentGender, GuardMode } from '@/lib/model';
import { GUARD_MODE_ORDER } from '@/lib/packs/effective-policy';
import { useEffectivePolicy, useLibraryStatus, useSaveSettings, useSettings } from '../queries';
import { InlineTriggerSettings } from './InlineTriggerSettings';

const t = defineMessages({
  ru: {
    off: 'Выключена',
    warn: 'Предупреждать, но отправлять',
    confirm: 'Спрашивать перед отправкой',
    strict: 'Не отправлять с ошибками',
    loadFailed: (message: string) => `Не удалось загрузить настройки: ${message}`,
    loading: 'Загружаю…',
    settings: 'Настройки',
    agentName: 'Ваше имя в ответах — [Имя агента]',
    verbForms: 'Формы глаголов — [уточнил|уточнила]',
    neutral: 'Нейтрально: уточнил(а)',
    female: 'Женские: уточнила',
    male: 'Мужские: уточнил',
    guard: 'Проверка перед отправкой',
    asTeam: 'Как в правилах команды',
    forbidden: ' — запрещено правилами команды',
    newHire: 'Режим новичка: строгая проверка и подсказки-советы',
    bundled: 'Показывать встроенные шаблоны Суфлёра',
    bundledLocked: ' — скрыты правилами команды',
    bundledByTeam: ' (команда советует скрыть: её пакет их заменяет)',
    theme: 'Оформление',
    system: 'Как в системе',
    light: 'Светлое',
    dark: 'Тёмное',
    // Each language in its own words: an agent who cannot read the current one still finds theirs.
    language: 'Язык интерфейса',
    browserLanguage: 'Как в браузере',
    saveFailed: (message: string) => `Не удалось сохранить: ${message}`,
  },
  en: {
    off: 'Off',
    warn: 'Warn, but send',
    confirm: 'Ask before sending',
    strict: 'Do not send with errors',
    loadFailed: (message: string) => `Could not load the settings: ${message}`,
    loading: 'Loading…',
    settings: 'Settings',
    agentName: 'Your name in replies (the templates’ agent-name field)',
    // The templates are Russian: the verb forms they choose between stay Russian examples.
    verbForms: 'Verb forms in Russian templates — [masculine|feminine]',
    neutral: 'Neutral: both forms',
    female: 'Feminine',
    male: 'Masculine',
    guard: 'Check before sending',
    asTeam: 'As in the team’s rules',
    forbidden: ' — not allowed by the team’s rules',
    newHire: 'New-hire mode: strict check and coaching tips',
    bundled: 'Show Sufler’s built-in templates',
    bundledLocked: ' — hidden by the team’s rules',
    bundledByTeam: ' (the team suggests hiding them: its pack replaces them)',
    theme: 'Appearance',
    system: 'As in the system',
    light: 'Light',
    dark: 'Dark',
    language: 'Interface language',
    browserLanguage: 'As in the browser',
    saveFailed: (message: string) => `Could not save: ${message}`,
  },
});

const GUARD_MODES: GuardMode[] = ['off', 'warn', 'confirm', 'strict'];

/** The agent's own settings: how templates speak for them, and how strictly drafts are guarded. */
export function SettingsForm() {
  const settings = useSettings();
  const policy = useEffectivePolicy();
  const save = useSaveSettings();
  const bundled = useLibraryStatus().data?.bundled;
  const label = (mode: GuardMode) => t[mode].toLowerCase();
  /** A locked team policy is a floor: weaker modes cannot be chosen. */
  const below = (mode: GuardMode) =>
    policy.data !== undefined && GUARD_MODE_ORDER.indexOf(mode) < GUARD_MODE_ORDER.indexOf(policy.data.minGuardMode);
  const id = useId();
  if (!settings.data) return <p>{settings.isError ? t.loadFailed(settings.error.message) : t.loading}</p>;
  const current = settings.data;
  return (
    <form className="settings" aria-label={t.settings} onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={`${id}-name`}>
        <span>{t.agentName}</span>
        <input
          id={`${id}-name`}
          defaultValue={current.agentName}
          onBlur={(event) => save.mutate({ agentName: event.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t.verbForms}</legend>
        {(
          [
            [undefined, t.neutral],
            ['female', t.female],
            ['male', t.male],
          ] as [AgentGender | undefined, string][]
        ).map(([value, label]) => (
          <label key={label} className="inline">
            <input
              type="radio"
              name="gender"
              checked={current.agentGender === value}
              onChange={() => save.mutate({ agentGender: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-guard`}>
        <span>{t.guard}</span>
        <select
          id={`${id}-guard`}
          value={current.guardMode ?? ''}
          onChange={(event) => save.mutate({ guardMode: (event.target.value || null) as GuardMode | null })}
        >
          <option value="">
            {t.asTeam}
            {policy.data ? ` (${label(policy.data.guardMode)})` : ''}
          </option>
          {GUARD_MODES.map((mode) => (
            <option key={mode} value={mode} disabled={below(mode)}>
              {t[mode]}
              {below(mode) ? t.forbidden : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={current.newHireMode}
          onChange={(event) => save.mutate({ newHireMode: event.target.checked })}
        />
        {t.newHire}
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={!bundled?.hidden}
          disabled={bundled?.locked}
          onChange={(event) => save.mutate({ bundledTemplates: event.target.checked ? 'show' : 'hide' })}
        />
        {t.bundled}
        {bundled?.locked ? t.bundledLocked : bundled?.byTeam ? t.bundledByTeam : ''}
      </label>
      <label htmlFor={`${id}-theme`}>
        <span>{t.theme}</span>
        <select
          id={`${id}-theme`}
          value={current.theme ?? ''}
          onChange={(event) => save.mutate({ theme: (event.target.value || null) as 'light' | 'dark' | null })}
        >
          <option value="">{t.system}</option>
          <option value="light">{t.light}</option>
          <option value="dark">{t.dark}</option>
        </select>
      </label>
      <label htmlFor={`${id}-language`}>
        <span>{t.language}</span>
        <select
          id={`${id}-language`}
          value={current.language ?? ''}
          onChange={(event) => save.mutate({ language: (event.target.value || null) as 'ru' | 'en' | null })}
        >
          <option value="">{t.browserLanguage}</option>
          <option value="ru" lang="ru">
            Русский
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </label>
      <InlineTriggerSettings />
      {save.isError && <p role="alert">{t.saveFailed(save.error.message)}</p>}
    </form>
  );
}
