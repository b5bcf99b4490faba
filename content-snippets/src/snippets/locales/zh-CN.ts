import type { SnippetValues } from '../definitions.ts';

export const zhCN: SnippetValues = {
  'company.name': 'Contoso',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': '您在{{ company.name }}的预约',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': '{{ recipient.name }}，您好：',
  'common.cta': '查看预约详情',
  'common.contact': '如有疑问，请致电 {{ company.phone }} 或发送邮件至 {{ company.email }}。',
  'common.yourTechnician': '您的技师',
  'common.when': '时间',
  'common.where': '地址',
  'common.bookingNumber': '预约编号',

  'reminder.subject': '预约提醒：{{ booking.date }}上门服务',
  'reminder.heading': '您的预约时间即将到来',
  'reminder.body':
    '我们将于{{ booking.date }} {{ booking.startTime }}至{{ booking.endTime }}之间前往{{ account.address }}为您提供服务。',
  'reminder.sms':
    '【{{ company.name }}】您的预约时间为{{ booking.shortDate }} {{ booking.startTime }}-{{ booking.endTime }}。',
  'reminder.confirmed': '您已确认此预约。谢谢！',
  'traveling.subject': '{{ technician.name }}正在前往您处',
  'traveling.heading': '技师正在前往您处',
  'traveling.body':
    '{{ technician.name }}正在前往{{ account.address }}，预计{{ eta.time }}左右到达。',
  'traveling.sms':
    '【{{ company.name }}】{{ technician.name }}正在前往您处，预计{{ eta.time }}左右到达。',
  'completed.subject': '您的服务已完成',
  'completed.heading': '服务已完成',
  'completed.body':
    '{{ account.address }}的服务已于{{ booking.completedDate }} {{ booking.completedTime }}完成。感谢您选择{{ company.name }}。',
  'completed.sms':
    '【{{ company.name }}】您的服务已于{{ booking.completedTime }}完成，感谢您的惠顾！',
  'rescheduled.subject': '您的预约已改至{{ booking.date }}',
  'rescheduled.heading': '您的预约时间已变更',
  'rescheduled.body':
    '您的预约已从{{ booking.previousDate }} {{ booking.previousTime }}改至{{ booking.date }} {{ booking.startTime }}至{{ booking.endTime }}之间。',
  'rescheduled.sms':
    '【{{ company.name }}】您的预约已改至{{ booking.shortDate }} {{ booking.startTime }}-{{ booking.endTime }}。',
  'canceled.subject': '您{{ booking.date }}的预约已取消',
  'canceled.heading': '您的预约已取消',
  'canceled.body':
    '您在{{ booking.date }} {{ booking.startTime }}的预约已取消。如需重新预约，请致电 {{ company.phone }}。',
  'canceled.sms':
    '【{{ company.name }}】您{{ booking.shortDate }}的预约已取消。如需重新预约，请致电{{ company.phone }}。',
  'request-declined.subject': '我们无法更改您的预约时间',
  'request-declined.heading': '我们无法更改您的预约时间',
  'request-declined.body':
    '很抱歉，我们无法将您的预约改到您要求的时间。预约仍为{{ booking.date }} {{ booking.startTime }}至{{ booking.endTime }}。如该时间不便，请致电 {{ company.phone }}。',
  'request-declined.sms':
    '【{{ company.name }}】很抱歉，您的预约无法更改，仍为{{ booking.shortDate }} {{ booking.startTime }}-{{ booking.endTime }}。',

  'portal.scheduled.heading': '您的预约已确认',
  'portal.scheduled.body': '技师将前往{{ account.address }}为您服务。',
  'portal.traveling.heading': '{{ technician.name }}正在前往您处',
  'portal.traveling.eta': '预计到达时间',
  'portal.traveling.stale': '最后已知位置，可能不是最新',
  'portal.inProgress.heading': '服务进行中',
  'portal.inProgress.body': '技师已到达，正在为您服务。',
  'portal.completed.heading': '服务已完成',
  'portal.completed.body': '服务已于{{ booking.completedDate }} {{ booking.completedTime }}完成。',
  'portal.canceled.heading': '此预约已取消',
  'portal.canceled.body': '如需重新预约，请致电 {{ company.phone }}。',
  'portal.rescheduled.heading': '您的预约时间已变更',
  'portal.rescheduled.body': '原预约时间：{{ booking.previousDate }} {{ booking.previousTime }}。',
  'portal.unavailable.heading': '此链接无法使用',
  'portal.unavailable.body':
    '该链接可能已过期。请联系{{ company.name }}：电话 {{ company.phone }}，邮箱 {{ company.email }}。',
  'portal.error.heading': '暂时无法显示您的预约',
  'portal.error.body': '请一分钟后重试。您的链接仍然有效。',
  'portal.addToCalendar': '添加到日历',
  'portal.call': '拨打电话',
  'portal.text': '发短信',
  'portal.map': '服务地点与技师位置地图',
  'portal.language': '语言',
  'portal.rating.prompt': '您对本次服务满意吗？',
  'portal.rating.comment': '还有什么想告诉我们的吗？（选填）',
  'portal.rating.submit': '提交',
  'portal.rating.thanks': '感谢您的反馈！',
  'portal.survey': '分享您的服务体验',

  'sms.stopWords': '停止, 退订, 取消, TD',
  'sms.startWords': '开始, 订阅',
  'sms.helpWords': '帮助',
  'sms.stopped': '{{ company.name }}：您将不再收到我们的短信。回复 START 可重新接收。',
  'sms.started': '{{ company.name }}：您已恢复接收我们的短信。回复 STOP 可退订。',
  'sms.help':
    '{{ company.name }}：请致电 {{ company.phone }} 或发邮件至 {{ company.email }}。回复 STOP 退订短信。',
};
