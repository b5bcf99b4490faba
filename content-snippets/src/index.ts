export {
  LOCALES,
  DEFAULT_LOCALE,
  isLocale,
  isRtl,
  resolveLocale,
  textDirection,
} from './locales.ts';
export type { Locale } from './locales.ts';
export { MESSAGE_TYPES, CALENDAR_METHOD, CARRIES_LINK } from './messages.ts';
export type { MessageType } from './messages.ts';
export { Branding, defaultBranding, readableTextOn } from './branding.ts';
export {
  PLACEHOLDERS,
  SNIPPET_KEYS,
  snippetDefinition,
  snippetDefinitions,
} from './snippets/definitions.ts';
export type {
  Placeholder,
  SnippetDefinition,
  SnippetKey,
  SnippetValues,
} from './snippets/definitions.ts';
export { defaultSnippets } from './snippets/index.ts';
export { validateTemplate } from './render/validate.ts';
export type { TemplateProblem, ValidateOptions, ValidationResult } from './render/validate.ts';
export { escapeHtml, htmlToText, sanitizeMarketerHtml } from './render/sanitize.ts';
export { countSmsSegments } from './render/sms.ts';
export type { SmsCount } from './render/sms.ts';
export { buildCalendar } from './render/calendar.ts';
export type { CalendarAttachment, CalendarEvent } from './render/calendar.ts';
export { formatInstant } from './render/dates.ts';
export { MessageData } from './render/message-data.ts';
export { createRenderer, InvalidMessageDataError } from './render/renderer.ts';
export type {
  RenderedEmail,
  RenderedSms,
  Renderer,
  RendererContent,
  SnippetOverrides,
  TemplateOverrides,
} from './render/renderer.ts';
export {
  defaultEmailTemplate,
  defaultSmsTemplate,
  defaultSubjectTemplate,
  defaultTextTemplate,
} from './templates/email.ts';
export {
  checkMessageTemplate,
  SMS_WARNING_SEGMENTS,
  TEMPLATE_FIELDS,
} from './render/template-check.ts';
export type {
  MessageTemplateDraft,
  TemplateCheck,
  TemplateCheckOptions,
  TemplateField,
  TemplateFieldProblem,
} from './render/template-check.ts';
