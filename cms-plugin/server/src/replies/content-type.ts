import { defineContentType, manyToOne } from '../content-types/define.ts';

/**
 * A text message a customer sent to the company's number, once per provider message id: what it
 * was taken for (STOP, START, HELP, or a reply for the office), on the booking it is about.
 */
export const replySchema = defineContentType({
  singularName: 'reply',
  pluralName: 'replies',
  displayName: 'Customer reply',
  description: 'Text messages customers sent back, and what Enroute did with each.',
  // What a customer sent is shown as it was received: kept by Enroute, edited by no one.
  readOnly: [
    'providerMessageId',
    'receivedAt',
    'booking',
    'contact',
    'fromMasked',
    'body',
    'kind',
    'answer',
    'forwardedTo',
  ],
  attributes: {
    providerMessageId: { type: 'string', required: true, column: { unique: true } },
    receivedAt: { type: 'datetime', required: true },
    booking: { ...manyToOne('booking'), inversedBy: 'replies' },
    contact: manyToOne('contact'),
    /** The sender's number, masked; the full number stays private. */
    fromMasked: { type: 'string' },
    from: { type: 'string', private: true },
    body: { type: 'text' },
    kind: {
      type: 'enumeration',
      enum: ['opt-out', 'opt-in', 'help', 'forward'],
      required: true,
    },
    /** The text sent back to the customer, if any. */
    answer: { type: 'text' },
    /** The office address the reply was forwarded to, if any. */
    forwardedTo: { type: 'string' },
    /** What the flow was told, given again when the provider sends the same message again. */
    response: { type: 'json', private: true },
  },
});
