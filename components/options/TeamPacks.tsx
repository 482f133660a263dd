import { useId, useState } from 'react';
import { defineMessages } from '@/lib/i18n';
import type { DataError, SubscriptionKind, SubscriptionStatus } from '@/lib/model';
import { checkPackUrl, hostPermissionsFor } from '@/lib/packs/check-pack-url';
import { guardModeName } from '@/lib/packs/guard-mode-names';
import { describePackChange, packChangeHeadline } from '@/lib/packs/pack-change';
import { useEffectivePolicy, useSubscriptionActions, useSubscriptions } from '../queries';
import { ErrorList, failureErrors } from './ErrorList';
import { formatTime } from './format-time';

const t = defineMessages({
  ru: {
    noAccess: 'Без доступа к этому адресу Суфлёр не сможет загрузить пакет: разрешите доступ в запросе браузера.',
    packs: 'Пакеты команды',
    subscribeForm: 'Подписаться на пакет',
    url: 'Адрес пакета: JSON или таблица Google, опубликованная как CSV',
    format: 'Формат',
    json: 'Пакет Суфлёра (JSON)',
    csv: 'Таблица (CSV)',
    authenticity: 'Проверка подлинности (необязательно)',
    publicKey: 'Открытый ключ руководителя (ed25519:…)',
    sha: 'SHA-256 файла (закрепить версию)',
    loading: 'Загружаю…',
    subscribe: 'Подписаться',
    policy: (mode: string) => `Проверка перед отправкой по правилам команды: ${mode}`,
    locked: (mode: string) => ` (не ниже «${mode}» — закреплено руководителем)`,
    syncAll: 'Синхронизировать все',
    unsubscribed: (name: string) => `Вы отписались от «${name}».`,
    undo: 'Отменить',
    none: 'Подписок пока нет.',
    packRow: (name: string) => `Пакет «${name}»`,
    sheetOf: (at: string) => `от ${at}`,
    version: (version: string) => `версия ${version}`,
    templates: (n: number) => `шаблонов: ${n}`,
    lastSuccess: (at: string) => `Последняя успешная синхронизация: ${at}`,
    notSynced: 'Ещё не синхронизирован',
    changed: (at: string, headline: string) => `Что изменилось ${at}: ${headline}`,
    error: (at: string, message: string) => `Ошибка ${at}: ${message}`,
    lastGood: ' Используется последняя исправная версия.',
    syncing: 'Синхронизирую…',
    syncNow: 'Синхронизировать сейчас',
    up: (name: string) => `Выше: ${name}`,
    down: (name: string) => `Ниже: ${name}`,
    unsubscribe: 'Отписаться',
  },
  en: {
    noAccess: 'Without access to this address Sufler cannot load the pack: allow access in the browser’s prompt.',
    packs: 'Team packs',
    subscribeForm: 'Subscribe to a pack',
    url: 'Pack address: JSON, or a Google sheet published as CSV',
    format: 'Format',
    json: 'Sufler pack (JSON)',
    csv: 'Sheet (CSV)',
    authenticity: 'Authenticity check (optional)',
    publicKey: 'The lead’s public key (ed25519:…)',
    sha: 'SHA-256 of the file (pin the version)',
    loading: 'Loading…',
    subscribe: 'Subscribe',
    policy: (mode: string) => `Check before sending, by the team’s rules: ${mode}`,
    locked: (mode: string) => ` (not below “${mode}” — locked by the lead)`,
    syncAll: 'Sync all',
    unsubscribed: (name: string) => `You unsubscribed from “${name}”.`,
    undo: 'Undo',
    none: 'No subscriptions yet.',
    packRow: (name: string) => `Pack “${name}”`,
    sheetOf: (at: string) => `of ${at}`,
    version: (version: string) => `version ${version}`,
    templates: (n: number) => `templates: ${n}`,
    lastSuccess: (at: string) => `Last successful sync: ${at}`,
    notSynced: 'Not synced yet',
    changed: (at: string, headline: string) => `What changed ${at}: ${headline}`,
    error: (at: string, message: string) => `Error ${at}: ${message}`,
    lastGood: ' The last good version is in use.',
    syncing: 'Syncing…',
    syncNow: 'Sync now',
    up: (name: string) => `Up: ${name}`,
    down: (name: string) => `Down: ${name}`,
    unsubscribe: 'Unsubscribe',
  },
});

