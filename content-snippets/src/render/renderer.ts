import type { Liquid, Template } from 'liquidjs';
import { Branding, defaultBranding, fontFamilies, readableTextOn } from '../branding.ts';
import { isRtl, type Locale } from '../locales.ts';
import { CALENDAR_METHOD, MESSAGE_TYPES, type MessageType } from '../messages.ts';
import { snippetDefinition, SNIPPET_KEYS, type SnippetKey } from '../snippets/definitions.ts';
import { defaultSnippets } from '../snippets/index.ts';
import {
  defaultEmailTemplate,
  defaultSmsTemplate,
  defaultSubjectTemplate,
  defaultTextTemplate,
} from '../templates/email.ts';
import { buildCalendar, type CalendarAttachment } from './calendar.ts';
import { expandTemplate, type ExpandContext } from './expand.ts';
import { compileInterpolation, liquidEscape, noEscape, type Interpolation } from './interpolate.ts';
import { htmlLiquid, textLiquid } from './liquid.ts';
import { MessageData } from './message-data.ts';
import { compileMjml } from './mjml.ts';
import { countSmsSegments, type SmsCount } from './sms.ts';
import { validateTemplate } from './validate.ts';
import { createValues, type Values } from './values.ts';

export type SnippetOverrides = Partial<Record<Locale, Partial<Record<string, string>>>>;

/** Whole templates a marketer replaced, per message (MJML email, text part, SMS). */
export type TemplateOverrides = Partial<
  Record<MessageType, { email?: string; text?: string; subject?: string; sms?: string }>
>;

export interface RendererContent {
  snippets?: SnippetOverrides;
  /** Changes whenever any snippet changes; part of the compile cache key. */
  snippetsVersion?: string;
  branding?: Branding;
  templates?: TemplateOverrides;
  /** Changes whenever any stored template changes; part of the compile cache key. */
  templatesVersion?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  ics: CalendarAttachment | null;
}

export interface RenderedSms extends SmsCount {
  body: string;
}

/** A template ready for recipients: the fast interpolation when it applies, else Liquid. */
interface CompiledTemplate {
  fast: Interpolation | null;
  liquid: Template[];
  engine: Liquid;
}

function compileTemplate(source: string, target: 'html' | 'text'): CompiledTemplate {
  const engine = target === 'html' ? htmlLiquid : textLiquid;
  return {
    liquid: engine.parse(source),
    fast: compileInterpolation(source, target === 'html' ? liquidEscape : noEscape),
    engine,
  };
}

function renderTemplate(template: CompiledTemplate, values: Values): string {
  return template.fast
    ? template.fast.render(values.get)
    : (template.engine.renderSync(template.liquid, values.all()) as string);
}

interface CompiledMessage {
  html: CompiledTemplate;
  text: CompiledTemplate;
  subject: CompiledTemplate;
  sms: CompiledTemplate;
}

interface CompiledLocale {
  company: { name: string; email: string; phone: string };
  yourTechnician: string;
  title: CompiledTemplate;
  snippets: Map<SnippetKey, CompiledTemplate>;
}

