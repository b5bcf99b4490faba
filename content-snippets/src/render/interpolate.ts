import { TokenKind } from 'liquidjs';
import { tokenize } from './liquid.ts';

/**
 * The per-recipient fast path. Once snippets are expanded and MJML has run, a template is usually
 * just text with `{{ path }}` outputs; for those, rendering is a join of literal parts and values,
 * the same result Liquid gives (values escaped for HTML, empty when missing) at a fraction of the
 * cost. Templates with tags, filters or whitespace control stay with Liquid.
 */
export interface Interpolation {
  readonly paths: readonly string[];
  render(value: (path: string) => string): string;
}

const PATH = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

export function compileInterpolation(
  source: string,
  escape: (text: string) => string,
): Interpolation | null {
  const literals: string[] = [];
  const paths: string[] = [];
  let literal = '';
  for (const token of tokenize(source)) {
    if (token.kind === TokenKind.HTML) {
      literal += token.getText();
      continue;
    }
    const text = token.getText();
    const path = text.slice(2, -2).trim();
    if (
      token.kind !== TokenKind.Output ||
      text.startsWith('{{-') ||
      text.endsWith('-}}') ||
      !PATH.test(path)
    ) {
      return null;
    }
    literals.push(literal);
    paths.push(path);
    literal = '';
  }
  literals.push(literal);
  return {
    paths,
    render(value) {
      let out = literals[0]!;
      for (let i = 0; i < paths.length; i++) out += escape(value(paths[i]!)) + literals[i + 1]!;
      return out;
    },
  };
}

const LIQUID_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};

/** Liquid's own `escape`, character for character, so both paths give the same HTML. */
export function liquidEscape(text: string): string {
  return /[&<>"']/.test(text)
    ? text.replace(/[&<>"']/g, (char) => LIQUID_ESCAPES[char] ?? char)
    : text;
}

export function noEscape(text: string): string {
  return text;
}
