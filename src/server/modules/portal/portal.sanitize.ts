import sanitizeHtml from 'sanitize-html';

/**
 * Rich text is sanitised on the server before it is stored: an allow-list of text tags, links
 * (http, https, mailto) and images (http, https); no style, no class, no on* attributes, no
 * script, iframe, object or form; javascript: and data: URLs are dropped.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'q', 'cite',
    'ul', 'ol', 'li', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'hr', 'code', 'pre', 'abbr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'lang'],
    img: ['src', 'alt', 'width', 'height'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    p: ['lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow' } }),
  },
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, { ...options, allowedAttributes: { ...options.allowedAttributes, a: ['href', 'title', 'lang', 'rel'] } }).trim();
}

/** Plain text of (already sanitised) HTML, for search and feeds. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|tr|blockquote|figcaption)>/gi, '$&\n').replace(/<br\s*\/?>/gi, '\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
