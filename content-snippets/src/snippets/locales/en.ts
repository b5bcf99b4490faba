import type { SnippetValues } from '../definitions.ts';

export const en: SnippetValues = {
  'company.name': 'Contoso Home Services',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'Your appointment with {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': 'Hello {{ recipient.name }},',
  'common.cta': 'View your appointment',
  'common.contact': 'Questions? Call {{ company.phone }} or write to {{ company.email }}.',
  'common.yourTechnician': 'Your technician',
  'common.when': 'When',
  'common.where': 'Where',
  'common.bookingNumber': 'Booking',

  'reminder.subject': 'Reminder: your appointment on {{ booking.date }}',
  'reminder.heading': 'Your appointment is coming up',
  'reminder.body':
    'We will be at {{ account.address }} on {{ booking.date }} between {{ booking.startTime }} and {{ booking.endTime }}.',
  'reminder.sms':
    '{{ company.name }}: your appointment is on {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',
  'reminder.confirmed': 'You confirmed this appointment. Thank you!',
  'traveling.subject': '{{ technician.name }} is on the way',
  'traveling.heading': 'Your technician is on the way',
  'traveling.body':
    '{{ technician.name }} is heading to {{ account.address }} and should arrive around {{ eta.time }}.',
  'traveling.sms':
    '{{ company.name }}: {{ technician.name }} is on the way, arriving around {{ eta.time }}.',
  'completed.subject': 'Your service is complete',
  'completed.heading': 'All done',
  'completed.body':
    'The work at {{ account.address }} was completed on {{ booking.completedDate }} at {{ booking.completedTime }}. Thank you for choosing {{ company.name }}.',
  'completed.sms':
    '{{ company.name }}: your service was completed at {{ booking.completedTime }}. Thank you!',
  'rescheduled.subject': 'Your appointment has moved to {{ booking.date }}',
  'rescheduled.heading': 'Your appointment has a new time',
  'rescheduled.body':
    'Your appointment has moved from {{ booking.previousDate }}, {{ booking.previousTime }} to {{ booking.date }}, between {{ booking.startTime }} and {{ booking.endTime }}.',
  'rescheduled.sms':
    '{{ company.name }}: your appointment moved to {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',
  'canceled.subject': 'Your appointment on {{ booking.date }} is canceled',
  'canceled.heading': 'Your appointment is canceled',
  'canceled.body':
    'Your appointment on {{ booking.date }} at {{ booking.startTime }} has been canceled. Call us on {{ company.phone }} to book a new time.',
  'canceled.sms':
    '{{ company.name }}: your appointment on {{ booking.shortDate }} is canceled. Call {{ company.phone }} to rebook.',
  'request-declined.subject': 'We could not move your appointment',
  'request-declined.heading': 'We could not move your appointment',
  'request-declined.body':
    'Sorry, we could not move your appointment to the time you asked for. It stays on {{ booking.date }}, between {{ booking.startTime }} and {{ booking.endTime }}. If that time does not suit you, call us on {{ company.phone }}.',
  'request-declined.sms':
    '{{ company.name }}: we could not move your appointment. It stays on {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',

  'portal.scheduled.heading': 'Your appointment is booked',
  'portal.scheduled.body': 'Your technician will come to {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} is on the way',
  'portal.traveling.eta': 'Estimated arrival',
  'portal.traveling.stale': 'Last known position, may be out of date',
  'portal.inProgress.heading': 'Work in progress',
  'portal.inProgress.body': 'Your technician has arrived and is working on it.',
  'portal.completed.heading': 'All done',
  'portal.completed.body':
    'The work was completed on {{ booking.completedDate }} at {{ booking.completedTime }}.',
  'portal.canceled.heading': 'This appointment is canceled',
  'portal.canceled.body': 'Call {{ company.phone }} to book a new time.',
  'portal.rescheduled.heading': 'Your appointment has a new time',
  'portal.rescheduled.body': 'It was on {{ booking.previousDate }}, {{ booking.previousTime }}.',
  'portal.unavailable.heading': 'This link is not available',
  'portal.unavailable.body':
    'It may have expired. Contact {{ company.name }} at {{ company.phone }} or {{ company.email }}.',
  'portal.error.heading': 'We cannot show your appointment right now',
  'portal.error.body': 'Please try again in a minute. Your link is still valid.',
  'portal.addToCalendar': 'Add to calendar',
  'portal.call': 'Call',
  'portal.text': 'Text',
  'portal.map': 'Map of the service location and the technician',
  'portal.language': 'Language',
  'portal.rating.prompt': 'How did we do?',
  'portal.rating.comment': 'Anything you would like to tell us? (optional)',
  'portal.rating.submit': 'Send',
  'portal.rating.thanks': 'Thank you for your feedback!',
  'portal.survey': 'Tell us about your visit',

  'sms.stopWords': 'STOP, STOPALL, UNSUBSCRIBE, END, QUIT, CANCEL, REVOKE, OPT OUT',
  'sms.startWords': 'START, UNSTOP, YES',
  'sms.helpWords': 'HELP, INFO',
  'sms.stopped':
    '{{ company.name }}: you will get no more texts from us. Reply START to get them again.',
  'sms.started': '{{ company.name }}: texts are back on. Reply STOP to end them, HELP for help.',
  'sms.help':
    '{{ company.name }}: call {{ company.phone }} or write to {{ company.email }}. Reply STOP to end texts.',
};
