import { micromark } from 'micromark';

/**
 * Markdown to the HTML the timeline shows. micromark is safe by default: raw HTML in the text is escaped
 * (a `<script>` or `<img onerror>` arrives as text), and links and images whose protocol is not http(s),
 * mailto, tel (links) or http(s) (images) lose their address, so `javascript:` goes nowhere. The web app
 * shows this HTML as it is; the markdown stays beside it for editing.
 */
export function renderMarkdown(markdown: string): string {
  return micromark(markdown);
}
