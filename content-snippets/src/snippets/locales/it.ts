import type { SnippetValues } from '../definitions.ts';

export const it: SnippetValues = {
  'company.name': 'Contoso Servizi per la Casa',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'Il suo appuntamento con {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': 'Gentile {{ recipient.name }},',
  'common.cta': "Visualizza l'appuntamento",
  'common.contact': 'Domande? Ci chiami al {{ company.phone }} o ci scriva a {{ company.email }}.',
  'common.yourTechnician': 'Il suo tecnico',
  'common.when': 'Quando',
  'common.where': 'Dove',
  'common.bookingNumber': 'N. prenotazione',

  'reminder.subject': 'Promemoria: appuntamento di {{ booking.date }}',
  'reminder.heading': 'Il suo appuntamento si avvicina',
  'reminder.body':
    'Saremo presso {{ account.address }} {{ booking.date }}, tra le {{ booking.startTime }} e le {{ booking.endTime }}.',
  'reminder.sms':
    '{{ company.name }}: le ricordiamo il suo appuntamento, {{ booking.shortDate }} dalle {{ booking.startTime }} alle {{ booking.endTime }}.',
  'reminder.confirmed': 'Ha confermato questo appuntamento. Grazie!',
  'traveling.subject': '{{ technician.name }} è in arrivo',
  'traveling.heading': 'Il suo tecnico è in arrivo',
  'traveling.body':
    '{{ technician.name }} si sta dirigendo verso {{ account.address }} e dovrebbe arrivare verso le {{ eta.time }}.',
  'traveling.sms':
    '{{ company.name }}: {{ technician.name }} è in arrivo e sarà da lei verso le {{ eta.time }}.',
  'completed.subject': 'Il suo intervento è stato completato',
  'completed.heading': 'Tutto fatto',
  'completed.body':
    "L'intervento presso {{ account.address }} è stato completato {{ booking.completedDate }} alle {{ booking.completedTime }}. Grazie per aver scelto {{ company.name }}.",
  'completed.sms':
    "{{ company.name }}: l'intervento è stato completato alle {{ booking.completedTime }}. Grazie!",
  'rescheduled.subject': 'Il suo appuntamento è stato spostato a {{ booking.date }}',
  'rescheduled.heading': 'Il suo appuntamento ha un nuovo orario',
  'rescheduled.body':
    'Il suo appuntamento è stato spostato da {{ booking.previousDate }} alle {{ booking.previousTime }} a {{ booking.date }}, tra le {{ booking.startTime }} e le {{ booking.endTime }}.',
  'rescheduled.sms':
    '{{ company.name }}: il suo appuntamento è stato spostato a {{ booking.shortDate }}, dalle {{ booking.startTime }} alle {{ booking.endTime }}.',
  'canceled.subject': 'Il suo appuntamento di {{ booking.date }} è stato annullato',
  'canceled.heading': 'Il suo appuntamento è stato annullato',
  'canceled.body':
    'Il suo appuntamento di {{ booking.date }} alle {{ booking.startTime }} è stato annullato. Ci chiami al {{ company.phone }} per fissare un nuovo appuntamento.',
  'canceled.sms':
    '{{ company.name }}: il suo appuntamento di {{ booking.shortDate }} è stato annullato. Chiami il {{ company.phone }} per fissarne uno nuovo.',
  'request-declined.subject': 'Non è stato possibile spostare il suo appuntamento',
  'request-declined.heading': 'Non è stato possibile spostare il suo appuntamento',
  'request-declined.body':
    "Ci dispiace: non è stato possibile spostare il suo appuntamento all'orario richiesto. Resta fissato il {{ booking.date }}, tra le {{ booking.startTime }} e le {{ booking.endTime }}. Se questo orario non le va bene, ci chiami al {{ company.phone }}.",
  'request-declined.sms':
    '{{ company.name }}: ci dispiace, non è stato possibile spostare il suo appuntamento. Resta il {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',

  'portal.scheduled.heading': 'Il suo appuntamento è confermato',
  'portal.scheduled.body': 'Il tecnico verrà presso {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} è in arrivo',
  'portal.traveling.eta': 'Arrivo previsto',
  'portal.traveling.stale': 'Ultima posizione nota, potrebbe non essere aggiornata',
  'portal.inProgress.heading': 'Intervento in corso',
  'portal.inProgress.body': "Il tecnico è arrivato e sta eseguendo l'intervento.",
  'portal.completed.heading': 'Tutto fatto',
  'portal.completed.body':
    "L'intervento è stato completato {{ booking.completedDate }} alle {{ booking.completedTime }}.",
  'portal.canceled.heading': 'Questo appuntamento è stato annullato',
  'portal.canceled.body': 'Chiami il {{ company.phone }} per fissare un nuovo appuntamento.',
  'portal.rescheduled.heading': 'Il suo appuntamento ha un nuovo orario',
  'portal.rescheduled.body':
    'Era previsto per {{ booking.previousDate }} alle {{ booking.previousTime }}.',
  'portal.unavailable.heading': 'Questo link non è disponibile',
  'portal.unavailable.body':
    'Potrebbe essere scaduto. Contatti {{ company.name }} al {{ company.phone }} o a {{ company.email }}.',
  'portal.error.heading': 'Non possiamo mostrare il suo appuntamento in questo momento',
  'portal.error.body': 'Riprovi tra un minuto. Il suo link è ancora valido.',
  'portal.addToCalendar': 'Aggiungi al calendario',
  'portal.call': 'Chiama',
  'portal.text': 'Invia SMS',
  'portal.map': "Mappa del luogo dell'intervento e della posizione del tecnico",
  'portal.language': 'Lingua',
  'portal.rating.prompt': 'Come valuta il nostro servizio?',
  'portal.rating.comment': 'Vuole lasciarci un commento? (facoltativo)',
  'portal.rating.submit': 'Invia',
  'portal.rating.thanks': 'Grazie per il suo feedback!',
  'portal.survey': "Ci racconti com'è andata la visita",

  'sms.stopWords': 'ANNULLA, FERMA, BASTA, DISISCRIVI, CANCELLA',
  'sms.startWords': 'SI, SÌ, INIZIA',
  'sms.helpWords': 'AIUTO',
  'sms.stopped':
    '{{ company.name }}: non riceverà più SMS da noi. Risponda START per riceverli di nuovo.',
  'sms.started':
    '{{ company.name }}: riceverà di nuovo i nostri SMS. Risponda STOP per interromperli.',
  'sms.help':
    '{{ company.name }}: chiami il {{ company.phone }} o scriva a {{ company.email }}. Risponda STOP per non ricevere più SMS.',
};
