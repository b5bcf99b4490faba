import type { SnippetValues } from '../definitions.ts';

export const he: SnippetValues = {
  'company.name': 'Contoso',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'הביקור שלך – {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}"><bdi>{{ company.email }}</bdi></a> · <bdi>{{ company.phone }}</bdi>',

  'common.greeting': 'שלום {{ recipient.name }},',
  'common.cta': 'לפרטי הביקור',
  'common.contact':
    'יש שאלות? אפשר להתקשר למספר {{ company.phone }} או לכתוב לנו לכתובת {{ company.email }}.',
  'common.yourTechnician': 'הטכנאי שלך',
  'common.when': 'מועד',
  'common.where': 'כתובת',
  'common.bookingNumber': 'מספר הזמנה',

  'reminder.subject': 'תזכורת: ביקור טכנאי – {{ booking.date }}',
  'reminder.heading': 'הביקור שלך מתקרב',
  'reminder.body':
    'נגיע לכתובת {{ account.address }} ב{{ booking.date }}, בין השעות {{ booking.startTime }} ל-{{ booking.endTime }}.',
  'reminder.sms':
    '{{ company.name }}: תזכורת לביקור ב{{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',
  'reminder.confirmed': 'אישרת את הפגישה הזו. תודה!',
  'traveling.subject': '{{ technician.name }} בדרך אליך',
  'traveling.heading': 'הטכנאי בדרך אליך',
  'traveling.body':
    '{{ technician.name }} בדרך לכתובת {{ account.address }}. שעת הגעה משוערת: בסביבות {{ eta.time }}.',
  'traveling.sms': '{{ company.name }}: {{ technician.name }} בדרך אליך. צפי הגעה: {{ eta.time }}.',
  'completed.subject': 'השירות הושלם',
  'completed.heading': 'העבודה הושלמה',
  'completed.body':
    'העבודה בכתובת {{ account.address }} הושלמה ב{{ booking.completedDate }} בשעה {{ booking.completedTime }}. תודה שבחרת ב-{{ company.name }}.',
  'completed.sms': '{{ company.name }}: העבודה הושלמה בשעה {{ booking.completedTime }}. תודה רבה!',
  'rescheduled.subject': 'הביקור שלך הועבר ל{{ booking.date }}',
  'rescheduled.heading': 'נקבע מועד חדש לביקור שלך',
  'rescheduled.body':
    'הביקור שלך הועבר מ{{ booking.previousDate }} בשעה {{ booking.previousTime }} ל{{ booking.date }}, בין השעות {{ booking.startTime }} ל-{{ booking.endTime }}.',
  'rescheduled.sms':
    '{{ company.name }}: הביקור שלך הועבר ל{{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',
  'canceled.subject': 'הביקור שלך ב{{ booking.date }} בוטל',
  'canceled.heading': 'הביקור שלך בוטל',
  'canceled.body':
    'הביקור שלך ב{{ booking.date }} בשעה {{ booking.startTime }} בוטל. לתיאום מועד חדש אפשר להתקשר אלינו למספר {{ company.phone }}.',
  'canceled.sms':
    '{{ company.name }}: הביקור שלך ב{{ booking.shortDate }} בוטל. לתיאום מועד חדש: {{ company.phone }}.',
  'request-declined.subject': 'לא הצלחנו להזיז את התור שלך',
  'request-declined.heading': 'לא הצלחנו להזיז את התור שלך',
  'request-declined.body':
    'מצטערים, לא הצלחנו להזיז את התור שלך למועד שביקשת. התור נשאר ב-{{ booking.date }}, בין {{ booking.startTime }} ל-{{ booking.endTime }}. אם המועד אינו מתאים לך, התקשר אלינו: {{ company.phone }}.',
  'request-declined.sms':
    '{{ company.name }}: מצטערים, התור לא הוזז ונשאר ב-{{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',

  'portal.scheduled.heading': 'הביקור שלך נקבע',
  'portal.scheduled.body': 'הטכנאי יגיע לכתובת {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} בדרך אליך',
  'portal.traveling.eta': 'שעת הגעה משוערת',
  'portal.traveling.stale': 'מיקום אחרון ידוע, ייתכן שאינו עדכני',
  'portal.inProgress.heading': 'העבודה בביצוע',
  'portal.inProgress.body': 'הטכנאי הגיע והעבודה בעיצומה.',
  'portal.completed.heading': 'העבודה הושלמה',
  'portal.completed.body':
    'העבודה הושלמה ב{{ booking.completedDate }} בשעה {{ booking.completedTime }}.',
  'portal.canceled.heading': 'ביקור זה בוטל',
  'portal.canceled.body': 'לתיאום מועד חדש אפשר להתקשר למספר {{ company.phone }}.',
  'portal.rescheduled.heading': 'נקבע מועד חדש לביקור שלך',
  'portal.rescheduled.body':
    'המועד הקודם היה ב{{ booking.previousDate }} בשעה {{ booking.previousTime }}.',
  'portal.unavailable.heading': 'הקישור אינו זמין',
  'portal.unavailable.body':
    'ייתכן שתוקף הקישור פג. אפשר לפנות אל {{ company.name }} בטלפון {{ company.phone }} או במייל {{ company.email }}.',
  'portal.error.heading': 'לא ניתן להציג את התור כרגע',
  'portal.error.body': 'אפשר לנסות שוב בעוד דקה. הקישור עדיין בתוקף.',
  'portal.addToCalendar': 'הוספה ליומן',
  'portal.call': 'התקשרות',
  'portal.text': 'שליחת הודעה',
  'portal.map': 'מפה של כתובת השירות ומיקום הטכנאי',
  'portal.language': 'שפה',
  'portal.rating.prompt': 'איך היה השירות?',
  'portal.rating.comment': 'רוצה לספר לנו משהו? (לא חובה)',
  'portal.rating.submit': 'שליחה',
  'portal.rating.thanks': 'תודה על המשוב!',
  'portal.survey': 'ספרו לנו על הביקור',

  'sms.stopWords': 'הסר, עצור, הפסק',
  'sms.startWords': 'התחל, כן',
  'sms.helpWords': 'עזרה',
  'sms.stopped': '{{ company.name }}: לא תקבלו מאיתנו עוד הודעות. השיבו START כדי לקבל אותן שוב.',
  'sms.started': '{{ company.name }}: תקבלו שוב את ההודעות שלנו. השיבו STOP כדי להפסיק.',
  'sms.help':
    '{{ company.name }}: התקשרו ל-{{ company.phone }} או כתבו ל-{{ company.email }}. השיבו STOP כדי להפסיק לקבל הודעות.',
};
