/**
 * Every snippet Enroute uses. Marketers edit the values per locale; the keys and what each one is
 * for are fixed here. `html` snippets may hold a small allowlisted set of HTML (see
 * sanitizeMarketerHtml); all others are plain text and escaped wherever they are shown.
 */
export interface SnippetDefinition {
  readonly key: string;
  readonly description: string;
  readonly html?: boolean;
  /** Plain constants (no placeholders): they are themselves placeholders in other snippets. */
  readonly constant?: boolean;
}

export const snippetDefinitions = [
  { key: 'company.name', description: 'Company name', constant: true },
  { key: 'company.email', description: 'Contact email', constant: true },
  { key: 'company.phone', description: 'Contact phone', constant: true },
  { key: 'page.title', description: 'Portal page title (browser tab)' },
  { key: 'page.header', description: 'Portal and email header (HTML)', html: true },
  { key: 'page.footer', description: 'Portal and email footer (HTML)', html: true },

  { key: 'common.greeting', description: 'Opening line of every email' },
  { key: 'common.cta', description: 'Label of the button that opens the portal' },
  { key: 'common.contact', description: 'How to reach the company, under every email' },
  {
    key: 'common.yourTechnician',
    description: 'Stands in for the technician when the name is hidden',
  },
  { key: 'common.when', description: 'Label: date and time of the visit' },
  { key: 'common.where', description: 'Label: service address' },
  { key: 'common.bookingNumber', description: 'Label: booking or work order number' },

  { key: 'reminder.subject', description: 'Reminder: email subject' },
  { key: 'reminder.heading', description: 'Reminder: email heading' },
  { key: 'reminder.body', description: 'Reminder: email text' },
  { key: 'reminder.sms', description: 'Reminder: SMS (the link is added after it)' },
  {
    key: 'reminder.confirmed',
    description: 'Reminder: email line shown once the customer has confirmed the appointment',
  },
  { key: 'traveling.subject', description: 'Technician on the way: email subject' },
  { key: 'traveling.heading', description: 'Technician on the way: email heading' },
  { key: 'traveling.body', description: 'Technician on the way: email text' },
  { key: 'traveling.sms', description: 'Technician on the way: SMS (the link is added after it)' },
  { key: 'completed.subject', description: 'Work completed: email subject' },
  { key: 'completed.heading', description: 'Work completed: email heading' },
  { key: 'completed.body', description: 'Work completed: email text' },
  { key: 'completed.sms', description: 'Work completed: SMS (the link is added after it)' },
  { key: 'rescheduled.subject', description: 'Rescheduled: email subject' },
  { key: 'rescheduled.heading', description: 'Rescheduled: email heading' },
  { key: 'rescheduled.body', description: 'Rescheduled: email text' },
  { key: 'rescheduled.sms', description: 'Rescheduled: SMS (the link is added after it)' },
  { key: 'canceled.subject', description: 'Canceled: email subject' },
  { key: 'canceled.heading', description: 'Canceled: email heading' },
  { key: 'canceled.body', description: 'Canceled: email text' },
  { key: 'canceled.sms', description: 'Canceled: SMS' },
  { key: 'request-declined.subject', description: 'Request to move declined: email subject' },
  { key: 'request-declined.heading', description: 'Request to move declined: email heading' },
  { key: 'request-declined.body', description: 'Request to move declined: email text' },
  {
    key: 'request-declined.sms',
    description: 'Request to move declined: SMS (the link is added after it)',
  },

  { key: 'portal.scheduled.heading', description: 'Portal, scheduled: heading' },
  { key: 'portal.scheduled.body', description: 'Portal, scheduled: text' },
  { key: 'portal.traveling.heading', description: 'Portal, technician on the way: heading' },
  { key: 'portal.traveling.eta', description: 'Portal: label of the arrival time' },
  { key: 'portal.traveling.stale', description: 'Portal: the last known position is old' },
  { key: 'portal.inProgress.heading', description: 'Portal, work in progress: heading' },
  { key: 'portal.inProgress.body', description: 'Portal, work in progress: text' },
  { key: 'portal.completed.heading', description: 'Portal, completed: heading' },
  { key: 'portal.completed.body', description: 'Portal, completed: text' },
  { key: 'portal.canceled.heading', description: 'Portal, canceled: heading' },
  { key: 'portal.canceled.body', description: 'Portal, canceled: text' },
  { key: 'portal.rescheduled.heading', description: 'Portal, rescheduled: heading' },
  { key: 'portal.rescheduled.body', description: 'Portal, rescheduled: text' },
  { key: 'portal.unavailable.heading', description: 'Portal, link not available: heading' },
  { key: 'portal.unavailable.body', description: 'Portal, link not available: text' },
  { key: 'portal.error.heading', description: 'Portal, the CMS cannot be reached: heading' },
  { key: 'portal.error.body', description: 'Portal, the CMS cannot be reached: text' },
  { key: 'portal.addToCalendar', description: 'Portal: add-to-calendar button' },
  { key: 'portal.call', description: 'Portal: call the technician button' },
  { key: 'portal.text', description: 'Portal: text the technician button' },
  { key: 'portal.map', description: 'Portal: text alternative of the map' },
  { key: 'portal.language', description: 'Portal: label of the language switcher' },
  { key: 'portal.rating.prompt', description: 'Portal: rating question' },
  { key: 'portal.rating.comment', description: 'Portal: rating comment label' },
  { key: 'portal.rating.submit', description: 'Portal: rating submit button' },
  { key: 'portal.rating.thanks', description: 'Portal: thanks after rating' },
  { key: 'portal.survey', description: 'Portal: heading above the embedded survey' },

  {
    key: 'sms.stopWords',
    description:
      'Text replies that stop SMS (whole message, any case, comma-separated): all languages count',
  },
  { key: 'sms.startWords', description: 'Text replies that start SMS again (comma-separated)' },
  { key: 'sms.helpWords', description: 'Text replies that ask for help (comma-separated)' },
  { key: 'sms.stopped', description: 'SMS answer to a stop word: the one confirmation' },
  { key: 'sms.started', description: 'SMS answer to a start word' },
  {
    key: 'sms.help',
    description: 'SMS answer to a help word: who we are, how to reach us, how to stop',
  },
] as const satisfies readonly SnippetDefinition[];

