import type { SnippetValues } from '../definitions.ts';

export const es: SnippetValues = {
  'company.name': 'Contoso Servicios para el Hogar',
  'company.email': 'help@contoso.example',
  'company.phone': '+1 555 0100',
  'page.title': 'Su cita con {{ company.name }}',
  'page.header': '<strong>{{ company.name }}</strong>',
  'page.footer':
    '{{ company.name }} · <a href="mailto:{{ company.email }}">{{ company.email }}</a> · {{ company.phone }}',

  'common.greeting': 'Hola, {{ recipient.name }}:',
  'common.cta': 'Ver su cita',
  'common.contact':
    '¿Tiene alguna pregunta? Llámenos al {{ company.phone }} o escríbanos a {{ company.email }}.',
  'common.yourTechnician': 'Su técnico',
  'common.when': 'Cuándo',
  'common.where': 'Dónde',
  'common.bookingNumber': 'N.º de reserva',

  'reminder.subject': 'Recordatorio: su cita del {{ booking.date }}',
  'reminder.heading': 'Su cita se acerca',
  'reminder.body':
    'Estaremos en {{ account.address }} el {{ booking.date }}, entre las {{ booking.startTime }} y las {{ booking.endTime }}.',
  'reminder.sms':
    '{{ company.name }}: le recordamos su cita el {{ booking.shortDate }}, de {{ booking.startTime }} a {{ booking.endTime }}.',
  'reminder.confirmed': 'Ha confirmado esta cita. ¡Gracias!',
  'traveling.subject': '{{ technician.name }} está en camino',
  'traveling.heading': 'Su técnico está en camino',
  'traveling.body':
    '{{ technician.name }} se dirige a {{ account.address }} y llegará aproximadamente a las {{ eta.time }}.',
  'traveling.sms':
    '{{ company.name }}: {{ technician.name }} va de camino, con llegada prevista hacia las {{ eta.time }}.',
  'completed.subject': 'Su servicio se ha completado',
  'completed.heading': 'Trabajo terminado',
  'completed.body':
    'El trabajo en {{ account.address }} se completó el {{ booking.completedDate }} a las {{ booking.completedTime }}. Gracias por confiar en {{ company.name }}.',
  'completed.sms':
    '{{ company.name }}: hemos terminado su servicio a las {{ booking.completedTime }}. ¡Gracias!',
  'rescheduled.subject': 'Su cita se ha cambiado al {{ booking.date }}',
  'rescheduled.heading': 'Su cita tiene un nuevo horario',
  'rescheduled.body':
    'Su cita se ha cambiado del {{ booking.previousDate }}, a las {{ booking.previousTime }}, al {{ booking.date }}, entre las {{ booking.startTime }} y las {{ booking.endTime }}.',
  'rescheduled.sms':
    '{{ company.name }}: su cita se ha cambiado al {{ booking.shortDate }}, de {{ booking.startTime }} a {{ booking.endTime }}.',
  'canceled.subject': 'Su cita del {{ booking.date }} ha sido cancelada',
  'canceled.heading': 'Su cita ha sido cancelada',
  'canceled.body':
    'Su cita del {{ booking.date }} a las {{ booking.startTime }} ha sido cancelada. Llámenos al {{ company.phone }} para reservar un nuevo horario.',
  'canceled.sms':
    '{{ company.name }}: su cita del {{ booking.shortDate }} ha sido cancelada. Llame al {{ company.phone }} para reprogramarla.',
  'request-declined.subject': 'No hemos podido cambiar su cita',
  'request-declined.heading': 'No hemos podido cambiar su cita',
  'request-declined.body':
    'Lo sentimos: no hemos podido cambiar su cita a la hora que pidió. Se mantiene el {{ booking.date }}, entre las {{ booking.startTime }} y las {{ booking.endTime }}. Si esa hora no le viene bien, llámenos al {{ company.phone }}.',
  'request-declined.sms':
    '{{ company.name }}: lo sentimos, no hemos podido cambiar su cita. Se mantiene el {{ booking.shortDate }}, {{ booking.startTime }}-{{ booking.endTime }}.',

  'portal.scheduled.heading': 'Su cita está confirmada',
  'portal.scheduled.body': 'Su técnico acudirá a {{ account.address }}.',
  'portal.traveling.heading': '{{ technician.name }} está en camino',
  'portal.traveling.eta': 'Llegada estimada',
  'portal.traveling.stale': 'Última ubicación conocida, puede no estar actualizada',
  'portal.inProgress.heading': 'Trabajo en curso',
  'portal.inProgress.body': 'Su técnico ya ha llegado y está trabajando.',
  'portal.completed.heading': 'Trabajo terminado',
  'portal.completed.body':
    'El trabajo se completó el {{ booking.completedDate }} a las {{ booking.completedTime }}.',
  'portal.canceled.heading': 'Esta cita ha sido cancelada',
  'portal.canceled.body': 'Llame al {{ company.phone }} para reservar un nuevo horario.',
  'portal.rescheduled.heading': 'Su cita tiene un nuevo horario',
  'portal.rescheduled.body':
    'Estaba prevista para el {{ booking.previousDate }}, a las {{ booking.previousTime }}.',
  'portal.unavailable.heading': 'Este enlace no está disponible',
  'portal.unavailable.body':
    'Es posible que haya caducado. Póngase en contacto con {{ company.name }} en el {{ company.phone }} o en {{ company.email }}.',
  'portal.error.heading': 'No podemos mostrar su cita en este momento',
  'portal.error.body': 'Inténtelo de nuevo en un minuto. Su enlace sigue siendo válido.',
  'portal.addToCalendar': 'Añadir al calendario',
  'portal.call': 'Llamar',
  'portal.text': 'Enviar SMS',
  'portal.map': 'Mapa del lugar del servicio y de la ubicación del técnico',
  'portal.language': 'Idioma',
  'portal.rating.prompt': '¿Qué tal lo hicimos?',
  'portal.rating.comment': '¿Hay algo que quiera contarnos? (opcional)',
  'portal.rating.submit': 'Enviar',
  'portal.rating.thanks': '¡Gracias por su opinión!',
  'portal.survey': 'Cuéntenos qué tal fue la visita',

  'sms.stopWords': 'BAJA, PARAR, ALTO, CANCELAR, DETENER',
  'sms.startWords': 'ALTA, SI, SÍ, INICIAR',
  'sms.helpWords': 'AYUDA',
  'sms.stopped':
    '{{ company.name }}: no recibirá más mensajes nuestros. Responda ALTA para volver a recibirlos.',
  'sms.started':
    '{{ company.name }}: vuelve a recibir nuestros mensajes. Responda BAJA para dejar de recibirlos.',
  'sms.help':
    '{{ company.name }}: llame al {{ company.phone }} o escriba a {{ company.email }}. Responda BAJA para no recibir más mensajes.',
};