export class InvalidMessageDataError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(
      `invalid message data: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    );
    this.issues = issues;
  }
}

/**
 * Renders Enroute's messages. Each (message, locale) is compiled once for the current content
 * (snippets version, branding, templates) — snippets expanded, MJML turned into HTML — and every
 * recipient after that costs one Liquid interpolation. `update()` with new content drops what was
 * compiled for the old.
 */
export function createRenderer(initial: RendererContent = {}) {
  let content = normalize(initial);
  let contentKey = keyOf(content);
  let messages = new Map<string, Promise<CompiledMessage>>();
  let locales = new Map<Locale, CompiledLocale>();

  function snippetSource(locale: Locale, key: SnippetKey): string {
    const custom = content.snippets[locale]?.[key];
    if (custom !== undefined && validateTemplate(custom).ok) return custom;
    return defaultSnippets[locale][key];
  }

  function expandContext(locale: Locale, target: 'html' | 'text'): ExpandContext {
    const rtl = isRtl(locale);
    const constants = new Map<string, string>([
      ['company.name', snippetSource(locale, 'company.name')],
      ['company.email', snippetSource(locale, 'company.email')],
      ['company.phone', snippetSource(locale, 'company.phone')],
      ['lang', locale],
      ['dir', rtl ? 'rtl' : 'ltr'],
      ['align', rtl ? 'right' : 'left'],
      ['brand.accentTextColor', readableTextOn(content.branding.accentColor)],
    ]);
    for (const [name, value] of Object.entries(content.branding)) {
      constants.set(`brand.${name}`, value ?? '');
    }
    // Unquoted: an escaped quote (`&#39;`) would end the declaration in an inlined style.
    constants.set('brand.fontFamily', fontFamilies(content.branding.fontFamily)?.join(', ') ?? '');
    return {
      target,
      constants,
      isolate: rtl,
      snippet(key) {
        const definition = snippetDefinition(key);
        if (!definition) return undefined;
        return { value: snippetSource(locale, key as SnippetKey), html: definition.html === true };
      },
    };
  }

  function compiledLocale(locale: Locale): CompiledLocale {
    let found = locales.get(locale);
    if (found) return found;
    const html = expandContext(locale, 'html');
    const text = expandContext(locale, 'text');
    const snippets = new Map<SnippetKey, CompiledTemplate>();
    for (const key of SNIPPET_KEYS) {
      const tag = `{% snippet '${key}' %}`;
      const target = snippetDefinition(key)?.html ? 'html' : 'text';
      snippets.set(
        key,
        compileTemplate(expandTemplate(tag, target === 'html' ? html : text), target),
      );
    }
    found = {
      company: {
        name: snippetSource(locale, 'company.name'),
        email: snippetSource(locale, 'company.email'),
        phone: snippetSource(locale, 'company.phone'),
      },
      yourTechnician: snippetSource(locale, 'common.yourTechnician'),
      title: compileTemplate(expandTemplate(`{% snippet 'page.title' %}`, text), 'text'),
      snippets,
    };
    locales.set(locale, found);
    return found;
  }

  async function compileMessage(type: MessageType, locale: Locale): Promise<CompiledMessage> {
    const overrides = content.templates[type] ?? {};
    const html = expandContext(locale, 'html');
    const text = expandContext(locale, 'text');
    const mjml = expandTemplate(
      overrides.email ?? defaultEmailTemplate(type, content.branding),
      html,
    );
    const email = await compileMjml(mjml, { validationLevel: 'strict', keepComments: false });
    return {
      html: compileTemplate(email, 'html'),
      text: compileTemplate(
        expandTemplate(overrides.text ?? defaultTextTemplate(type), text),
        'text',
      ),
      subject: compileTemplate(
        expandTemplate(overrides.subject ?? defaultSubjectTemplate(type), text),
        'text',
      ),
      sms: compileTemplate(expandTemplate(overrides.sms ?? defaultSmsTemplate(type), text), 'text'),
    };
  }

  function compiledMessage(type: MessageType, locale: Locale): Promise<CompiledMessage> {
    const key = `${type}|${locale}`;
    let found = messages.get(key);
    if (!found) {
      found = compileMessage(type, locale);
      found.catch(() => messages.delete(key));
      messages.set(key, found);
    }
    return found;
  }

  function scope(locale: Locale, input: MessageData) {
    const parsed = MessageData.safeParse(input);
    if (!parsed.success) {
      throw new InvalidMessageDataError(
        parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        })),
      );
    }
    const compiled = compiledLocale(locale);
    const values = createValues(locale, parsed.data, compiled.company, compiled.yourTechnician);
    return { data: parsed.data, compiled, values };
  }

  return {
    async renderEmail(
      type: MessageType,
      locale: Locale,
      input: MessageData,
    ): Promise<RenderedEmail> {
      const message = await compiledMessage(type, locale);
      const { data, compiled, values } = scope(locale, input);
      const subject = renderTemplate(message.subject, values).trim();
      const method = CALENDAR_METHOD[type];
      return {
        subject,
        html: renderTemplate(message.html, values),
        text: renderTemplate(message.text, values),
        ics: method
          ? buildCalendar({
              method,
              uid: `${data.booking.id}@enroute`,
              sequence: Math.floor(Date.now() / 1000),
              start: data.booking.start,
              end: data.booking.end,
              timeZone: data.booking.timeZone,
              summary: renderTemplate(compiled.title, values).trim(),
              description: data.link ? `${subject}\n${data.link}` : subject,
              location: data.account.address,
              url: data.link || null,
              organizer: { name: compiled.company.name, email: compiled.company.email },
              attendee: data.recipient.email
                ? { name: data.recipient.name, email: data.recipient.email }
                : null,
            })
          : null,
      };
    },

    async renderSms(type: MessageType, locale: Locale, input: MessageData): Promise<RenderedSms> {
      const message = await compiledMessage(type, locale);
      const { values } = scope(locale, input);
      const body = renderTemplate(message.sms, values).trim();
      return { body, ...countSmsSegments(body) };
    },

    /**
     * Every snippet of a locale with its placeholders filled, for the portal: html snippets as
     * sanitized HTML with escaped values, the others as plain text (to be escaped where shown).
     */
    renderSnippets(locale: Locale, input: MessageData): Record<SnippetKey, string> {
      const { compiled, values } = scope(locale, input);
      const out = {} as Record<SnippetKey, string>;
      for (const [key, template] of compiled.snippets) out[key] = renderTemplate(template, values);
      return out;
    },

    /**
     * Compiles every message of a locale ahead of the first recipient, so that the first message
     * costs one interpolation like the others (compiling takes most of a second).
     */
    async precompile(locale: Locale): Promise<void> {
      compiledLocale(locale);
      await Promise.all(MESSAGE_TYPES.map((type) => compiledMessage(type, locale)));
    },

    /** New content from the CMS; what was compiled for other content is dropped. */
    update(next: RendererContent): void {
      const normalized = normalize(next);
      const key = keyOf(normalized);
      if (key === contentKey) return;
      content = normalized;
      contentKey = key;
      messages = new Map();
      locales = new Map();
    },
  };
}

export type Renderer = ReturnType<typeof createRenderer>;

function normalize(content: RendererContent): Required<RendererContent> {
  return {
    snippets: content.snippets ?? {},
    snippetsVersion: content.snippetsVersion ?? '',
    branding: Branding.parse(content.branding ?? defaultBranding),
    templates: content.templates ?? {},
    templatesVersion: content.templatesVersion ?? '',
  };
}

function keyOf(content: Required<RendererContent>): string {
  // Without a version, the snippets themselves are the version.
  const snippets = content.snippetsVersion || JSON.stringify(content.snippets);
  const templates = content.templatesVersion || JSON.stringify(content.templates);
  return JSON.stringify([snippets, content.branding, templates]);
}
