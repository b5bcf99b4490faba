import type {
  Channel,
  ContactView,
  MessageContext,
  MessagingSettings,
  SkipReason,
} from '../../../../shared/contracts/index.ts';
import { canReceiveSms, isValidE164, isValidEmail } from './address.ts';
import { channelsFor } from './channels.ts';
import { eligibility } from './eligibility.ts';
import { idempotencyKey, skipKey } from './idempotency.ts';
import { resolveRecipient } from './recipient.ts';
import { sendTiming } from './timing.ts';
import type { ChannelDecision, RuleInput } from './types.ts';

export type Address = { to: string } | { to: string | null; reason: SkipReason };

function phoneAddress(phone: string): Address {
  if (!isValidE164(phone)) return { to: phone, reason: 'invalid-number' };
  if (!canReceiveSms(phone)) return { to: phone, reason: 'not-a-mobile-number' };
  return { to: phone };
}

function contactAddress(contact: ContactView, channel: Channel): Address {
  if (channel === 'email') {
    if (!contact.email) return { to: null, reason: 'no-address' };
    if (contact.emailOptOut) return { to: contact.email, reason: 'opted-out' };
    if (!isValidEmail(contact.email)) return { to: contact.email, reason: 'invalid-address' };
    return { to: contact.email };
  }
  if (!contact.mobilePhone) return { to: null, reason: 'no-address' };
  if (contact.smsOptOut) return { to: contact.mobilePhone, reason: 'opted-out' };
  return phoneAddress(contact.mobilePhone);
}

/** In sandbox mode every message that would go out goes to the one test address instead. */
function sandboxAddress(settings: MessagingSettings, channel: Channel): Address {
  const address = channel === 'email' ? settings.sandbox.email : settings.sandbox.phone;
  if (!address) return { to: null, reason: 'no-address' };
  if (channel === 'sms') return phoneAddress(address);
  return isValidEmail(address) ? { to: address } : { to: address, reason: 'invalid-address' };
}

function heldBack({ type, context, settings, event, now }: RuleInput): SkipReason | null | 'none' {
  const rule = eligibility(type, context, settings, event, now);
  if (!rule.applies) return 'none';
  // A reminder waits for the end of quiet hours by not being due yet.
  if (type === 'reminder' && sendTiming(type, context, settings, now).at === 'later') return 'none';
  if (!settings.messages[type]) return 'disabled';
  if (settings.excludedAccountIds.includes(context.serviceAccount.documentId)) {
    return 'excluded-account';
  }
  const serviceTypeId = context.serviceType?.documentId;
  if (serviceTypeId && settings.excludedServiceTypeIds.includes(serviceTypeId)) {
    return 'excluded-service-type';
  }
  if (rule.skip) return rule.skip;
  const timing = sendTiming(type, context, settings, now);
  return timing.at === 'never' ? timing.reason : null;
}

/**
 * Where a booking's message goes on a channel, as things are now: the recipient's address (the
 * sandbox's in sandbox mode), or why it cannot go (no contact, no address, opted out, invalid).
 * A message tried again asks this anew: a customer who said STOP meanwhile gets nothing more.
 */
export function recipientAddress(
  context: MessageContext,
  settings: MessagingSettings,
  channel: Channel,
): Address {
  const recipient = resolveRecipient(context);
  if (!recipient) return { to: null, reason: 'no-contact' };
  const own = contactAddress(recipient.contact, channel);
  if ('reason' in own) return own;
  return settings.sandbox.enabled ? sandboxAddress(settings, channel) : own;
}

/**
 * Decide, for one booking and one message type, what goes out on each channel the settings
 * allow. An empty list means the message does not belong to this booking at all.
 */
export function decideMessages(input: RuleInput): ChannelDecision[] {
  const { type, context, settings } = input;
  const held = heldBack(input);
  if (held === 'none') return [];
  return channelsFor(settings.channel).map((channel): ChannelDecision => {
    const key = idempotencyKey(
      context.booking.documentId,
      type,
      channel,
      context.booking.start,
      context.booking.trip,
      input.event?.booking.customer?.request?.requestedAt ?? null,
    );
    const skip = (to: string | null, reason: SkipReason): ChannelDecision => ({
      channel,
      to,
      decision: 'skip',
      reason,
      idempotencyKey: skipKey(key, reason),
    });
    if (held) return skip(null, held);
    const address = recipientAddress(context, settings, channel);
    if ('reason' in address) return skip(address.to, address.reason);
    const timing = sendTiming(type, context, settings, input.now);
    return {
      channel,
      to: address.to,
      decision: 'send',
      idempotencyKey: key,
      ...(timing.at === 'later' ? { notBefore: timing.notBefore.toISOString() } : {}),
    };
  });
}
