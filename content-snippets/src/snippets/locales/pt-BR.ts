import type { SnippetValues } from '../definitions.ts';

export const ptBR: SnippetValues = {
  'company.name': 'Contoso Residencial',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'Seu agendamento com {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': 'Olá, {{ recipient.name }},',
  'common.cta': 'Ver seu agendamento',
  'common.contact': 'Dúvidas? Ligue para {{ company.phone }} ou escreva para {{ company.email }}.',
  'common.yourTechnician': 'Seu técnico',
  'common.when': 'Quando',
  'common.where': 'Onde',
  'common.bookingNumber': 'Nº do agendamento',

  'reminder.subject': 'Lembrete: seu atendimento está marcado para {{ booking.date }}',
  'reminder.heading': 'Seu atendimento está chegando',
  'reminder.body':
    'Estaremos em {{ account.address }} em {{ booking.date }}, entre {{ booking.startTime }} e {{ booking.endTime }}.',
  'reminder.sms':
    '{{ company.name }}: lembrete do seu agendamento para {{ booking.shortDate }}, das {{ booking.startTime }} às {{ booking.endTime }}.',
  'reminder.confirmed': 'Você confirmou este agendamento. Obrigado!',
  'traveling.subject': '{{ technician.name }} está a caminho',
  'traveling.heading': 'Seu técnico está a caminho',
  'traveling.body':
    '{{ technician.name }} está indo para {{ account.address }} e deve chegar por volta das {{ eta.time }}.',
  'traveling.sms':
    '{{ company.name }}: {{ technician.name }} segue a caminho e deve chegar por volta das {{ eta.time }}.',
  'completed.subject': 'Seu atendimento foi concluído',
  'completed.heading': 'Tudo pronto',
  'completed.body':
    'O serviço em {{ account.address }} foi concluído em {{ booking.completedDate }}, às {{ booking.completedTime }}. Obrigado por escolher {{ company.name }}.',
  'completed.sms':
    '{{ company.name }}: finalizamos o seu atendimento às {{ booking.completedTime }}. Obrigado!',
  'rescheduled.subject': 'Seu agendamento foi alterado para {{ booking.date }}',
  'rescheduled.heading': 'Seu agendamento tem um novo horário',
  'rescheduled.body':
    'Seu agendamento foi alterado de {{ booking.previousDate }}, às {{ booking.previousTime }}, para {{ booking.date }}, entre {{ booking.startTime }} e {{ booking.endTime }}.',
  'rescheduled.sms':
    '{{ company.name }}: seu agendamento foi alterado para {{ booking.shortDate }}, das {{ booking.startTime }} às {{ booking.endTime }}.',
  'canceled.subject': 'Seu agendamento de {{ booking.date }} foi cancelado',
  'canceled.heading': 'Seu agendamento foi cancelado',
  'canceled.body':
    'Seu agendamento de {{ booking.date }}, às {{ booking.startTime }}, foi cancelado. Ligue para {{ company.phone }} para marcar um novo horário.',
  'canceled.sms':
    '{{ company.name }}: seu agendamento de {{ booking.shortDate }} foi cancelado. Ligue para {{ company.phone }} para remarcar.',
  'request-declined.subject': 'Não conseguimos remarcar seu agendamento',
  'request-declined.heading': 'Não conseguimos remarcar seu agendamento',
  'request-declined.body':
    'Sentimos muito: não conseguimos remarcar seu agendamento para o horário pedido. Ele continua em {{ booking.date }}, entre {{ booking.startTime }} e {{ booking.endTime }}. Se esse horário não for bom para você, ligue para {{ company.phone }}.',
  'request-declined.sms':
    '{{ company.name }}: lamentamos, o pedido de troca foi recusado. Seu agendamento segue em {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',

  'portal.scheduled.heading': 'Seu atendimento está agendado',
  'portal.scheduled.body': 'Seu técnico irá até {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} está a caminho',
  'portal.traveling.eta': 'Chegada prevista',
  'portal.traveling.stale': 'Última localização conhecida, pode estar desatualizada',
  'portal.inProgress.heading': 'Serviço em andamento',
  'portal.inProgress.body': 'Seu técnico já chegou e está cuidando do serviço.',
  'portal.completed.heading': 'Tudo pronto',
  'portal.completed.body':
    'O serviço foi concluído em {{ booking.completedDate }}, às {{ booking.completedTime }}.',
  'portal.canceled.heading': 'Este agendamento foi cancelado',
  'portal.canceled.body': 'Ligue para {{ company.phone }} para marcar um novo horário.',
  'portal.rescheduled.heading': 'Seu agendamento tem um novo horário',
  'portal.rescheduled.body':
    'Ele estava marcado para {{ booking.previousDate }}, às {{ booking.previousTime }}.',
  'portal.unavailable.heading': 'Este link não está disponível',
  'portal.unavailable.body':
    'Ele pode ter expirado. Entre em contato com {{ company.name }} pelo telefone {{ company.phone }} ou pelo e-mail {{ company.email }}.',
  'portal.error.heading': 'Não conseguimos mostrar seu agendamento agora',
  'portal.error.body': 'Tente novamente em um minuto. Seu link continua válido.',
  'portal.addToCalendar': 'Adicionar à agenda',
  'portal.call': 'Ligar',
  'portal.text': 'Enviar SMS',
  'portal.map': 'Mapa do local do atendimento e da localização do técnico',
  'portal.language': 'Idioma',
  'portal.rating.prompt': 'Como foi o nosso atendimento?',
  'portal.rating.comment': 'Gostaria de nos contar algo? (opcional)',
  'portal.rating.submit': 'Enviar',
  'portal.rating.thanks': 'Obrigado pela sua avaliação!',
  'portal.survey': 'Conte-nos como foi a visita',

  'sms.stopWords': 'SAIR, PARAR, CANCELAR, DESCADASTRAR',
  'sms.startWords': 'SIM, VOLTAR, INICIAR',
  'sms.helpWords': 'AJUDA',
  'sms.stopped':
    '{{ company.name }}: você não receberá mais nossas mensagens. Responda START para voltar a recebê-las.',
  'sms.started':
    '{{ company.name }}: você voltará a receber nossas mensagens. Responda SAIR para pará-las.',
  'sms.help':
    '{{ company.name }}: ligue para {{ company.phone }} ou escreva para {{ company.email }}. Responda SAIR para não receber mais mensagens.',
};
