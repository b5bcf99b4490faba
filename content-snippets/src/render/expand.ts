import { TokenKind, type TagToken, type TopLevelToken } from 'liquidjs';
import { escapeHtml, htmlToText, sanitizeMarketerHtml } from './sanitize.ts';
import { snippetKeyOf, tokenize } from './liquid.ts';

/**
 * Compile-time expansion of a template's Liquid source, done once per message, locale, branding
 * and snippet version:
 * - `{% snippet 'key' %}` is replaced by the snippet's own Liquid source, its literal words
 *   escaped (plain snippets) or sanitized (html snippets) for the target;
 * - outputs naming a constant exactly (`{{ company.name }}`, `{{ brand.accentColor }}`) are
 *   replaced by the constant's value.
 * Everything else (the recipient's placeholders) stays Liquid and is filled per recipient.
 */
export interface ExpandContext {
  readonly target: 'html' | 'text';
  /** The snippet's value in the locale, or undefined when the key is unknown. */
  snippet(key: string): { value: string; html: boolean } | undefined;
  readonly constants: ReadonlyMap<string, string>;
  /**
   * Right-to-left HTML: each value placed in a plain snippet is wrapped in `<bdi>`, so a phone
   * number, an email address or a Latin name keeps its own direction inside Arabic or Hebrew.
   */
  readonly isolate?: boolean;
}

export class TemplateExpansionError extends Error {}

const MARKER_OPEN = '\uE000';
const MARKER_CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

export function expandTemplate(source: string, context: ExpandContext): string {
  let out = '';
  for (const token of tokenize(source)) {
    if (isSnippetTag(token)) {
      const key = snippetKeyOf(token);
      const snippet = key === undefined ? undefined : context.snippet(key);
      if (!snippet) throw new TemplateExpansionError(`unknown snippet in ${token.getText()}`);
      out += expandSnippet(snippet.value, snippet.html, context);
    } else {
      out += constantOrSource(token, context, context.target === 'html' ? escapeHtml : identity);
    }
  }
  return out;
}

function expandSnippet(value: string, html: boolean, context: ExpandContext): string {
  const tokens = tokenize(value);
  if (!html) {
    const literal = context.target === 'html' ? escapeHtml : identity;
    const isolate = context.target === 'html' && context.isolate === true;
    return tokens
      .map((token) => {
        if (token.kind === TokenKind.HTML) return literal(token.getText());
        const value = constantOrSource(token, context, literal);
        return isolate && token.kind === TokenKind.Output ? `<bdi>${value}</bdi>` : value;
      })
      .join('');
  }
  // HTML snippet: put the recipient's placeholders aside behind markers, clean the HTML as a
  // whole (tags may span placeholders), then put the placeholders back.
  const kept: string[] = [];
  const marked = tokens
    .map((token) => {
      if (token.kind === TokenKind.HTML) return token.getText();
      const constant = constantOf(token, context);
      if (constant !== undefined) return escapeHtml(constant);
      kept.push(token.getText());
      return `${MARKER_OPEN}${kept.length - 1}${MARKER_CLOSE}`;
    })
    .join('');
  const cleaned = context.target === 'html' ? sanitizeMarketerHtml(marked) : htmlToText(marked);
  return cleaned.replace(MARKER, (_, index: string) => kept[Number(index)] ?? '');
}

function isSnippetTag(token: TopLevelToken): token is TagToken {
  return token.kind === TokenKind.Tag && (token as TagToken).name === 'snippet';
}

function constantOf(token: TopLevelToken, context: ExpandContext): string | undefined {
  if (token.kind !== TokenKind.Output) return undefined;
  const name = token.getText().slice(2, -2).replace(/^-|-$/g, '').trim();
  return context.constants.get(name);
}

function constantOrSource(
  token: TopLevelToken,
  context: ExpandContext,
  encode: (text: string) => string,
): string {
  const constant = constantOf(token, context);
  return constant === undefined ? token.getText() : encode(constant);
}

function identity(text: string): string {
  return text;
}
