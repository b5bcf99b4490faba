import type { SnippetValues } from '../definitions.ts';

export const de: SnippetValues = {
  'company.name': 'Contoso Haustechnik',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'Ihr Termin mit {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': 'Guten Tag {{ recipient.name }},',
  'common.cta': 'Termin ansehen',
  'common.contact':
    'Haben Sie Fragen? Rufen Sie uns an unter {{ company.phone }} oder schreiben Sie an {{ company.email }}.',
  'common.yourTechnician': 'Ihr Techniker',
  'common.when': 'Wann',
  'common.where': 'Wo',
  'common.bookingNumber': 'Auftragsnummer',

  'reminder.subject': 'Erinnerung: Ihr Termin am {{ booking.date }}',
  'reminder.heading': 'Ihr Termin steht bevor',
  'reminder.body':
    'Wir kommen am {{ booking.date }} zwischen {{ booking.startTime }} und {{ booking.endTime }} Uhr zu Ihnen: {{ account.address }}.',
  'reminder.sms':
    '{{ company.name }}: Erinnerung an Ihren Termin am {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }} Uhr.',
  'reminder.confirmed': 'Sie haben diesen Termin bestätigt. Vielen Dank!',
  'traveling.subject': '{{ technician.name }} ist unterwegs',
  'traveling.heading': 'Ihr Techniker ist unterwegs',
  'traveling.body':
    '{{ technician.name }} ist auf dem Weg zu {{ account.address }} und wird voraussichtlich gegen {{ eta.time }} Uhr bei Ihnen sein.',
  'traveling.sms':
    '{{ company.name }}: {{ technician.name }} ist unterwegs zu Ihnen und kommt voraussichtlich gegen {{ eta.time }} Uhr an.',
  'completed.subject': 'Ihr Auftrag ist abgeschlossen',
  'completed.heading': 'Alles erledigt',
  'completed.body':
    'Die Arbeiten am Einsatzort {{ account.address }} wurden am {{ booking.completedDate }} um {{ booking.completedTime }} Uhr abgeschlossen. Vielen Dank, dass Sie sich für {{ company.name }} entschieden haben.',
  'completed.sms':
    '{{ company.name }}: Ihr Auftrag wurde um {{ booking.completedTime }} Uhr abgeschlossen. Vielen Dank!',
  'rescheduled.subject': 'Ihr Termin wurde auf {{ booking.date }} verschoben',
  'rescheduled.heading': 'Ihr Termin hat sich geändert',
  'rescheduled.body':
    'Ihr Termin wurde von {{ booking.previousDate }}, {{ booking.previousTime }} Uhr, auf {{ booking.date }} zwischen {{ booking.startTime }} und {{ booking.endTime }} Uhr verschoben.',
  'rescheduled.sms':
    '{{ company.name }}: Ihr Termin wurde verschoben auf {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }} Uhr.',
  'canceled.subject': 'Ihr Termin am {{ booking.date }} wurde abgesagt',
  'canceled.heading': 'Ihr Termin wurde abgesagt',
  'canceled.body':
    'Ihr Termin am {{ booking.date }} um {{ booking.startTime }} Uhr wurde abgesagt. Für einen neuen Termin erreichen Sie uns unter {{ company.phone }}.',
  'canceled.sms':
    '{{ company.name }}: Ihr Termin am {{ booking.shortDate }} wurde abgesagt. Für einen neuen Termin rufen Sie uns an: {{ company.phone }}.',
  'request-declined.subject': 'Wir konnten Ihren Termin nicht verschieben',
  'request-declined.heading': 'Wir konnten Ihren Termin nicht verschieben',
  'request-declined.body':
    'Leider konnten wir Ihren Termin nicht auf die gewünschte Zeit verschieben. Er bleibt am {{ booking.date }} zwischen {{ booking.startTime }} und {{ booking.endTime }} Uhr. Wenn Ihnen diese Zeit nicht passt, rufen Sie uns an unter {{ company.phone }}.',
  'request-declined.sms':
    '{{ company.name }}: Leider konnten wir Ihren Termin nicht verschieben. Er bleibt am {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }} Uhr.',

  'portal.scheduled.heading': 'Ihr Termin ist gebucht',
  'portal.scheduled.body': 'Ihr Techniker kommt zu Ihnen: {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} ist unterwegs',
  'portal.traveling.eta': 'Voraussichtliche Ankunft',
  'portal.traveling.stale': 'Letzter bekannter Standort, möglicherweise nicht aktuell',
  'portal.inProgress.heading': 'Arbeiten laufen',
  'portal.inProgress.body': 'Ihr Techniker ist vor Ort und kümmert sich um Ihren Auftrag.',
  'portal.completed.heading': 'Alles erledigt',
  'portal.completed.body':
    'Die Arbeiten wurden am {{ booking.completedDate }} um {{ booking.completedTime }} Uhr abgeschlossen.',
  'portal.canceled.heading': 'Dieser Termin wurde abgesagt',
  'portal.canceled.body': 'Für einen neuen Termin rufen Sie uns an: {{ company.phone }}.',
  'portal.rescheduled.heading': 'Ihr Termin hat sich geändert',
  'portal.rescheduled.body':
    'Ursprünglich geplant: {{ booking.previousDate }}, {{ booking.previousTime }} Uhr.',
  'portal.unavailable.heading': 'Dieser Link ist nicht verfügbar',
  'portal.unavailable.body':
    'Möglicherweise ist er abgelaufen. Bitte wenden Sie sich an {{ company.name }} unter {{ company.phone }} oder {{ company.email }}.',
  'portal.error.heading': 'Wir können Ihren Termin gerade nicht anzeigen',
  'portal.error.body':
    'Bitte versuchen Sie es in einer Minute erneut. Ihr Link ist weiterhin gültig.',
  'portal.addToCalendar': 'Zum Kalender hinzufügen',
  'portal.call': 'Anrufen',
  'portal.text': 'SMS senden',
  'portal.map': 'Karte mit Einsatzort und Standort des Technikers',
  'portal.language': 'Sprache',
  'portal.rating.prompt': 'Wie zufrieden waren Sie mit uns?',
  'portal.rating.comment': 'Möchten Sie uns noch etwas mitteilen? (optional)',
  'portal.rating.submit': 'Senden',
  'portal.rating.thanks': 'Vielen Dank für Ihr Feedback!',
  'portal.survey': 'Erzählen Sie uns von unserem Besuch',

  'sms.stopWords': 'STOPP, ABMELDEN, ENDE, BEENDEN',
  'sms.startWords': 'JA, ANMELDEN',
  'sms.helpWords': 'HILFE',
  'sms.stopped':
    '{{ company.name }}: Sie erhalten keine SMS mehr von uns. Antworten Sie START, um sie wieder zu erhalten.',
  'sms.started':
    '{{ company.name }}: Sie erhalten wieder unsere SMS. Antworten Sie STOPP, um sie abzubestellen.',
  'sms.help':
    '{{ company.name }}: Rufen Sie {{ company.phone }} an oder schreiben Sie an {{ company.email }}. Antworten Sie STOPP, um keine SMS mehr zu erhalten.',
};
