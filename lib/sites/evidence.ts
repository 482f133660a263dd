import { chatwootEvidence } from './chatwoot';
import { demoHelpdeskEvidence } from './demo-helpdesk';
import { freescoutEvidence } from './freescout';
import type { SiteEvidence } from './site-profile';
import { telegramKEvidence } from './telegram-k';
import { zammadEvidence } from './zammad';

/**
 * Each built-in profile's evidence (product, why, fixtures) by profile id. Imported by tests only, so none of it
 * reaches the always-on agent script; test/unit/sites/site-profiles.test.ts checks every profile has its entry.
 */
export const SITE_EVIDENCE: Readonly<Record<string, SiteEvidence>> = {
  chatwoot: chatwootEvidence,
  zammad: zammadEvidence,
  freescout: freescoutEvidence,
  'telegram-k': telegramKEvidence,
  'demo-helpdesk': demoHelpdeskEvidence,
};
