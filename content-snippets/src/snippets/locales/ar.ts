import type { SnippetValues } from '../definitions.ts';

export const ar: SnippetValues = {
  'company.name': 'Contoso',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'موعدك مع {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}"><bdi>{{ company.email }}</bdi></a> · <bdi>{{ company.phone }}</bdi>',

  'common.greeting': 'مرحبًا {{ recipient.name }}،',
  'common.cta': 'عرض تفاصيل موعدك',
  'common.contact':
    'لديك استفسار؟ اتصل بنا على {{ company.phone }} أو راسلنا على {{ company.email }}.',
  'common.yourTechnician': 'الفني المختص',
  'common.when': 'الموعد',
  'common.where': 'العنوان',
  'common.bookingNumber': 'رقم الحجز',

  'reminder.subject': 'تذكير: موعدك يوم {{ booking.date }}',
  'reminder.heading': 'موعدك يقترب',
  'reminder.body':
    'سنكون في {{ account.address }} يوم {{ booking.date }} بين الساعة {{ booking.startTime }} والساعة {{ booking.endTime }}.',
  'reminder.sms':
    '{{ company.name }}: موعدك يوم {{ booking.shortDate }}، من {{ booking.startTime }} إلى {{ booking.endTime }}.',
  'reminder.confirmed': 'لقد أكدت هذا الموعد. شكرًا لك!',
  'traveling.subject': '{{ technician.name }} في الطريق إليك',
  'traveling.heading': 'الفني في الطريق إليك',
  'traveling.body':
    '{{ technician.name }} في الطريق إلى {{ account.address }}، والوصول متوقع نحو الساعة {{ eta.time }}.',
  'traveling.sms':
    '{{ company.name }}: {{ technician.name }} في الطريق إليك، الوصول نحو {{ eta.time }}.',
  'completed.subject': 'تم إنجاز الخدمة',
  'completed.heading': 'اكتمل العمل',
  'completed.body':
    'تم إنجاز العمل في {{ account.address }} يوم {{ booking.completedDate }} الساعة {{ booking.completedTime }}. شكرًا لاختيارك {{ company.name }}.',
  'completed.sms':
    '{{ company.name }}: تم إنجاز الخدمة الساعة {{ booking.completedTime }}. شكرًا لك!',
  'rescheduled.subject': 'تم تغيير موعدك إلى يوم {{ booking.date }}',
  'rescheduled.heading': 'تم تحديد وقت جديد لموعدك',
  'rescheduled.body':
    'تم نقل موعدك من يوم {{ booking.previousDate }} الساعة {{ booking.previousTime }} إلى يوم {{ booking.date }} بين الساعة {{ booking.startTime }} والساعة {{ booking.endTime }}.',
  'rescheduled.sms':
    '{{ company.name }}: تم نقل موعدك إلى {{ booking.shortDate }}، من {{ booking.startTime }} إلى {{ booking.endTime }}.',
  'canceled.subject': 'تم إلغاء موعدك يوم {{ booking.date }}',
  'canceled.heading': 'تم إلغاء موعدك',
  'canceled.body':
    'تم إلغاء موعدك يوم {{ booking.date }} الساعة {{ booking.startTime }}. لحجز موعد جديد، اتصل بنا على {{ company.phone }}.',
  'canceled.sms':
    '{{ company.name }}: تم إلغاء موعدك يوم {{ booking.shortDate }}. لحجز موعد جديد اتصل بنا على {{ company.phone }}.',
  'request-declined.subject': 'لم نتمكن من تغيير موعدك',
  'request-declined.heading': 'لم نتمكن من تغيير موعدك',
  'request-declined.body':
    'نعتذر، لم نتمكن من نقل موعدك إلى الوقت الذي طلبته. يبقى موعدك يوم {{ booking.date }}، بين {{ booking.startTime }} و{{ booking.endTime }}. إذا لم يناسبك هذا الوقت، اتصل بنا على {{ company.phone }}.',
  'request-declined.sms':
    '{{ company.name }}: تعذر تغيير موعدك، ويبقى {{ booking.shortDate }}، {{ booking.startTime }}-{{ booking.endTime }}.',

  'portal.scheduled.heading': 'تم تأكيد موعدك',
  'portal.scheduled.body': 'سيحضر الفني إلى {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} في الطريق إليك',
  'portal.traveling.eta': 'وقت الوصول المتوقع',
  'portal.traveling.stale': 'آخر موقع معروف، وقد لا يكون محدّثًا',
  'portal.inProgress.heading': 'العمل جارٍ',
  'portal.inProgress.body': 'وصل الفني ويعمل الآن على طلبك.',
  'portal.completed.heading': 'اكتمل العمل',
  'portal.completed.body':
    'تم إنجاز العمل يوم {{ booking.completedDate }} الساعة {{ booking.completedTime }}.',
  'portal.canceled.heading': 'تم إلغاء هذا الموعد',
  'portal.canceled.body': 'لحجز موعد جديد، اتصل بنا على {{ company.phone }}.',
  'portal.rescheduled.heading': 'تم تحديد وقت جديد لموعدك',
  'portal.rescheduled.body':
    'كان موعدك السابق يوم {{ booking.previousDate }} الساعة {{ booking.previousTime }}.',
  'portal.unavailable.heading': 'هذا الرابط غير متاح',
  'portal.unavailable.body':
    'ربما انتهت صلاحية الرابط. تواصل مع {{ company.name }} على {{ company.phone }} أو {{ company.email }}.',
  'portal.error.heading': 'لا يمكننا عرض موعدك الآن',
  'portal.error.body': 'حاول مرة أخرى بعد دقيقة. لا يزال رابطك صالحًا.',
  'portal.addToCalendar': 'إضافة إلى التقويم',
  'portal.call': 'اتصال',
  'portal.text': 'رسالة نصية',
  'portal.map': 'خريطة موقع الخدمة وموقع الفني',
  'portal.language': 'اللغة',
  'portal.rating.prompt': 'كيف كانت تجربتك معنا؟',
  'portal.rating.comment': 'هل تود إخبارنا بشيء؟ (اختياري)',
  'portal.rating.submit': 'إرسال',
  'portal.rating.thanks': 'شكرًا لك على ملاحظاتك!',
  'portal.survey': 'شاركنا رأيك في الزيارة',

  'sms.stopWords': 'إيقاف, توقف, الغاء, إلغاء',
  'sms.startWords': 'ابدأ, نعم',
  'sms.helpWords': 'مساعدة',
  'sms.stopped':
    '{{ company.name }}: لن تصلك رسائل نصية منا بعد الآن. أرسل START لاستلامها من جديد.',
  'sms.started': '{{ company.name }}: ستصلك رسائلنا النصية من جديد. أرسل STOP لإيقافها.',
  'sms.help':
    '{{ company.name }}: اتصل بنا على {{ company.phone }} أو راسلنا على {{ company.email }}. أرسل STOP لإيقاف الرسائل.',
};
