import { messageTypes } from '../../cms-plugin/shared/contracts/vocabulary.ts';

/** The messages Enroute sends, each by email, SMS or both (the plugin's list). */
export const MESSAGE_TYPES = messageTypes;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Messages whose email carries a calendar attachment, and what it asks the calendar to do. */
export const CALENDAR_METHOD: Partial<Record<MessageType, 'REQUEST' | 'CANCEL'>> = {
  reminder: 'REQUEST',
  rescheduled: 'REQUEST',
  canceled: 'CANCEL',
};

/**
 * Messages that carry the customer's link (a button in the email, the address in the SMS). A
 * canceled visit has nothing left to show. A declined request keeps its calendar entry: no
 * calendar attachment for it.
 */
export const CARRIES_LINK: Record<MessageType, boolean> = {
  reminder: true,
  traveling: true,
  completed: true,
  rescheduled: true,
  canceled: false,
  'request-declined': true,
};
