import type { SubscriptionService } from './subscription-service';

const ALARM = 'sync-team-packs';
/** Chrome does not fire alarms sooner than 30 s apart; asking for less only logs a warning. */
const MIN_DELAY_MS = 30_000;

export interface AlarmsApi {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): unknown;
}

/**
 * One alarm at the earliest due subscription: the service worker may sleep between syncs, and an alarm
 * wakes it. After each run (and after any change to the subscriptions) the alarm is set again.
 */
export function createSyncScheduler(deps: {
  alarms: AlarmsApi;
  subscriptions: SubscriptionService;
  now(): number;
  onSynced(): void;
}) {
  const reschedule = async () => {
    const next = await deps.subscriptions.nextSyncAt();
    if (next === null) await deps.alarms.clear(ALARM);
    else await deps.alarms.create(ALARM, { when: Math.max(next, deps.now() + MIN_DELAY_MS) });
  };
  return {
    reschedule,
    async onAlarm(alarm: { name: string }) {
      if (alarm.name !== ALARM) return;
      const outcomes = await deps.subscriptions.syncDue(deps.now());
      if (outcomes.length > 0) deps.onSynced();
      await reschedule();
    },
  };
}
