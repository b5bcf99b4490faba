import type { Branding } from '../branding.ts';
import { CARRIES_LINK, type MessageType } from '../messages.ts';

/**
 * The default MJML email of each message. `{% snippet %}` tags and `brand.*`, `dir`, `lang`,
 * `align` are filled at compile time; `{{ recipient.name }}`, `{{ booking.* }}`, `{{ link }}` and
 * the other placeholders per recipient. Images appear only when the branding has them.
 */
const DETAILS: Record<MessageType, boolean> = {
  reminder: true,
  traveling: false,
  completed: false,
  rescheduled: true,
  canceled: true,
  // The visit's time, kept: what the customer still has.
  'request-declined': true,
};

export function defaultEmailTemplate(type: MessageType, branding: Branding): string {
  const image = (url: string | null, alt: string) =>
    url
      ? `<mj-section padding="0"><mj-column><mj-image src="${url}" alt="${alt}" padding="0" /></mj-column></mj-section>`
      : '';
  const logo = branding.logoUrl
    ? `<mj-image src="{{ brand.logoUrl }}" alt="{{ company.name }}" width="160px" align="{{ align }}" padding="8px 24px" />`
    : '';
  const details = DETAILS[type]
    ? `<mj-text padding="16px 24px 8px">
        <strong>{% snippet 'common.when' %}</strong><br />{{ booking.date }}, {{ booking.startTime }} - {{ booking.endTime }}<br />
        <strong>{% snippet 'common.where' %}</strong><br />{{ account.address }}<br />
        <strong>{% snippet 'common.bookingNumber' %}</strong><br />{{ booking.number }}
      </mj-text>`
    : '';
  // The technician's position and the visit on a static map, when the message carries one;
  // the body says the address and arrival time either way.
  const map =
    type === 'traveling'
      ? `<mj-raw>{% if map.url != "" %}</mj-raw>
        <mj-image src="{{ map.url }}" alt="{% snippet 'traveling.heading' %}: {{ account.address }}" width="552px" padding="8px 24px" />
        <mj-raw>{% endif %}</mj-raw>`
      : '';
  // A reminder for a booking the customer confirmed from their page says so.
  const confirmed =
    type === 'reminder'
      ? `<mj-raw>{% if booking.confirmedDate != "" %}</mj-raw>
        <mj-text font-weight="600">{% snippet 'reminder.confirmed' %}</mj-text>
        <mj-raw>{% endif %}</mj-raw>`
      : '';
  const button = CARRIES_LINK[type]
    ? `<mj-button href="{{ link }}" padding="16px 24px">{% snippet 'common.cta' %}</mj-button>`
    : '';
  return `<mjml lang="{{ lang }}" dir="{{ dir }}">
  <mj-head>
    <mj-title>{% snippet '${type}.subject' %}</mj-title>
    <mj-preview>{% snippet '${type}.heading' %}</mj-preview>
    <mj-attributes>
      <mj-all font-family="{{ brand.fontFamily }}" />
      <mj-text color="{{ brand.textColor }}" font-size="16px" line-height="24px" align="{{ align }}" padding="8px 24px" />
      <mj-button background-color="{{ brand.accentColor }}" color="{{ brand.accentTextColor }}" font-size="16px" font-weight="600" border-radius="6px" align="{{ align }}" />
    </mj-attributes>
    <mj-style inline="inline">a { color: {{ brand.accentColor }}; }</mj-style>
  </mj-head>
  <mj-body background-color="{{ brand.backgroundColor }}" width="600px">
    ${image(branding.headerImageUrl ? '{{ brand.headerImageUrl }}' : null, '')}
    <mj-section background-color="{{ brand.foregroundColor }}" padding="16px 0 0">
      <mj-column>
        ${logo}
        <mj-text font-size="14px">{% snippet 'page.header' %}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="{{ brand.foregroundColor }}" padding="0 0 16px">
      <mj-column>
        <mj-text font-size="24px" line-height="32px" font-weight="700" padding="16px 24px 8px">{% snippet '${type}.heading' %}</mj-text>
        <mj-text>{% snippet 'common.greeting' %}</mj-text>
        <mj-text>{% snippet '${type}.body' %}</mj-text>
        ${confirmed}
        ${details}
        ${map}
        ${button}
        <mj-text font-size="14px" padding="16px 24px 0">{% snippet 'common.contact' %}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="8px 0">
      <mj-column>
        <mj-text font-size="12px" line-height="18px" align="center">{% snippet 'page.footer' %}</mj-text>
      </mj-column>
    </mj-section>
    ${image(branding.footerImageUrl ? '{{ brand.footerImageUrl }}' : null, '')}
  </mj-body>
</mjml>`;
}

/** The plain-text alternative: the same words as the HTML, in reading order. */
export function defaultTextTemplate(type: MessageType): string {
  const details = DETAILS[type]
    ? `
{% snippet 'common.when' %}: {{ booking.date }}, {{ booking.startTime }} - {{ booking.endTime }}
{% snippet 'common.where' %}: {{ account.address }}
{% snippet 'common.bookingNumber' %}: {{ booking.number }}
`
    : '';
  const link = CARRIES_LINK[type] ? `\n{% snippet 'common.cta' %}: {{ link }}\n` : '';
  const confirmed =
    type === 'reminder'
      ? `{% if booking.confirmedDate != "" %}\n{% snippet 'reminder.confirmed' %}\n{% endif %}`
      : '';
  return `{% snippet '${type}.heading' %}

{% snippet 'common.greeting' %}

{% snippet '${type}.body' %}
${confirmed}${details}${link}
{% snippet 'common.contact' %}

--
{% snippet 'page.footer' %}
`;
}

export function defaultSubjectTemplate(type: MessageType): string {
  return `{% snippet '${type}.subject' %}`;
}

/** SMS: the message's words, then the link where the message carries one. */
export function defaultSmsTemplate(type: MessageType): string {
  return CARRIES_LINK[type]
    ? `{% snippet '${type}.sms' %} {{ link }}`
    : `{% snippet '${type}.sms' %}`;
}
