import type {
  BookingEvent,
  Channel,
  MessageContext,
  MessageType,
  MessagingSettings,
  SkipReason,
} from '../../../../shared/contracts/index.ts';

/** What one message on one channel comes to: sent to `to`, or skipped for `reason`. */
export type ChannelDecision =
  | {
      channel: Channel;
      to: string;
      decision: 'send';
      idempotencyKey: string;
      /** Quiet hours: the message waits until then (ISO instant); absent, it goes now. */
      notBefore?: string;
    }
  | {
      channel: Channel;
      to: string | null;
      decision: 'skip';
      reason: SkipReason;
      idempotencyKey: string;
    };

export type RuleInput = {
  type: MessageType;
  context: MessageContext;
  settings: MessagingSettings;
  /** The booking change behind an event message; absent for reminders. */
  event?: BookingEvent;
  now: Date;
};
