import { describe, expect, it } from 'vitest';
import { validateTemplate } from './validate.ts';

describe('validateTemplate', () => {
  it('accepts known placeholders and filters', () => {
    expect(validateTemplate('Hello {{ recipient.name | capitalize }}, see {{ link }}')).toEqual({
      ok: true,
    });
  });

  it('reports an unknown placeholder with its line and column', () => {
    const result = validateTemplate('Hello,\nyour visit on {{ booking.dte }} is near');
    expect(result).toEqual({
      ok: false,
      errors: [{ message: 'unknown placeholder {{ booking.dte }}', line: 2, column: 18 }],
    });
  });

  it('reports a syntax error with its position', () => {
    const result = validateTemplate('Hi {{ recipient.name }}\n{% if link %}open');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.line).toBe(2);
      expect(result.errors[0]?.message).toMatch(/not closed/);
    }
  });

  it('reports an unknown filter', () => {
    const result = validateTemplate('{{ recipient.name | shout }}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/undefined filter: shout/);
  });

  it('refuses tags that would read files', () => {
    for (const source of ["{% include 'secrets' %}", "{% render 'x' %}", "{% layout 'x' %}"]) {
      expect(validateTemplate(source).ok, source).toBe(false);
    }
  });

  it('allows snippets and layout variables in templates, not inside snippets', () => {
    const template =
      '<p style="color: {{ brand.accentColor }}">{% snippet \'reminder.heading\' %}</p>';
    expect(validateTemplate(template, { kind: 'template' })).toEqual({ ok: true });
    expect(validateTemplate(template).ok).toBe(false);
    const unknown = validateTemplate("{% snippet 'reminder.nope' %}", { kind: 'template' });
    expect(unknown.ok).toBe(false);
  });
});
