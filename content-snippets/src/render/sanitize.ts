import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

/**
 * Marketer HTML (header, footer and other html snippets): links, emphasis, line breaks, https
 * images and `<bdi>` (a number or address inside right-to-left text) survive; every other tag is shown as text (escaped), so nothing a marketer pastes can
 * run or restyle the page.
 */
const MARKETER_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['a', 'strong', 'b', 'em', 'i', 'u', 'br', 'p', 'span', 'small', 'img', 'bdi'],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
  },
  allowedSchemes: ['https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  // An image whose source was refused or is not https (a relative one says nothing in an email)
  // would be an empty box: drop it.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src']?.startsWith('https://'),
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }),
  },
};

export function sanitizeMarketerHtml(html: string): string {
  return sanitizeHtml(html, MARKETER_HTML);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Plain text for the text part of an email: links keep their address, nothing wraps. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      { selector: 'img', format: 'skip' },
    ],
  });
}
