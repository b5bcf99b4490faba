import type { SnippetValues } from '../definitions.ts';

export const ja: SnippetValues = {
  'company.name': 'Contoso',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': '{{ company.name }} ご予約内容',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': '{{ recipient.name }} 様',
  'common.cta': 'ご予約内容を確認する',
  'common.contact':
    'ご不明な点がございましたら、{{ company.phone }} までお電話いただくか、{{ company.email }} までメールでお問い合わせください。',
  'common.yourTechnician': '担当スタッフ',
  'common.when': '日時',
  'common.where': '訪問先',
  'common.bookingNumber': '予約番号',

  'reminder.subject': '【ご予約確認】{{ booking.date }}のご訪問予定',
  'reminder.heading': 'ご訪問日が近づいています',
  'reminder.body':
    '{{ booking.date }} {{ booking.startTime }}～{{ booking.endTime }}の間に、{{ account.address }}へお伺いします。',
  'reminder.sms':
    '【{{ company.name }}】ご予約は{{ booking.shortDate }} {{ booking.startTime }}～{{ booking.endTime }}です。',
  'reminder.confirmed': 'このご予約は確定済みです。ありがとうございます。',
  'traveling.subject': '担当の{{ technician.name }}が向かっております',
  'traveling.heading': '担当スタッフが向かっております',
  'traveling.body':
    '担当の{{ technician.name }}が{{ account.address }}へ向かっております。{{ eta.time }}頃に到着予定です。',
  'traveling.sms':
    '【{{ company.name }}】{{ technician.name }}が向かっております。{{ eta.time }}頃到着予定です。',
  'completed.subject': '作業完了のお知らせ',
  'completed.heading': '作業が完了しました',
  'completed.body':
    '{{ account.address }}での作業は、{{ booking.completedDate }} {{ booking.completedTime }}に完了しました。{{ company.name }}をご利用いただき、誠にありがとうございました。',
  'completed.sms':
    '【{{ company.name }}】{{ booking.completedTime }}に作業が完了しました。ご利用ありがとうございました。',
  'rescheduled.subject': 'ご予約日時変更のお知らせ（{{ booking.date }}）',
  'rescheduled.heading': 'ご予約日時が変更されました',
  'rescheduled.body':
    'ご予約日時を{{ booking.previousDate }} {{ booking.previousTime }}から、{{ booking.date }} {{ booking.startTime }}～{{ booking.endTime }}に変更いたしました。',
  'rescheduled.sms':
    '【{{ company.name }}】ご予約を{{ booking.shortDate }} {{ booking.startTime }}～{{ booking.endTime }}に変更しました。',
  'canceled.subject': '{{ booking.date }}のご予約キャンセルのお知らせ',
  'canceled.heading': 'ご予約はキャンセルされました',
  'canceled.body':
    '{{ booking.date }} {{ booking.startTime }}からのご予約はキャンセルとなりました。新しい日時でのご予約は、{{ company.phone }}までお電話ください。',
  'canceled.sms':
    '【{{ company.name }}】{{ booking.shortDate }}のご予約はキャンセルされました。再予約は{{ company.phone }}までお電話ください。',
  'request-declined.subject': 'ご予約日時を変更できませんでした',
  'request-declined.heading': 'ご予約日時を変更できませんでした',
  'request-declined.body':
    '申し訳ございません。ご希望の日時へのご予約変更はできませんでした。ご予約は{{ booking.date }} {{ booking.startTime }}～{{ booking.endTime }}のままです。この日時でご都合が悪い場合は、{{ company.phone }}までお電話ください。',
  'request-declined.sms':
    '【{{ company.name }}】申し訳ございません。ご予約を変更できませんでした。{{ booking.shortDate }} {{ booking.startTime }}～{{ booking.endTime }}のままです。',

  'portal.scheduled.heading': 'ご予約を承りました',
  'portal.scheduled.body': '担当スタッフが{{ account.address }}へお伺いします。',
  'portal.traveling.heading': '{{ technician.name }}が向かっております',
  'portal.traveling.eta': '到着予定時刻',
  'portal.traveling.stale': '最後に確認された位置です（最新ではない場合があります）',
  'portal.inProgress.heading': '作業中',
  'portal.inProgress.body': '担当スタッフが到着し、作業を行っております。',
  'portal.completed.heading': '作業が完了しました',
  'portal.completed.body':
    '作業は{{ booking.completedDate }} {{ booking.completedTime }}に完了しました。',
  'portal.canceled.heading': 'このご予約はキャンセルされました',
  'portal.canceled.body': '新しい日時でのご予約は、{{ company.phone }}までお電話ください。',
  'portal.rescheduled.heading': 'ご予約日時が変更されました',
  'portal.rescheduled.body': '変更前の日時：{{ booking.previousDate }} {{ booking.previousTime }}',
  'portal.unavailable.heading': 'このリンクはご利用いただけません',
  'portal.unavailable.body':
    'リンクの有効期限が切れている可能性があります。{{ company.name }}（{{ company.phone }}、{{ company.email }}）までお問い合わせください。',
  'portal.error.heading': '現在、ご予約を表示できません',
  'portal.error.body':
    '1分ほどしてから、もう一度お試しください。リンクは引き続きご利用いただけます。',
  'portal.addToCalendar': 'カレンダーに追加',
  'portal.call': '電話する',
  'portal.text': 'SMSを送る',
  'portal.map': '訪問先と担当スタッフの現在地を示す地図',
  'portal.language': '言語',
  'portal.rating.prompt': '今回のサービスはいかがでしたか？',
  'portal.rating.comment': 'ご意見・ご感想がございましたらお聞かせください（任意）',
  'portal.rating.submit': '送信',
  'portal.rating.thanks': 'ご意見をお寄せいただき、ありがとうございました。',
  'portal.survey': '今回のご訪問についてお聞かせください',

  'sms.stopWords': '停止, 配信停止, 解除',
  'sms.startWords': '開始, 再開',
  'sms.helpWords': 'ヘルプ',
  'sms.stopped':
    '{{ company.name }}：今後SMSはお送りしません。再開するには START と返信してください。',
  'sms.started':
    '{{ company.name }}：SMSの配信を再開しました。停止するには STOP と返信してください。',
  'sms.help':
    '{{ company.name }}：お問い合わせは {{ company.phone }} または {{ company.email }} まで。配信停止は STOP と返信してください。',
};
