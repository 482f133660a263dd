export async function coachTiming(): Promise<void> {}
