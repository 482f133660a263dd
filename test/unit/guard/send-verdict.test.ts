import { describe, expect, it } from 'vitest';
import { sendVerdict } from '@/lib/guard/send-verdict';
import type { Finding, GuardMode } from '@/lib/model';
import { cannotHelp, dearCustomer, placeholder } from './draft-findings';

describe('sendVerdict', () => {
  const cases: [GuardMode, Finding[], string][] = [
    ['off', [cannotHelp], 'pass'],
    ['warn', [cannotHelp], 'notify'],
    ['confirm', [cannotHelp], 'hold'],
    ['strict', [placeholder], 'hold'],
    ['strict', [dearCustomer], 'pass'],
    ['confirm', [], 'pass'],
  ];
  it.each(cases)('%s with %j → %s', (mode, findings, verdict) => {
    expect(sendVerdict(mode, findings)).toBe(verdict);
  });
});
