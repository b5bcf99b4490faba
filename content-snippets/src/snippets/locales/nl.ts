import type { SnippetValues } from '../definitions.ts';

export const nl: SnippetValues = {
  'company.name': 'Contoso Installatieservice',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'Uw afspraak met {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': 'Beste {{ recipient.name }},',
  'common.cta': 'Bekijk uw afspraak',
  'common.contact': 'Vragen? Bel ons op {{ company.phone }} of mail naar {{ company.email }}.',
  'common.yourTechnician': 'Uw monteur',
  'common.when': 'Wanneer',
  'common.where': 'Adres',
  'common.bookingNumber': 'Afspraaknummer',

  'reminder.subject': 'Herinnering: uw afspraak op {{ booking.date }}',
  'reminder.heading': 'Uw afspraak komt eraan',
  'reminder.body':
    'Wij komen op {{ booking.date }} tussen {{ booking.startTime }} en {{ booking.endTime }} naar {{ account.address }}.',
  'reminder.sms':
    '{{ company.name }}: herinnering aan uw afspraak op {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',
  'reminder.confirmed': 'U hebt deze afspraak bevestigd. Dank u!',
  'traveling.subject': '{{ technician.name }} is onderweg',
  'traveling.heading': 'Uw monteur is onderweg',
  'traveling.body':
    '{{ technician.name }} is onderweg naar {{ account.address }} en verwacht rond {{ eta.time }} bij u te zijn.',
  'traveling.sms':
    '{{ company.name }}: {{ technician.name }} is onderweg en verwacht rond {{ eta.time }} bij u te zijn.',
  'completed.subject': 'Uw opdracht is afgerond',
  'completed.heading': 'Klaar!',
  'completed.body':
    'De werkzaamheden op {{ account.address }} zijn afgerond op {{ booking.completedDate }} om {{ booking.completedTime }}. Bedankt dat u voor {{ company.name }} hebt gekozen.',
  'completed.sms':
    '{{ company.name }}: uw opdracht is om {{ booking.completedTime }} afgerond. Bedankt!',
  'rescheduled.subject': 'Uw afspraak is verplaatst naar {{ booking.date }}',
  'rescheduled.heading': 'Uw afspraak heeft een nieuw tijdstip',
  'rescheduled.body':
    'Uw afspraak is verplaatst van {{ booking.previousDate }} om {{ booking.previousTime }} naar {{ booking.date }}, tussen {{ booking.startTime }} en {{ booking.endTime }}.',
  'rescheduled.sms':
    '{{ company.name }}: uw afspraak is verplaatst naar {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',
  'canceled.subject': 'Uw afspraak op {{ booking.date }} is geannuleerd',
  'canceled.heading': 'Uw afspraak is geannuleerd',
  'canceled.body':
    'Uw afspraak op {{ booking.date }} om {{ booking.startTime }} is geannuleerd. Bel ons op {{ company.phone }} om een nieuwe afspraak te maken.',
  'canceled.sms':
    '{{ company.name }}: uw afspraak op {{ booking.shortDate }} is geannuleerd. Bel {{ company.phone }} om een nieuwe afspraak te maken.',
  'request-declined.subject': 'We konden uw afspraak niet verplaatsen',
  'request-declined.heading': 'We konden uw afspraak niet verplaatsen',
  'request-declined.body':
    'Helaas konden we uw afspraak niet verplaatsen naar het tijdstip dat u vroeg. De afspraak blijft op {{ booking.date }}, tussen {{ booking.startTime }} en {{ booking.endTime }}. Past dat tijdstip u niet, bel ons dan op {{ company.phone }}.',
  'request-declined.sms':
    '{{ company.name }}: helaas konden we uw afspraak niet verplaatsen. Die blijft op {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',

  'portal.scheduled.heading': 'Uw afspraak staat gepland',
  'portal.scheduled.body': 'Uw monteur komt naar {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} is onderweg',
  'portal.traveling.eta': 'Verwachte aankomst',
  'portal.traveling.stale': 'Laatst bekende locatie, mogelijk niet actueel',
  'portal.inProgress.heading': 'Werkzaamheden in uitvoering',
  'portal.inProgress.body': 'Uw monteur is aangekomen en is met de werkzaamheden bezig.',
  'portal.completed.heading': 'Klaar!',
  'portal.completed.body':
    'De werkzaamheden zijn afgerond op {{ booking.completedDate }} om {{ booking.completedTime }}.',
  'portal.canceled.heading': 'Deze afspraak is geannuleerd',
  'portal.canceled.body': 'Bel {{ company.phone }} om een nieuwe afspraak te maken.',
  'portal.rescheduled.heading': 'Uw afspraak heeft een nieuw tijdstip',
  'portal.rescheduled.body':
    'De afspraak stond gepland op {{ booking.previousDate }} om {{ booking.previousTime }}.',
  'portal.unavailable.heading': 'Deze link is niet beschikbaar',
  'portal.unavailable.body':
    'Mogelijk is de link verlopen. Neem contact op met {{ company.name }} via {{ company.phone }} of {{ company.email }}.',
  'portal.error.heading': 'We kunnen uw afspraak nu niet tonen',
  'portal.error.body': 'Probeer het over een minuut opnieuw. Uw link is nog steeds geldig.',
  'portal.addToCalendar': 'Toevoegen aan agenda',
  'portal.call': 'Bellen',
  'portal.text': 'Sms sturen',
  'portal.map': 'Kaart van de locatie van de afspraak en de monteur',
  'portal.language': 'Taal',
  'portal.rating.prompt': 'Hoe tevreden bent u over ons?',
  'portal.rating.comment': 'Wilt u ons nog iets laten weten? (optioneel)',
  'portal.rating.submit': 'Versturen',
  'portal.rating.thanks': 'Bedankt voor uw feedback!',
  'portal.survey': 'Vertel ons over ons bezoek',

  'sms.stopWords': 'STOPPEN, AFMELDEN, UITSCHRIJVEN',
  'sms.startWords': 'JA, AANMELDEN',
  'sms.helpWords': 'HELP, INFO',
  'sms.stopped':
    '{{ company.name }}: u ontvangt geen sms meer van ons. Antwoord START om ze weer te ontvangen.',
  'sms.started': '{{ company.name }}: u ontvangt weer sms van ons. Antwoord STOP om ze te stoppen.',
  'sms.help':
    '{{ company.name }}: bel {{ company.phone }} of mail {{ company.email }}. Antwoord STOP om geen sms meer te ontvangen.',
};
