import type { SnippetValues } from '../definitions.ts';

export const pl: SnippetValues = {
  'company.name': 'Contoso',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'Twoja wizyta – {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': 'Dzień dobry {{ recipient.name }},',
  'common.cta': 'Zobacz szczegóły wizyty',
  'common.contact':
    'Masz pytania? Zadzwoń pod numer {{ company.phone }} lub napisz na adres {{ company.email }}.',
  'common.yourTechnician': 'Twój serwisant',
  'common.when': 'Termin',
  'common.where': 'Adres',
  'common.bookingNumber': 'Nr zlecenia',

  'reminder.subject': 'Przypomnienie o wizycie: {{ booking.date }}',
  'reminder.heading': 'Zbliża się termin Twojej wizyty',
  'reminder.body':
    'Przyjedziemy pod adres {{ account.address }}. Termin: {{ booking.date }}, w godzinach {{ booking.startTime }}–{{ booking.endTime }}.',
  'reminder.sms':
    '{{ company.name }}: przypominamy o wizycie {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',
  'reminder.confirmed': 'Potwierdziłeś tę wizytę. Dziękujemy!',
  'traveling.subject': '{{ technician.name }} jest już w drodze',
  'traveling.heading': 'Serwisant jest już w drodze',
  'traveling.body':
    '{{ technician.name }} jedzie pod adres {{ account.address }}. Przewidywany czas przyjazdu: ok. {{ eta.time }}.',
  'traveling.sms':
    '{{ company.name }}: {{ technician.name }} jest w drodze, będzie ok. {{ eta.time }}.',
  'completed.subject': 'Zlecenie zostało zrealizowane',
  'completed.heading': 'Gotowe',
  'completed.body':
    'Prace pod adresem {{ account.address }} zostały zakończone: {{ booking.completedDate }}, godz. {{ booking.completedTime }}. Dziękujemy za skorzystanie z usług {{ company.name }}.',
  'completed.sms':
    '{{ company.name }}: prace zakończone o godz. {{ booking.completedTime }}. Dziękujemy!',
  'rescheduled.subject': 'Nowy termin wizyty: {{ booking.date }}',
  'rescheduled.heading': 'Nowy termin Twojej wizyty',
  'rescheduled.body':
    'Twoja wizyta została przeniesiona. Poprzedni termin: {{ booking.previousDate }}, godz. {{ booking.previousTime }}. Nowy termin: {{ booking.date }}, w godzinach {{ booking.startTime }}–{{ booking.endTime }}.',
  'rescheduled.sms':
    '{{ company.name }}: zmiana terminu wizyty na {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',
  'canceled.subject': 'Odwołana wizyta: {{ booking.date }}',
  'canceled.heading': 'Twoja wizyta została odwołana',
  'canceled.body':
    'Twoja wizyta ({{ booking.date }}, godz. {{ booking.startTime }}) została odwołana. Aby umówić nowy termin, zadzwoń pod numer {{ company.phone }}.',
  'canceled.sms':
    '{{ company.name }}: wizyta {{ booking.shortDate }} została odwołana. Aby umówić nowy termin, zadzwoń: {{ company.phone }}.',
  'request-declined.subject': 'Nie udało się przenieść Twojej wizyty',
  'request-declined.heading': 'Nie udało się przenieść Twojej wizyty',
  'request-declined.body':
    'Przykro nam, nie udało się przenieść Twojej wizyty na wybrany termin. Wizyta pozostaje {{ booking.date }}, w godzinach {{ booking.startTime }}–{{ booking.endTime }}. Jeśli ten termin Ci nie odpowiada, zadzwoń do nas: {{ company.phone }}.',
  'request-declined.sms':
    '{{ company.name }}: nie udało się przenieść wizyty. Zostaje {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',

  'portal.scheduled.heading': 'Twoja wizyta jest umówiona',
  'portal.scheduled.body': 'Serwisant przyjedzie pod adres {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} jest w drodze',
  'portal.traveling.eta': 'Przewidywany czas przyjazdu',
  'portal.traveling.stale': 'Ostatnia znana pozycja, może być nieaktualna',
  'portal.inProgress.heading': 'Prace w toku',
  'portal.inProgress.body': 'Serwisant jest już na miejscu i wykonuje prace.',
  'portal.completed.heading': 'Gotowe',
  'portal.completed.body':
    'Prace zakończono: {{ booking.completedDate }}, godz. {{ booking.completedTime }}.',
  'portal.canceled.heading': 'Ta wizyta została odwołana',
  'portal.canceled.body': 'Aby umówić nowy termin, zadzwoń pod numer {{ company.phone }}.',
  'portal.rescheduled.heading': 'Nowy termin Twojej wizyty',
  'portal.rescheduled.body':
    'Poprzedni termin: {{ booking.previousDate }}, godz. {{ booking.previousTime }}.',
  'portal.unavailable.heading': 'Ten link jest niedostępny',
  'portal.unavailable.body':
    'Link mógł wygasnąć. Skontaktuj się z firmą {{ company.name }}: {{ company.phone }} lub {{ company.email }}.',
  'portal.error.heading': 'Nie możemy teraz wyświetlić Twojej wizyty',
  'portal.error.body': 'Spróbuj ponownie za minutę. Twój link jest nadal ważny.',
  'portal.addToCalendar': 'Dodaj do kalendarza',
  'portal.call': 'Zadzwoń',
  'portal.text': 'Napisz SMS',
  'portal.map': 'Mapa z miejscem wizyty i lokalizacją serwisanta',
  'portal.language': 'Język',
  'portal.rating.prompt': 'Jak oceniasz naszą usługę?',
  'portal.rating.comment': 'Chcesz nam coś przekazać? (opcjonalnie)',
  'portal.rating.submit': 'Wyślij',
  'portal.rating.thanks': 'Dziękujemy za opinię!',
  'portal.survey': 'Podziel się opinią o wizycie',

  'sms.stopWords': 'WYPISZ, REZYGNUJĘ, REZYGNUJE, KONIEC',
  'sms.startWords': 'TAK, WZNÓW',
  'sms.helpWords': 'POMOC',
  'sms.stopped':
    '{{ company.name }}: nie otrzymasz od nas więcej SMS-ów. Odpowiedz START, aby znów je otrzymywać.',
  'sms.started':
    '{{ company.name }}: znów otrzymujesz nasze SMS-y. Odpowiedz STOP, aby je wyłączyć.',
  'sms.help':
    '{{ company.name }}: zadzwoń pod {{ company.phone }} lub napisz na {{ company.email }}. Odpowiedz STOP, aby nie otrzymywać SMS-ów.',
};
