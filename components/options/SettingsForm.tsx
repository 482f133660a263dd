import { useId } from 'react';
import type { AgentGender, GuardMode } from '@/lib/model';
import { GUARD_MODE_ORDER } from '@/lib/packs/effective-policy';
import { useEffectivePolicy, useLibraryStatus, useSaveSettings, useSettings } from '../queries';
import { InlineTriggerSettings } from './InlineTriggerSettings';

const GUARD_MODES: { value: GuardMode; label: string }[] = [
  { value: 'off', label: 'Выключена' },
  { value: 'warn', label: 'Предупреждать, но отправлять' },
  { value: 'confirm', label: 'Спрашивать перед отправкой' },
  { value: 'strict', label: 'Не отправлять с ошибками' },
];

/** The agent's own settings: how templates speak for them, and how strictly drafts are guarded. */
export function SettingsForm() {
  const settings = useSettings();
  const policy = useEffectivePolicy();
  const save = useSaveSettings();
  const bundled = useLibraryStatus().data?.bundled;
  const label = (mode: GuardMode) => GUARD_MODES.find((m) => m.value === mode)?.label.toLowerCase();
  /** A locked team policy is a floor: weaker modes cannot be chosen. */
  const below = (mode: GuardMode) =>
    policy.data !== undefined && GUARD_MODE_ORDER.indexOf(mode) < GUARD_MODE_ORDER.indexOf(policy.data.minGuardMode);
  const id = useId();
  if (!settings.data)
    return <p>{settings.isError ? `Не удалось загрузить настройки: ${settings.error.message}` : 'Загружаю…'}</p>;
  const current = settings.data;
  return (
    <form className="settings" aria-label="Настройки" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={`${id}-name`}>
        <span>Ваше имя в ответах — [Имя агента]</span>
        <input
          id={`${id}-name`}
          defaultValue={current.agentName}
          onBlur={(event) => save.mutate({ agentName: event.target.value })}
        />
      </label>
      <fieldset>
        <legend>Формы глаголов — [уточнил|уточнила]</legend>
        {(
          [
            [undefined, 'Нейтрально: уточнил(а)'],
            ['female', 'Женские: уточнила'],
            ['male', 'Мужские: уточнил'],
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
        <span>Проверка перед отправкой</span>
        <select
          id={`${id}-guard`}
          value={current.guardMode ?? ''}
          onChange={(event) => save.mutate({ guardMode: (event.target.value || null) as GuardMode | null })}
        >
          <option value="">Как в правилах команды{policy.data ? ` (${label(policy.data.guardMode)})` : ''}</option>
          {GUARD_MODES.map((mode) => (
            <option key={mode.value} value={mode.value} disabled={below(mode.value)}>
              {mode.label}
              {below(mode.value) ? ' — запрещено правилами команды' : ''}
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
        Режим новичка: строгая проверка и подсказки-советы
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={!bundled?.hidden}
          disabled={bundled?.locked}
          onChange={(event) => save.mutate({ bundledTemplates: event.target.checked ? 'show' : 'hide' })}
        />
        Показывать встроенные шаблоны Суфлёра
        {bundled?.locked
          ? ' — скрыты правилами команды'
          : bundled?.byTeam
            ? ' (команда советует скрыть: её пакет их заменяет)'
            : ''}
      </label>
      <label htmlFor={`${id}-theme`}>
        <span>Оформление</span>
        <select
          id={`${id}-theme`}
          value={current.theme ?? ''}
          onChange={(event) => save.mutate({ theme: (event.target.value || null) as 'light' | 'dark' | null })}
        >
          <option value="">Как в системе</option>
          <option value="light">Светлое</option>
          <option value="dark">Тёмное</option>
        </select>
      </label>
      <InlineTriggerSettings />
      {save.isError && <p role="alert">Не удалось сохранить: {save.error.message}</p>}
    </form>
  );
}