/** Asks the browser for access to the pack's origin only; must run inside the click that asked for it. */
export type RequestOrigins = (origins: string[]) => Promise<boolean>;

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
        message: t.noAccess,
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
    <section aria-label={t.packs} className="team-packs">
      <form
        className="subscribe"
        aria-label={t.subscribeForm}
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label htmlFor={`${id}-url`}>
          <span>{t.url}</span>
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
          <span>{t.format}</span>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as SubscriptionKind)}>
            <option value="json">{t.json}</option>
            <option value="csv">{t.csv}</option>
          </select>
        </label>
        <details>
          <summary>{t.authenticity}</summary>
          <label htmlFor={`${id}-key`}>
            <span>{t.publicKey}</span>
            <input id={`${id}-key`} value={publicKey} onChange={(event) => setPublicKey(event.target.value)} />
          </label>
          <label htmlFor={`${id}-sha`}>
            <span>{t.sha}</span>
            <input id={`${id}-sha`} value={sha256} onChange={(event) => setSha256(event.target.value)} />
          </label>
        </details>
        <button type="submit" className="primary" disabled={actions.subscribe.isPending}>
          {actions.subscribe.isPending ? t.loading : t.subscribe}
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
          {t.policy(guardModeName(policy.data.guardMode))}
          {policy.data.locked && t.locked(guardModeName(policy.data.minGuardMode))}.
        </p>
      )}

      {list.length > 0 && (
        <div className="actions">
          <button type="button" onClick={() => actions.syncAll.mutate()} disabled={actions.syncAll.isPending}>
            {t.syncAll}
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
          {t.unsubscribed(removed.name)}{' '}
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
            {t.undo}
          </button>
        </p>
      )}
      {subscriptions.data && list.length === 0 && <p className="muted">{t.none}</p>}
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
    <li className="subscription" aria-label={t.packRow(s.name)}>
      <div>
        <strong>{s.name}</strong>{' '}
        {s.pack && (
          <span className="muted">
            {/* A sheet's «version» is a hash of its text: the time it changed says more. */}
            {s.kind === 'csv' ? t.sheetOf(formatTime(s.pack.updatedAt)) : t.version(s.pack.version)},{' '}
            {t.templates(s.pack.templateCount)}
          </span>
        )}
        <div className="muted url">{s.url}</div>
        <div role="status">{s.lastSuccessAt ? t.lastSuccess(formatTime(s.lastSuccessAt)) : t.notSynced}</div>
        {s.lastChange && (
          <details className="pack-change">
            <summary>{t.changed(formatTime(s.lastChange.at), packChangeHeadline(s.lastChange))}</summary>
            <ul>
              {describePackChange(s.lastChange).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        )}
        {s.lastError && (!s.lastSuccessAt || s.lastError.at > s.lastSuccessAt) && (
          <div className="sync-error" role="alert">
            {t.error(formatTime(s.lastError.at), s.lastError.message)}
            <ErrorList errors={failureErrors(s.lastError.errors)} />
            {s.pack && t.lastGood}
          </div>
        )}
      </div>
      <div className="row-actions">
        <button type="button" onClick={props.onSync} disabled={props.syncing}>
          {props.syncing ? t.syncing : t.syncNow}
        </button>
        <button type="button" aria-label={t.up(s.name)} disabled={props.first} onClick={props.onUp}>
          ↑
        </button>
        <button type="button" aria-label={t.down(s.name)} disabled={props.last} onClick={props.onDown}>
          ↓
        </button>
        <button type="button" onClick={props.onRemove}>
          {t.unsubscribe}
        </button>
      </div>
    </li>
  );
}
