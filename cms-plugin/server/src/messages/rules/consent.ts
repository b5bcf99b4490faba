import type {
  Channel,
  ConsentEntry,
  ConsentRecord,
  ConsentSource,
} from '../../../../shared/contracts/index.ts';

/** The contact's opt-out fields, per channel. */
export const OPT_OUT_FIELDS = { email: 'emailOptOut', sms: 'smsOptOut' } as const;
export type OptOutField = (typeof OPT_OUT_FIELDS)[Channel];
export type OptOuts = Record<OptOutField, boolean>;

/**
 * Who changes a contact's opt-outs, and what they said. `resubscribe` is the explicit word an
 * integration must give to opt a customer back in: a customer who said STOP is never
 * re-subscribed by a record that merely carries `smsOptOut: false`.
 */
export type ConsentOrigin = { source: ConsentSource; text: string | null; resubscribe: boolean };

export type ConsentRefusal = { path: OptOutField; message: string };
export type ConsentChange = { entries: ConsentEntry[] } | { refused: ConsentRefusal[] };

/** Sources that speak for the customer (or an admin who heard them): they may opt back in. */
const MAY_OPT_IN: ReadonlySet<ConsentSource> = new Set(['keyword', 'portal', 'admin']);

function lastOptOut(record: ConsentRecord, channel: Channel): ConsentEntry | undefined {
  return record.findLast((entry) => entry.channel === channel && entry.choice === 'out');
}

/**
 * The consent entries a change to a contact's opt-outs makes (one per channel that changes), or
 * why it is refused: an opt-in that neither the customer nor an admin asked for, from an
 * integration that did not say `resubscribe: true`. A contact created opted out records it too.
 */
export function consentChanges(
  before: OptOuts | null,
  requested: Partial<Record<OptOutField, unknown>>,
  record: ConsentRecord,
  origin: ConsentOrigin,
  now: Date,
): ConsentChange {
  const entries: ConsentEntry[] = [];
  const refused: ConsentRefusal[] = [];
  for (const channel of ['email', 'sms'] as const) {
    const field = OPT_OUT_FIELDS[channel];
    const wanted = requested[field];
    if (typeof wanted !== 'boolean' || wanted === (before?.[field] ?? false)) continue;
    const choice = wanted ? 'out' : 'in';
    if (choice === 'in' && !MAY_OPT_IN.has(origin.source) && !origin.resubscribe) {
      const last = lastOptOut(record, channel);
      const said = last ? ` (${last.source}, ${last.at})` : '';
      refused.push({
        path: field,
        message: `the customer opted out of ${channel} messages${said}; only they can opt back in: send resubscribe: true to record that they asked to`,
      });
      continue;
    }
    entries.push({
      at: now.toISOString(),
      channel,
      choice,
      source: origin.source,
      text: origin.text,
    });
  }
  return refused.length > 0 ? { refused } : { entries };
}
