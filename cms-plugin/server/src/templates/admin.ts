import type { Core } from '@strapi/strapi';
import {
  LOCALES,
  checkMessageTemplate,
  defaultEmailTemplate,
  defaultSmsTemplate,
  defaultSubjectTemplate,
  defaultTextTemplate,
  type Locale,
} from '@enroute/content';
import type { MessageType } from '../../../shared/contracts/domain.ts';
import {
  TemplatePart,
  type TemplatePage,
  type TemplateParts,
  type TemplateProblem,
  type TemplateQuery,
  type TemplateRestore,
  type TemplateSave,
  type TemplateSaved,
} from '../../../shared/contracts/message-templates.ts';
import { sampleMessageData } from '../services/admin-preview.ts';
import type { StoredSettings } from '../services/settings.ts';
import { getService } from '../utils/get-service.ts';
import { RequestError, invalid, notFound } from '../validation/errors.ts';

const PARTS = TemplatePart.options;

function supportedLocale(locale: string): Locale {
  if (!(LOCALES as readonly string[]).includes(locale)) {
    throw invalid('locale', `must be one of ${LOCALES.join(', ')}`);
  }
  return locale as Locale;
}

/** Enroute's own template of each part, with the branding in use. */
function enrouteDefaults(
  type: MessageType,
  settings: StoredSettings,
): Record<TemplatePart, string> {
  return {
    subject: defaultSubjectTemplate(type),
    email: defaultEmailTemplate(type, settings.branding),
    text: defaultTextTemplate(type),
    sms: defaultSmsTemplate(type),
  };
}

/** Empty parts are stored as none: the message falls back for them. */
function normalized(parts: Partial<TemplateParts>): TemplateParts {
  const part = (name: TemplatePart) => {
    const value = parts[name];
    return value && value.trim() !== '' ? value : null;
  };
  return { subject: part('subject'), email: part('email'), text: part('text'), sms: part('sms') };
}

/**
 * The template page: a message's template in one locale beside Enroute's own, saved only when
 * every part is sound (Liquid, placeholders, MJML, SMS length), each save and restore a version
 * with who made it.
 */
export const createAdminTemplatesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const templates = () => getService('templates', { strapi });
  const settings = () => getService('settings', { strapi });

  /** Refuses parts that cannot be sent, each problem under `template.<part>` with its position. */
  async function check(type: MessageType, locale: Locale, parts: TemplateParts) {
    const stored = await settings().read();
    const [snippets, fallback] = await Promise.all([
      getService('snippets', { strapi }).forLocale(locale, stored.defaultLocale),
      // The default locale's parts: what a part left empty here is sent with.
      templates().forLocale(stored.defaultLocale, stored.defaultLocale),
    ]);
    const result = await checkMessageTemplate(type, locale, parts, {
      sample: sampleMessageData(stored),
      smsSegmentLimit: stored.smsSegmentLimit,
      branding: stored.branding,
      snippets: { [locale]: snippets.values },
      inherited: locale === stored.defaultLocale ? undefined : fallback.templates[type],
    });
    const problem = (found: (typeof result.errors)[number]): TemplateProblem => ({
      path: `template.${found.field}`,
      message: `${found.message} at line ${found.line}, column ${found.column}`,
      line: found.line,
      column: found.column,
    });
    if (result.errors.length > 0) {
      throw new RequestError(400, result.errors.map(problem), 'the template cannot be saved');
    }
    return { warnings: result.warnings.map(problem), sms: result.sms };
  }

  return {
    async page({ type, locale: wanted }: TemplateQuery): Promise<TemplatePage> {
      const locale = supportedLocale(wanted);
      const stored = await settings().read();
      const [versions, set] = await Promise.all([
        templates().history(type, locale),
        templates().forLocale(locale, stored.defaultLocale),
      ]);
      const defaults = enrouteDefaults(type, stored);
      const effective = Object.fromEntries(
        PARTS.map((part) => {
          const value = set.templates[type]?.[part];
          const source = set.sources[type]?.[part];
          return [
            part,
            value !== undefined && source
              ? { source, value }
              : { source: 'enroute' as const, value: defaults[part] },
          ];
        }),
      ) as TemplatePage['effective'];
      return {
        type,
        locale,
        locales: [...LOCALES],
        defaultLocale: stored.defaultLocale,
        current: versions[0] ?? null,
        effective,
        defaults,
        versions,
        smsSegmentLimit: stored.smsSegmentLimit,
      };
    },

    async save(request: TemplateSave, savedBy: string): Promise<TemplateSaved> {
      const locale = supportedLocale(request.locale);
      const parts = normalized(request.parts);
      const checked = await check(request.type, locale, parts);
      const version = await templates().save(request.type, locale, parts, savedBy);
      return { version, ...checked };
    },

    /** An earlier version made current again, as a new version; checked as a save is. */
    async restore(request: TemplateRestore, savedBy: string): Promise<TemplateSaved> {
      const locale = supportedLocale(request.locale);
      const earlier = await templates().version(request.type, locale, request.version);
      if (!earlier) throw notFound('version', `no version ${request.version} of this template`);
      const checked = await check(request.type, locale, normalized(earlier));
      const version = await templates().restore(request.type, locale, earlier, savedBy);
      return { version, ...checked };
    },
  };
};

export type AdminTemplatesService = ReturnType<typeof createAdminTemplatesService>;
