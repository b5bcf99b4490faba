/**
 * Characters no stored text needs: control characters (a NUL ends strings in some databases and
 * mail parsers; an escape sequence restyles a terminal), all but tab, line feed and carriage
 * return. In names, also the direction overrides, embeddings and isolates, which can make a
 * name read as something else (or reverse a link's text) wherever it is shown.
 */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** What is wrong with a text, or null when it may be stored. */
export function textProblem(value: string, kind: 'name' | 'text'): string | null {
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (kind === 'name' && DIRECTION_CONTROL.test(value)) {
    return 'must not contain text direction overrides';
  }
  return null;
}
