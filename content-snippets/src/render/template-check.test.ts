import { describe, expect, it } from 'vitest';
import { messageData } from '../fixtures/message-data.ts';
import { defaultEmailTemplate } from '../templates/email.ts';
import { defaultBranding } from '../branding.ts';
import { checkMessageTemplate } from './template-check.ts';

const options = { sample: messageData(), smsSegmentLimit: 4 };

describe("a marketer's whole template, before it is saved", () => {
  it('passes when every part is sound, and counts the SMS', async () => {
    const result = await checkMessageTemplate(
      'reminder',
      'fr',
      {
        subject: 'Rendez-vous {{ booking.date }}',
        email: defaultEmailTemplate('reminder', defaultBranding),
        text: '{{ recipient.name }}: {{ link }}',
        sms: 'RDV {{ booking.date }} {{ link }}',
      },
      options,
    );
    expect(result.errors).toEqual([]);
    expect(result.sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('refuses an unknown placeholder with its field, line and column', async () => {
    const result = await checkMessageTemplate(
      'reminder',
      'en',
      { text: 'Hello\n  {{ booking.dte }}' },
      options,
    );
    expect(result.errors).toEqual([
      { field: 'text', message: 'unknown placeholder {{ booking.dte }}', line: 2, column: 6 },
    ]);
  });

  it('refuses a Liquid syntax error with its line', async () => {
    const result = await checkMessageTemplate(
      'reminder',
      'en',
      { subject: 'Visit {% if link %}soon' },
      options,
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ field: 'subject', line: 1 });
    expect(result.errors[0]?.message).toMatch(/not closed/);
  });

  it('refuses an email whose MJML structure is wrong, naming the tag and line', async () => {
    const email = `<mjml>
  <mj-body>
    <mj-text>outside any column</mj-text>
  </mj-body>
</mjml>`;
    const result = await checkMessageTemplate('reminder', 'en', { email }, options);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]).toMatchObject({ field: 'email', line: 3 });
    expect(result.errors[0]?.message).toMatch(/mj-text/);
  });

  it('warns over two SMS segments and refuses over the limit', async () => {
    const warned = await checkMessageTemplate('reminder', 'fr', { sms: 'a'.repeat(300) }, options);
    expect(warned.errors).toEqual([]);
    expect(warned.warnings).toEqual([]);
    expect(warned.sms).toEqual({ encoding: 'GSM-7', segments: 2, units: 300 });
    const three = await checkMessageTemplate('reminder', 'fr', { sms: 'a'.repeat(400) }, options);
    expect(three.errors).toEqual([]);
    expect(three.warnings).toEqual([
      {
        field: 'sms',
        line: 1,
        column: 1,
        message: 'is 3 segments (GSM-7, 400 units): each segment is billed',
      },
    ]);
    // One character outside GSM 03.38 makes the whole SMS UCS-2: segments of 67 units.
    const refused = await checkMessageTemplate(
      'reminder',
      'fr',
      { sms: `✓${'a'.repeat(400)}` },
      options,
    );
    expect(refused.errors).toEqual([
      {
        field: 'sms',
        line: 1,
        column: 1,
        message: 'is 6 segments (UCS-2, 401 units), over the limit of 4 set in the settings',
      },
    ]);
  });
});
