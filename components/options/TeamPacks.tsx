import { useId, useState } from 'react';
import type { DataError, SubscriptionKind, SubscriptionStatus } from '@/lib/model';
import { checkPackUrl, hostPermissionsFor } from '@/lib/packs/check-pack-url';
import { describePackChange, packChangeHeadline } from '@/lib/packs/pack-change';
import { useEffectivePolicy, useSubscriptionActions, useSubscriptions } from '../queries';
import { ErrorList, failureErrors } from './ErrorList';
import { formatTime } from './format-time';

/** Asks the browser for access to the pack's origin only; must run inside the click that asked for it. */
export type RequestOrigins = (origins: string[]) => Promise<boolean>;

const GUARD_LABELS = { off: 'выключена', warn: 'предупреждать', confirm: 'спрашивать', strict: 'строгая' } as const;

/**
 * Team packs: subscribe by URL (JSON pack or a published Google Sheet as CSV), see when each last synced
 * and why a sync failed, sync now, reorder (the first wins where policies differ), unsubscribe.
 */
export function TeamPacks({ requestOrigins }: { requestOrigins: RequestOrigins }) {
  const subscriptions = useSubscriptions();
  const policy = useEffectivePolicy();
  const actions = useSubscriptionActions();
  const id = useId();
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<SubscriptionKind>('json');
  const [publicKey, setPublicKey] = useState('');
  const [sha256, setSha256] = useState('');
  const [error, setError] = useState<{ message: string; errors?: DataError[] } | null>(null);
  const [removed, setRemoved] = useState<SubscriptionStatus | null>(null);

  const add = async () => {
    setError(null);
    const checked = checkPackUrl(url.trim());
    if (!checked.ok) return setError({ message: checked.failure.message });
    if (!(await requestOrigins(hostPermissionsFor(url.trim())))) {
      return setError({
        message: 'Без доступа к этому адресу Суфлёр не сможет загрузить пакет: разрешите доступ в запросе браузера.',
      });
    }
    const result = await actions.subscribe.mutateAsync({
      url: url.trim(),
      kind,
      publicKey: publicKey.trim() || undefined,
      sha256: sha256.trim() || undefined,
    });
    // A first sync that fails is refused by the background: the URL stays in the field to be fixed.
    if (!result.ok) return setError(result);
    setUrl('');
  };

  const list = subscriptions.data ?? [];
  const move = (index: number, by: number) => {
    const ids = list.map((s) => s.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    actions.reorder.mutate(ids);
  };

  return (
    <section aria-label="Пакеты команды" className="team-packs">
      <form
        className="subscribe"
        aria-label="Подписаться на пакет"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label htmlFor={`${id}-url`}>
          <span>Адрес пакета: JSON или таблица Google, опубликованная как CSV</span>
          <input
            id={`${id}-url`}
            type="url"
            required
            placeholder="https://intranet.example.ru/sufler/team.json"
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
              if (/output=csv|\.csv(\?|$)/i.test(event.target.value)) setKind('csv');
            }}
          />
        </label>
        <label htmlFor={`${id}-kind`}>
          <span>Формат</span>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as SubscriptionKind)}>
            <option value="json">Пакет Суфлёра (JSON)</option>
            <option value="csv">Таблица (CSV)</option>
          </select>
        </label>
        <details>
          <summary>Проверка подлинности (необязательно)</summary>
          <label htmlFor={`${id}-key`}>
            <span>Открытый ключ руководителя (ed25519:…)</span>
            <input id={`${id}-key`} value={publicKey} onChange={(event) => setPublicKey(event.target.value)} />
          </label>
          <label htmlFor={`${id}-sha`}>
            <span>SHA-256 файла (закрепить версию)</span>
            <input id={`${id}-sha`} value={sha256} onChange={(event) => setSha256(event.target.value)} />
          </label>
        </details>
        <button type="submit" className="primary" disabled={actions.subscribe.isPending}>
          {actions.subscribe.isPending ? 'Загружаю…' : 'Подписаться'}
        </button>
        {error && (
          <div role="alert" className="sync-error">
            <p>{error.message}</p>
            <ErrorList errors={failureErrors(error.errors)} />
          </div>
        )}
      </form>

      {policy.data && (
        <p className="muted">
          Проверка перед отправкой по правилам команды: {GUARD_LABELS[policy.data.guardMode]}
          {policy.data.locked && ` (не ниже «${GUARD_LABELS[policy.data.minGuardMode]}» — закреплено руководителем)`}.
        </p>
      )}

      {list.length > 0 && (
        <div className="actions">
          <button type="button" onClick={() => actions.syncAll.mutate()} disabled={actions.syncAll.isPending}>
            Синхронизировать все
          </button>
        </div>
      )}
      <ol className="subscriptions">
        {list.map((subscription, index) => (
          <SubscriptionRow
            key={subscription.id}
            subscription={subscription}
            first={index === 0}
            last={index === list.length - 1}
            onUp={() => move(index, -1)}
            onDown={() => move(index, 1)}
            onSync={() => actions.sync.mutate(subscription.id)}
            syncing={actions.sync.isPending && actions.sync.variables === subscription.id}
            onRemove={() => {
              // No confirm box: the row offers «Отменить», which subscribes to the same URL again.
              setRemoved(subscription);
              actions.remove.mutate(subscription.id);
            }}
          />
        ))}
      </ol>
      {removed && (
        <p role="status" className="undo">
          Вы отписались от «{removed.name}».{' '}
          <button
            type="button"
            onClick={() => {
              setRemoved(null);
              void actions.subscribe.mutateAsync({
                url: removed.url,
                kind: removed.kind,
                name: removed.kind === 'csv' ? removed.name : undefined,
                sha256: removed.sha256,
                publicKey: removed.publicKey,
              });
            }}
          >
            Отменить
          </button>
        </p>
      )}
      {subscriptions.data && list.length === 0 && <p className="muted">Подписок пока нет.</p>}
    </section>
  );
}

