import { describe, expect, it } from 'vitest';
import { consentChanges, type ConsentOrigin } from './consent.ts';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const OPTED_OUT = { emailOptOut: false, smsOptOut: true };
const STOP = {
  at: '2026-11-19T08:00:00.000Z',
  channel: 'sms' as const,
  choice: 'out' as const,
  source: 'keyword' as const,
  text: 'STOP',
};
const origin = (source: ConsentOrigin['source'], resubscribe = false): ConsentOrigin => ({
  source,
  text: null,
  resubscribe,
});

describe('the consent record', () => {
  it('records each channel that changes, and nothing for a value sent again', () => {
    expect(
      consentChanges(OPTED_OUT, { emailOptOut: true, smsOptOut: true }, [], origin('portal'), NOW),
    ).toEqual({
      entries: [
        { at: NOW.toISOString(), channel: 'email', choice: 'out', source: 'portal', text: null },
      ],
    });
  });

  it('records a contact created opted out, and nothing for one created opted in', () => {
    expect(consentChanges(null, { smsOptOut: true }, [], origin('api'), NOW)).toMatchObject({
      entries: [{ channel: 'sms', choice: 'out', source: 'api' }],
    });
    expect(consentChanges(null, { smsOptOut: false }, [], origin('api'), NOW)).toEqual({
      entries: [],
    });
  });

  it('refuses an integration opting a customer back in unless it says resubscribe', () => {
    const refused = consentChanges(OPTED_OUT, { smsOptOut: false }, [STOP], origin('api'), NOW);
    expect(refused).toEqual({
      refused: [
        {
          path: 'smsOptOut',
          message: expect.stringMatching(
            /opted out of sms messages \(keyword, 2026-11-19.*resubscribe: true/,
          ),
        },
      ],
    });
    expect(
      consentChanges(OPTED_OUT, { smsOptOut: false }, [STOP], origin('api', true), NOW),
    ).toMatchObject({ entries: [{ channel: 'sms', choice: 'in', source: 'api' }] });
  });

  it.each(['keyword', 'portal', 'admin'] as const)('lets %s opt the customer back in', (source) => {
    expect(
      consentChanges(OPTED_OUT, { smsOptOut: false }, [STOP], origin(source), NOW),
    ).toMatchObject({ entries: [{ choice: 'in', source }] });
  });

  it('never opts back in from a one-click unsubscribe', () => {
    expect(
      consentChanges(OPTED_OUT, { smsOptOut: false }, [STOP], origin('one-click'), NOW),
    ).toHaveProperty('refused');
  });
});
