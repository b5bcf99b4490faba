import type { SnippetValues } from '../definitions.ts';

export const fr: SnippetValues = {
  'company.name': 'Contoso Services à Domicile',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'Votre rendez-vous avec {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': 'Bonjour {{ recipient.name }},',
  'common.cta': 'Voir votre rendez-vous',
  'common.contact':
    'Une question ? Appelez-nous au {{ company.phone }} ou écrivez-nous à {{ company.email }}.',
  'common.yourTechnician': 'Votre technicien',
  'common.when': 'Date et heure',
  'common.where': 'Adresse',
  'common.bookingNumber': 'N° de réservation',

  'reminder.subject': 'Rappel : votre rendez-vous du {{ booking.date }}',
  'reminder.heading': 'Votre rendez-vous approche',
  'reminder.body':
    'Nous interviendrons au {{ account.address }} le {{ booking.date }}, entre {{ booking.startTime }} et {{ booking.endTime }}.',
  'reminder.sms':
    '{{ company.name }} : rappel de votre rendez-vous le {{ booking.shortDate }}, de {{ booking.startTime }} à {{ booking.endTime }}.',
  'reminder.confirmed': 'Vous avez confirmé ce rendez-vous. Merci !',
  'traveling.subject': '{{ technician.name }} est en route',
  'traveling.heading': 'Votre technicien est en route',
  'traveling.body':
    '{{ technician.name }} se rend au {{ account.address }} et devrait arriver vers {{ eta.time }}.',
  'traveling.sms':
    '{{ company.name }} : {{ technician.name }} est en route, arrivée prévue vers {{ eta.time }}.',
  'completed.subject': 'Votre intervention est terminée',
  'completed.heading': "C'est terminé",
  'completed.body':
    "L'intervention au {{ account.address }} s'est terminée le {{ booking.completedDate }} à {{ booking.completedTime }}. Merci d'avoir fait confiance à {{ company.name }}.",
  'completed.sms':
    "{{ company.name }} : votre intervention s'est terminée à {{ booking.completedTime }}. Merci de votre confiance !",
  'rescheduled.subject': 'Votre rendez-vous est déplacé au {{ booking.date }}',
  'rescheduled.heading': "Votre rendez-vous a changé d'horaire",
  'rescheduled.body':
    'Votre rendez-vous du {{ booking.previousDate }} à {{ booking.previousTime }} est déplacé au {{ booking.date }}, entre {{ booking.startTime }} et {{ booking.endTime }}.',
  'rescheduled.sms':
    '{{ company.name }} : votre rendez-vous est déplacé au {{ booking.shortDate }}, de {{ booking.startTime }} à {{ booking.endTime }}.',
  'canceled.subject': 'Votre rendez-vous du {{ booking.date }} est annulé',
  'canceled.heading': 'Votre rendez-vous est annulé',
  'canceled.body':
    "Votre rendez-vous du {{ booking.date }} à {{ booking.startTime }} a été annulé. Appelez-nous au {{ company.phone }} pour convenir d'un nouveau créneau.",
  'canceled.sms':
    '{{ company.name }} : votre rendez-vous du {{ booking.shortDate }} est annulé. Appelez le {{ company.phone }} pour en fixer un autre.',
  'request-declined.subject': "Nous n'avons pas pu déplacer votre rendez-vous",
  'request-declined.heading': "Nous n'avons pas pu déplacer votre rendez-vous",
  'request-declined.body':
    "Nous sommes désolés : nous n'avons pas pu déplacer votre rendez-vous à l'horaire demandé. Il reste prévu le {{ booking.date }}, entre {{ booking.startTime }} et {{ booking.endTime }}. Si cet horaire ne vous convient pas, appelez-nous au {{ company.phone }}.",
  'request-declined.sms':
    "{{ company.name }} : désolés, nous n'avons pas pu déplacer votre rendez-vous. Il reste le {{ booking.shortDate }}, de {{ booking.startTime }} à {{ booking.endTime }}.",

  'portal.scheduled.heading': 'Votre rendez-vous est confirmé',
  'portal.scheduled.body': 'Votre technicien interviendra au {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} est en route',
  'portal.traveling.eta': 'Arrivée prévue',
  'portal.traveling.stale': 'Dernière position connue, peut-être pas à jour',
  'portal.inProgress.heading': 'Intervention en cours',
  'portal.inProgress.body': "Votre technicien est arrivé et s'occupe de l'intervention.",
  'portal.completed.heading': "C'est terminé",
  'portal.completed.body':
    "L'intervention s'est terminée le {{ booking.completedDate }} à {{ booking.completedTime }}.",
  'portal.canceled.heading': 'Ce rendez-vous est annulé',
  'portal.canceled.body': "Appelez le {{ company.phone }} pour convenir d'un nouveau créneau.",
  'portal.rescheduled.heading': "Votre rendez-vous a changé d'horaire",
  'portal.rescheduled.body':
    'Il était prévu le {{ booking.previousDate }} à {{ booking.previousTime }}.',
  'portal.unavailable.heading': "Ce lien n'est pas disponible",
  'portal.unavailable.body':
    'Il a peut-être expiré. Contactez {{ company.name }} au {{ company.phone }} ou à {{ company.email }}.',
  'portal.error.heading': 'Nous ne pouvons pas afficher votre rendez-vous pour le moment',
  'portal.error.body': 'Veuillez réessayer dans une minute. Votre lien est toujours valide.',
  'portal.addToCalendar': "Ajouter à l'agenda",
  'portal.call': 'Appeler',
  'portal.text': 'Envoyer un SMS',
  'portal.map': "Carte du lieu d'intervention et de la position du technicien",
  'portal.language': 'Langue',
  'portal.rating.prompt': 'Comment évaluez-vous notre intervention ?',
  'portal.rating.comment': 'Souhaitez-vous nous dire quelque chose ? (facultatif)',
  'portal.rating.submit': 'Envoyer',
  'portal.rating.thanks': 'Merci pour votre avis !',
  'portal.survey': 'Parlez-nous de notre visite',

  'sms.stopWords': 'ARRET, ARRÊT, STOP, DESABONNER, DÉSABONNER',
  'sms.startWords': 'DEMARRER, DÉMARRER, OUI',
  'sms.helpWords': 'AIDE',
  'sms.stopped':
    '{{ company.name }} : vous ne recevrez plus nos SMS. Répondez START pour les recevoir à nouveau.',
  'sms.started':
    '{{ company.name }} : vous recevez à nouveau nos SMS. Répondez STOP pour les arrêter.',
  'sms.help':
    '{{ company.name }} : appelez le {{ company.phone }} ou écrivez à {{ company.email }}. Répondez STOP pour ne plus recevoir de SMS.',
};
