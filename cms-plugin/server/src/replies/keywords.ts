/** What a customer's text message asks for: the keywords carriers and CTIA define, or a reply. */
export type ReplyIntent = 'opt-out' | 'opt-in' | 'help' | 'forward';

/** The snippets that list each keyword, comma-separated, per locale (marketers may add words). */
export const KEYWORD_SNIPPETS = {
  'opt-out': 'sms.stopWords',
  'opt-in': 'sms.startWords',
  help: 'sms.helpWords',
} as const;

/**
 * A message or a keyword as compared: no accents or marks, upper case, one space between words,
 * no punctuation or emoji around it ("Stop." and "  stop!" are STOP; "Arrêt" is ARRET).
 */
export function normalizeKeyword(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleUpperCase('en')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/gu, ' ');
}

/** The words of a keyword snippet: comma- or line-separated, normalized. */
export function keywordList(snippet: string): string[] {
  return snippet
    .split(/[,\n、，،]/u)
    .map(normalizeKeyword)
    .filter((word) => word.length > 0);
}

/**
 * What a message asks for: the whole message must be a keyword (as carriers read them, "STOP"
 * but not "please don't stop by before noon"), opt-out words first. Anything else is a reply.
 */
export function replyIntent(
  body: string,
  words: Record<keyof typeof KEYWORD_SNIPPETS, Set<string>>,
): ReplyIntent {
  const message = normalizeKeyword(body);
  for (const intent of ['opt-out', 'opt-in', 'help'] as const) {
    if (words[intent].has(message)) return intent;
  }
  return 'forward';
}
