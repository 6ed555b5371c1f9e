/** Small server-rendered pages for people who post a form or follow a confirmation link in a browser. */

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

export const htmlContentType = 'text/html; charset=utf-8';

/** A complete, self-contained page: no scripts, no external resources. */
export function htmlPage(
  title: string,
  paragraphs: readonly string[],
  items: readonly string[] = [],
): string {
  const list = items.length ? `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1b1e}</style>',
    `</head><body><h1>${escapeHtml(title)}</h1>`,
    ...paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`),
    list,
    '</body></html>',
  ].join('');
}

/**
 * A browser expects a page, a script expects JSON: browsers ask for text/html, and urlencoded posts come
 * from HTML forms, unless the client asks for JSON (a script posting urlencoded with Accept: application/json).
 */
export function wantsHtml(headers: Record<string, string | undefined>): boolean {
  const accept = (headers.accept ?? '').toLowerCase();
  if (accept.includes('text/html')) return true;
  if (accept.includes('application/json')) return false;
  return (headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}