export type SnippetKey = (typeof snippetDefinitions)[number]['key'];
export type SnippetValues = Record<SnippetKey, string>;

export const SNIPPET_KEYS: readonly SnippetKey[] = snippetDefinitions.map(
  (definition) => definition.key,
);

const byKey = new Map<string, SnippetDefinition>(
  snippetDefinitions.map((definition) => [definition.key, definition]),
);

export function snippetDefinition(key: string): SnippetDefinition | undefined {
  return byKey.get(key);
}

/**
 * The placeholders a snippet or template may use. Values are filled per recipient and always
 * escaped; `company.*` are the company snippets themselves.
 */
export const PLACEHOLDERS = {
  'company.name': 'Company name snippet',
  'company.email': 'Contact email snippet',
  'company.phone': 'Contact phone snippet',
  'recipient.name': "Recipient's name",
  'booking.number': 'Work order number',
  'booking.date': 'Date of the visit, long (account time zone, recipient language)',
  'booking.shortDate': 'Date of the visit, short',
  'booking.startTime': 'Start of the time window',
  'booking.endTime': 'End of the time window',
  'booking.previousDate': 'Date before the reschedule',
  'booking.previousTime': 'Start time before the reschedule',
  'booking.completedDate': 'Date the work was completed',
  'booking.completedTime': 'Time the work was completed',
  'booking.confirmedDate': 'Date the customer confirmed the appointment (empty until they do)',
  'account.name': 'Service account name',
  'account.address': 'Service address',
  'technician.name': 'Technician name (or the "your technician" snippet when hidden)',
  'eta.time': 'Estimated arrival time (the booked start time until there is an estimate)',
  link: 'Link to the portal page',
  'map.url':
    'Static map image of the technician and the visit (traveling only; empty when none is set)',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
