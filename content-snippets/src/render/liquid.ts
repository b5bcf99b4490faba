import { Liquid, Tag, Tokenizer, type TagToken, type TopLevelToken } from 'liquidjs';

/**
 * Liquid engines for marketer-editable text. Liquid cannot run code; on top of that, the engines
 * here have no file system (no include, render or layout), only own properties are readable, and
 * parse and render time are bounded, so a template saved by mistake cannot stall a send.
 *
 * In HTML, every value a template writes is escaped: no filter is exempt (Liquid's `raw` is
 * plain identity here, in outputs, `echo` and `cycle` alike), and there is no `{% raw %}`, whose
 * literal text would be written as it is, past the sanitizer of marketer HTML.
 */

const PARSE_LIMIT = 1_000_000;
const RENDER_LIMIT_MS = 2_000;
const MEMORY_LIMIT = 10_000_000;
const REMOVED_TAGS = ['include', 'render', 'layout', 'block', 'raw'] as const;

/** `{% snippet 'key' %}` is expanded at compile time; at render time it must never remain. */
class SnippetTag extends Tag {
  override render(): never {
    throw new Error(`snippet tag left unexpanded: ${this.token.getText()}`);
  }
}

function createEngine(outputEscape: 'escape' | undefined): Liquid {
  const engine = new Liquid({
    outputEscape,
    ownPropertyOnly: true,
    strictFilters: true,
    templates: {},
    cache: false,
    parseLimit: PARSE_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
  });
  for (const name of REMOVED_TAGS) delete engine.tags[name];
  engine.registerTag('snippet', SnippetTag);
  if (outputEscape) {
    // Liquid skips escaping after a filter registered as raw: none is, in this engine.
    for (const [name, filter] of Object.entries(engine.filters)) {
      if (typeof filter !== 'function' && filter.raw) {
        engine.registerFilter(name, { ...filter, raw: false });
      }
    }
  }
  return engine;
}

/** Renders HTML: every placeholder value is escaped. */
export const htmlLiquid = createEngine('escape');
/** Renders plain text (subjects, text parts, SMS): values are written as they are. */
export const textLiquid = createEngine(undefined);

export function tokenize(source: string): TopLevelToken[] {
  return new Tokenizer(source, htmlLiquid.options.operators).readTopLevelTokens(htmlLiquid.options);
}

export function snippetKeyOf(token: TagToken): string | undefined {
  const match = /^\s*(['"])([\w.-]+)\1\s*$/.exec(token.args);
  return match?.[2];
}