function SubscriptionRow(props: {
  subscription: SubscriptionStatus;
  first: boolean;
  last: boolean;
  syncing: boolean;
  onUp(): void;
  onDown(): void;
  onSync(): void;
  onRemove(): void;
}) {
  const { subscription: s } = props;
  return (
    <li className="subscription" aria-label={`Пакет «${s.name}»`}>
      <div>
        <strong>{s.name}</strong>{' '}
        {s.pack && (
          <span className="muted">
            {/* A sheet's «version» is a hash of its text: the time it changed says more. */}
            {s.kind === 'csv' ? `от ${formatTime(s.pack.updatedAt)}` : `версия ${s.pack.version}`}, шаблонов:{' '}
            {s.pack.templateCount}
          </span>
        )}
        <div className="muted url">{s.url}</div>
        <div role="status">
          {s.lastSuccessAt
            ? `Последняя успешная синхронизация: ${formatTime(s.lastSuccessAt)}`
            : 'Ещё не синхронизирован'}
        </div>
        {s.lastChange && (
          <details className="pack-change">
            <summary>
              Что изменилось {formatTime(s.lastChange.at)}: {packChangeHeadline(s.lastChange)}
            </summary>
            <ul>
              {describePackChange(s.lastChange).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        )}
        {s.lastError && (!s.lastSuccessAt || s.lastError.at > s.lastSuccessAt) && (
          <div className="sync-error" role="alert">
            Ошибка {formatTime(s.lastError.at)}: {s.lastError.message}
            <ErrorList errors={failureErrors(s.lastError.errors)} />
            {s.pack && ' Используется последняя исправная версия.'}
          </div>
        )}
      </div>
      <div className="row-actions">
        <button type="button" onClick={props.onSync} disabled={props.syncing}>
          {props.syncing ? 'Синхронизирую…' : 'Синхронизировать сейчас'}
        </button>
        <button type="button" aria-label={`Выше: ${s.name}`} disabled={props.first} onClick={props.onUp}>
          ↑
        </button>
        <button type="button" aria-label={`Ниже: ${s.name}`} disabled={props.last} onClick={props.onDown}>
          ↓
        </button>
        <button type="button" onClick={props.onRemove}>
          Отписаться
        </button>
      </div>
    </li>
  );
}
