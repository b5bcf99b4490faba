import { z } from 'zod';
import { Instant, MessageType } from './domain.ts';
import { FieldError } from './errors.ts';

/**
 * Whole message templates a marketer edits, per message type and locale, each save a version
 * (admin JWT and the plugin's permissions, prefix /enroute):
 *
 *   GET  /templates?type=&locale=   → TemplatePage (current parts, Enroute's defaults, versions)
 *   PUT  /templates                 → TemplateSave ⇒ TemplateSaved (400: each problem with its
 *                                     path `template.<part>`, line and column)
 *   POST /templates/restore         → TemplateRestore ⇒ TemplateSaved (a new version)
 *
 * A part left empty falls back to the default locale's template, then to Enroute's own.
 */
export const TemplatePart = z.enum(['subject', 'email', 'text', 'sms']);
export type TemplatePart = z.infer<typeof TemplatePart>;

export const TemplateParts = z.object({
  subject: z.string().max(2_000).nullable(),
  /** MJML. */
  email: z.string().max(200_000).nullable(),
  text: z.string().max(50_000).nullable(),
  sms: z.string().max(5_000).nullable(),
});
export type TemplateParts = z.infer<typeof TemplateParts>;

export const TemplateVersion = TemplateParts.extend({
  version: z.number().int().min(1),
  savedBy: z.string(),
  savedAt: Instant,
  /** The earlier version this one restored. */
  restoredFrom: z.number().int().nullable(),
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

export const TemplateQuery = z.object({
  type: MessageType,
  locale: z.string().min(2).max(16),
});
export type TemplateQuery = z.infer<typeof TemplateQuery>;

/** Where each part the next message uses comes from. */
export const TemplateSource = z.enum(['locale', 'default-locale', 'enroute']);
export type TemplateSource = z.infer<typeof TemplateSource>;

export const TemplatePage = z.object({
  type: MessageType,
  locale: z.string(),
  locales: z.array(z.string()),
  defaultLocale: z.string(),
  /** This locale's latest version; null before its first save. */
  current: TemplateVersion.nullable(),
  /** What a message uses for each part now, and where it comes from. */
  effective: z.record(TemplatePart, z.object({ source: TemplateSource, value: z.string() })),
  /** Enroute's own template of each part, shown beside the edit. */
  defaults: z.record(TemplatePart, z.string()),
  /** Newest first. */
  versions: z.array(TemplateVersion),
  smsSegmentLimit: z.number().int(),
});
export type TemplatePage = z.infer<typeof TemplatePage>;

export const TemplateSave = TemplateQuery.extend({ parts: TemplateParts.partial() }).strict();
export type TemplateSave = z.infer<typeof TemplateSave>;

export const TemplateRestore = TemplateQuery.extend({
  version: z.number().int().min(1),
}).strict();
export type TemplateRestore = z.infer<typeof TemplateRestore>;

export const SmsSize = z.object({
  encoding: z.enum(['GSM-7', 'UCS-2']),
  segments: z.number().int(),
  units: z.number().int(),
});

/** A problem in one part (`template.sms`), at its line and column. */
export const TemplateProblem = FieldError.extend({
  line: z.number().int(),
  column: z.number().int(),
});
export type TemplateProblem = z.infer<typeof TemplateProblem>;

export const TemplateSaved = z.object({
  version: TemplateVersion,
  /** Allowed but worth knowing (an SMS over two segments). */
  warnings: z.array(TemplateProblem),
  /** The SMS as a sample booking renders it. */
  sms: SmsSize.nullable(),
});
export type TemplateSaved = z.infer<typeof TemplateSaved>;
