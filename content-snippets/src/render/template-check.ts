import type { Branding } from '../branding.ts';
import type { Locale } from '../locales.ts';
import type { MessageType } from '../messages.ts';
import type { MessageData } from './message-data.ts';
import { createRenderer, type SnippetOverrides } from './renderer.ts';
import type { SmsCount } from './sms.ts';
import { validateTemplate, type TemplateProblem } from './validate.ts';
import type { MjmlProblem } from './mjml.ts';

/** The four parts of a message a marketer can replace. */
export const TEMPLATE_FIELDS = ['subject', 'email', 'text', 'sms'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type MessageTemplateDraft = Partial<Record<TemplateField, string | null>>;

export interface TemplateFieldProblem extends TemplateProblem {
  field: TemplateField;
}

/** SMS longer than this many segments are allowed with a warning (each segment is billed). */
export const SMS_WARNING_SEGMENTS = 2;

export interface TemplateCheckOptions {
  /** What the message is rendered with to count the SMS: a plausible recipient and booking. */
  sample: MessageData;
  /** More segments than this and the template is refused. */
  smsSegmentLimit: number;
  branding?: Branding;
  snippets?: SnippetOverrides;
  /** What a message uses for the parts the draft leaves empty (the default locale's). */
  inherited?: MessageTemplateDraft;
}

export interface TemplateCheck {
  errors: TemplateFieldProblem[];
  warnings: TemplateFieldProblem[];
  /** The SMS as the sample renders it, when the SMS template could be rendered. */
  sms: SmsCount | null;
}

/** MJML's validator names a line of the expanded email; its problems carry no column. */
function mjmlProblems(error: unknown): TemplateFieldProblem[] | null {
  const list = (error as { errors?: unknown }).errors;
  if (!Array.isArray(list) || list.length === 0) return null;
  return (list as MjmlProblem[]).map((problem) => ({
    field: 'email',
    message: `${problem.tagName ? `<${problem.tagName}>: ` : ''}${problem.message ?? 'invalid MJML'}`,
    line: problem.line ?? 1,
    column: 1,
  }));
}

function renderProblem(field: TemplateField, error: unknown): TemplateFieldProblem {
  const message = error instanceof Error ? error.message : String(error);
  return { field, message: `cannot be rendered: ${message}`, line: 1, column: 1 };
}

/**
 * What a marketer's template is checked with before it is saved: each part's Liquid (syntax,
 * unknown placeholders and snippets, with line and column), the email's MJML structure (strict
 * validation, with the line), and the SMS's length in billed segments (GSM-7 or UCS-2) as the
 * sample renders it: a warning over two segments, refused over the limit.
 */
export async function checkMessageTemplate(
  type: MessageType,
  locale: Locale,
  draft: MessageTemplateDraft,
  options: TemplateCheckOptions,
): Promise<TemplateCheck> {
  const errors: TemplateFieldProblem[] = [];
  const warnings: TemplateFieldProblem[] = [];
  const valid: MessageTemplateDraft = {};
  for (const field of TEMPLATE_FIELDS) {
    const source = draft[field];
    if (source === undefined || source === null || source.trim() === '') continue;
    const result = validateTemplate(source, { kind: 'template' });
    if (result.ok) valid[field] = source;
    else errors.push(...result.errors.map((problem) => ({ ...problem, field })));
  }

  const parts = { ...options.inherited, ...valid };
  const templates = {
    [type]: Object.fromEntries(Object.entries(parts).filter(([, value]) => value)),
  };
  const renderer = createRenderer({
    snippets: options.snippets ?? {},
    branding: options.branding,
    templates,
  });
  let sms: SmsCount | null = null;
  if (valid.email !== undefined || valid.subject !== undefined || valid.text !== undefined) {
    try {
      await renderer.renderEmail(type, locale, options.sample);
    } catch (error) {
      const field =
        valid.email !== undefined ? 'email' : valid.text !== undefined ? 'text' : 'subject';
      errors.push(...(mjmlProblems(error) ?? [renderProblem(field, error)]));
    }
  }
  // Compiling a message compiles all its parts: the SMS is counted once the others are sound.
  if (errors.length === 0) {
    try {
      const { encoding, segments, units } = await renderer.renderSms(type, locale, options.sample);
      sms = { encoding, segments, units };
      const where = { field: 'sms' as const, line: 1, column: 1 };
      const size = `${segments} segments (${encoding}, ${units} units)`;
      if (segments > options.smsSegmentLimit) {
        errors.push({
          ...where,
          message: `is ${size}, over the limit of ${options.smsSegmentLimit} set in the settings`,
        });
      } else if (segments > SMS_WARNING_SEGMENTS) {
        warnings.push({ ...where, message: `is ${size}: each segment is billed` });
      }
    } catch (error) {
      errors.push(renderProblem('sms', error));
    }
  }
  errors.sort(
    (a, b) =>
      TEMPLATE_FIELDS.indexOf(a.field) - TEMPLATE_FIELDS.indexOf(b.field) ||
      a.line - b.line ||
      a.column - b.column,
  );
  return { errors, warnings, sms };
}
