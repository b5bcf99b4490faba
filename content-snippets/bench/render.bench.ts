/**
 * Rendering throughput: the renderer (compile once, interpolate per recipient) against the naive
 * way (MJML to HTML for every message). Prints one line:
 *   render: emails_per_s=<n> sms_per_s=<n> naive_emails_per_s=<n> speedup=<n>
 * Run from the repository root with `npm run bench:render`.
 */
import mjml2html from 'mjml';
import {
  createRenderer,
  defaultBranding,
  defaultEmailTemplate,
  defaultSubjectTemplate,
  defaultTextTemplate,
  LOCALES,
  MESSAGE_TYPES,
  type Locale,
  type MessageType,
} from '../src/index.ts';
import { defaultSnippets } from '../src/snippets/index.ts';
import { snippetDefinition } from '../src/snippets/definitions.ts';
import { expandTemplate, type ExpandContext } from '../src/render/expand.ts';
import { htmlLiquid, textLiquid } from '../src/render/liquid.ts';
import { messageData } from '../src/fixtures/message-data.ts';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 10_000);
const SMS = Number(process.env.BENCH_SMS ?? 10_000);
const NAIVE = Number(process.env.BENCH_NAIVE ?? 200);

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Dubai', 'Asia/Tokyo', 'America/Sao_Paulo'];
const NAMES = ['Ana García', 'John <Smith>', 'Ōtani Shōhei', 'محمد علي', 'יעל כהן', 'Zoë & Co'];

function job(i: number): {
  type: MessageType;
  locale: Locale;
  data: ReturnType<typeof messageData>;
} {
  const start = new Date(Date.UTC(2026, 10, 25, 8 + (i % 9), (i * 7) % 60));
  const base = messageData();
  return {
    type: MESSAGE_TYPES[i % MESSAGE_TYPES.length]!,
    locale: LOCALES[(i * 7) % LOCALES.length]!,
    data: {
      ...base,
      recipient: { name: `${NAMES[i % NAMES.length]} ${i}`, email: `customer${i}@example.com` },
      booking: {
        ...base.booking,
        id: `bk_${i}`,
        number: `WO-${100000 + i}`,
        start: start.toISOString(),
        end: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        timeZone: ZONES[i % ZONES.length]!,
      },
      link: `https://track.contoso.example/t/${i.toString(36).padStart(22, 'x')}`,
    },
  };
}

// Personalised input for every message, made before the clock starts.
const jobs = Array.from({ length: Math.max(EMAILS, SMS, NAIVE) }, (_, i) => job(i));

/** Seconds spent running `run` for indexes [from, to). */
async function time(
  from: number,
  to: number,
  run: (i: number) => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  for (let i = from; i < to; i++) await run(i);
  return (performance.now() - started) / 1000;
}

const renderer = createRenderer();
// Compile every (message, locale) once, as a running system would have done long before.
for (const type of MESSAGE_TYPES) {
  for (const locale of LOCALES) await renderer.renderEmail(type, locale, messageData());
}

const renderEmail = (i: number) => {
  const { type, locale, data } = jobs[i]!;
  return renderer.renderEmail(type, locale, data);
};
const renderSms = (i: number) => {
  const { type, locale, data } = jobs[i]!;
  return renderer.renderSms(type, locale, data);
};

/** The naive way: fill the MJML for this recipient, then run MJML on it, every time. */
function naiveContext(locale: Locale, target: 'html' | 'text'): ExpandContext {
  return {
    target,
    constants: new Map([
      ['lang', locale],
      ['dir', locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr'],
      ['align', locale === 'ar' || locale === 'he' ? 'right' : 'left'],
      ...Object.entries(defaultBranding).map(
        ([k, v]) => [`brand.${k}`, v ?? ''] as [string, string],
      ),
      ['brand.accentTextColor', '#ffffff'],
    ]),
    snippet: (key) => {
      const definition = snippetDefinition(key);
      const value = (defaultSnippets[locale] as Record<string, string>)[key];
      return definition && value !== undefined
        ? { value, html: definition.html === true }
        : undefined;
    },
  };
}
const naiveEmail = async (i: number) => {
  const { type, locale, data } = jobs[i]!;
  const html = naiveContext(locale, 'html');
  const text = naiveContext(locale, 'text');
  const variables = {
    recipient: data.recipient,
    booking: { number: data.booking.number, date: data.booking.start },
    account: data.account,
    technician: data.technician,
    link: data.link,
    company: { name: 'Contoso', email: 'help@contoso.example', phone: '+1 555 0100' },
  };
  const mjml = htmlLiquid.parseAndRenderSync(
    expandTemplate(defaultEmailTemplate(type, defaultBranding), html),
    variables,
  ) as string;
  await mjml2html(mjml, { validationLevel: 'strict' });
  textLiquid.parseAndRenderSync(expandTemplate(defaultSubjectTemplate(type), text), variables);
  textLiquid.parseAndRenderSync(expandTemplate(defaultTextTemplate(type), text), variables);
};

// The three runs take turns in rounds, so that whatever else the machine does weighs on each
// alike and the ratio stays fair.
const ROUNDS = 5;
const seconds = { emails: 0, sms: 0, naive: 0 };
const slice = (total: number, round: number) =>
  [Math.floor((total * round) / ROUNDS), Math.floor((total * (round + 1)) / ROUNDS)] as const;
for (let round = 0; round < ROUNDS; round++) {
  seconds.emails += await time(...slice(EMAILS, round), renderEmail);
  seconds.sms += await time(...slice(SMS, round), renderSms);
  seconds.naive += await time(...slice(NAIVE, round), naiveEmail);
}
const emailsPerSecond = EMAILS / seconds.emails;
const smsPerSecond = SMS / seconds.sms;
const naivePerSecond = NAIVE / seconds.naive;

const round = (n: number) => Math.round(n);
console.log(
  `render: emails_per_s=${round(emailsPerSecond)} sms_per_s=${round(smsPerSecond)} ` +
    `naive_emails_per_s=${naivePerSecond.toFixed(1)} speedup=${round(emailsPerSecond / naivePerSecond)}`,
);
