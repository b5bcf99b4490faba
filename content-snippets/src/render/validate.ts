import { LiquidError, TokenKind, type TagToken } from 'liquidjs';
import { PLACEHOLDERS, snippetDefinition } from '../snippets/definitions.ts';
import { htmlLiquid, snippetKeyOf, tokenize } from './liquid.ts';

export interface TemplateProblem {
  message: string;
  /** 1-based line and column of the problem in the source. */
  line: number;
  column: number;
}

export type ValidationResult = { ok: true } | { ok: false; errors: TemplateProblem[] };

export interface ValidateOptions {
  /**
   * `snippet`: a snippet's value (placeholders only, no `{% snippet %}`);
   * `template`: a whole email or SMS template (placeholders, `{% snippet %}`, and the layout's
   * `brand.*`, `dir`, `lang`, `align`).
   */
  kind?: 'snippet' | 'template';
  /** Placeholders allowed beyond Enroute's own. */
  extraPlaceholders?: readonly string[];
}

const LAYOUT_VARIABLES = /^(brand\.[A-Za-z]+|dir|lang|align)$/;

/**
 * What a marketer's save is checked with: Liquid syntax errors, unknown filters, unknown
 * placeholders and unknown snippets, each with its line and column.
 */
export function validateTemplate(source: string, options: ValidateOptions = {}): ValidationResult {
  const kind = options.kind ?? 'snippet';
  const allowed = new Set<string>([
    ...Object.keys(PLACEHOLDERS),
    ...(options.extraPlaceholders ?? []),
  ]);
  const errors: TemplateProblem[] = [];
  let templates;
  try {
    templates = htmlLiquid.parse(source);
  } catch (error) {
    return { ok: false, errors: [problemFromLiquidError(error)] };
  }

  for (const token of tokenize(source)) {
    if (token.kind !== TokenKind.Tag || (token as TagToken).name !== 'snippet') continue;
    const [line = 1, column = 1] = token.getPosition();
    const key = snippetKeyOf(token as TagToken);
    if (kind === 'snippet') {
      errors.push({ message: 'a snippet cannot include another snippet', line, column });
    } else if (key === undefined || !snippetDefinition(key)) {
      errors.push({ message: `unknown snippet ${(token as TagToken).args.trim()}`, line, column });
    }
  }

  const analysis = htmlLiquid.analyzeSync(templates, { partials: false });
  for (const uses of Object.values(analysis.globals)) {
    for (const use of uses) {
      const path = use.toString();
      const known = allowed.has(path) || (kind === 'template' && LAYOUT_VARIABLES.test(path));
      if (!known) {
        errors.push({
          message: `unknown placeholder {{ ${path} }}`,
          line: use.location.row,
          column: use.location.col,
        });
      }
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function problemFromLiquidError(error: unknown): TemplateProblem {
  if (error instanceof LiquidError) {
    const [line = 1, column = 1] = error.token.getPosition();
    const message = error.message.replace(/, line:\d+, col:\d+$/, '');
    return { message, line, column };
  }
  return { message: error instanceof Error ? error.message : String(error), line: 1, column: 1 };
}
