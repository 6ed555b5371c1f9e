/**
 * Markdown to the HTML the timeline shows: our own small subset (decision 153), because micromark and its
 * HTML entity table cost ActivitiesApi 85 KB of its bundle budget. Safe by construction: every character of
 * the input is HTML-escaped before anything else, and the only markup added afterwards is a fixed set of
 * tags written here (p, br, strong, em, code, pre, del, a, ul, ol, li, blockquote, h1–h6, hr) whose sole
 * attribute is the `href` of a link, kept only for http(s), mailto and tel addresses. The web app shows
 * this HTML as it is; the markdown stays beside it for editing.
 */
export function renderMarkdown(markdown: string): string {
  // U+E000/U+E001 frame the placeholders of finished inline pieces below, so the input may not hold them.
  const escaped = markdown.replace(/[\uE000\uE001]/g, '\uFFFD').replace(/[&<>"']/g, (c) => entities[c] ?? c);
  return blocks(escaped.replace(/\r\n?/g, '\n').split('\n'), 0, false);
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Deeper quotes and lists than this are read as text: a bound on recursion for any input. */
const maxDepth = 8;

const fence = /^ {0,3}(`{3,}(?!.*`)|~{3,})/;
const heading = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/;
const rule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const quote = /^ {0,3}&gt; ?(.*)$/;
const listItem = /^( {0,3})([-*+]|\d{1,9}[.)])(?:( {1,4}|\t)(.*)|$)/;
const blank = /^[ \t]*$/;

/** Can this line end the paragraph above it (an ordered list only when it starts at 1, as in CommonMark)? */
const interrupts = (line: string) => {
  const item = listItem.exec(line);
  return (
    fence.test(line) ||
    heading.test(line) ||
    rule.test(line) ||
    quote.test(line) ||
    (item !== null &&
      !blank.test(item[4] ?? '') &&
      (/^[-*+]$/.test(item[2] ?? '') || /^1\D/.test(item[2] ?? '')))
  );
};

/** Renders lines of escaped text as blocks; `tight` leaves paragraphs unwrapped, as in a tight list item. */
function blocks(lines: string[], depth: number, tight: boolean): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (blank.test(line)) {
      i++;
      continue;
    }
    const open = fence.exec(line);
    if (open) {
      const marker = open[1] ?? '```';
      const close = new RegExp(`^ {0,3}${marker[0]}{${marker.length},}[ \\t]*$`);
      const code: string[] = [];
      for (i++; i < lines.length && !close.test(lines[i] ?? ''); i++) code.push(lines[i] ?? '');
      i++;
      out.push(`<pre><code>${code.map((text) => `${text}\n`).join('')}</code></pre>`);
      continue;
    }
    const title = heading.exec(line);
    if (title) {
      const level = title[1]?.length ?? 1;
      const text = (title[2] ?? '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
      out.push(`<h${level}>${inline(text, true)}</h${level}>`);
      i++;
      continue;
    }
    if (rule.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (depth < maxDepth && quote.test(line)) {
      const quoted: string[] = [];
      // a quote goes on over its `>` lines and over lines that lazily continue its last paragraph
      for (; i < lines.length; i++) {
        const current = lines[i] ?? '';
        const marked = quote.exec(current);
        const lazy = !blank.test(current) && !interrupts(current) && !blank.test(quoted.at(-1) ?? '');
        if (!marked && !lazy) break;
        quoted.push(marked ? (marked[1] ?? '') : current);
      }
      out.push(`<blockquote>\n${blocks(quoted, depth + 1, false)}\n</blockquote>`);
      continue;
    }
    const first = listItem.exec(line);
    if (depth < maxDepth && first) {
      const ordered = /\d/.test(first[2] ?? '');
      const nested = new RegExp(`^ {${(first[1]?.length ?? 0) + 2},}\\S`);
      const sibling = (next: string) => {
        const item = listItem.exec(next);
        return item !== null && !nested.test(next) && /\d/.test(item[2] ?? '') === ordered;
      };
      const items: string[][] = [];
      // an item's own lines are indented up to where its text starts (`- ` 2, `10. ` 4)
      let column = 0;
      while (i < lines.length) {
        const current = lines[i] ?? '';
        if (sibling(current)) {
          const [, indent = '', marker = '', space = ' ', content = ''] = listItem.exec(current) ?? [];
          column = indent.length + marker.length + space.length;
          items.push([content]);
        } else if (
          nested.test(current) ||
          (!blank.test(current) && !interrupts(current) && !listItem.test(current))
        ) {
          // content indented under the item, or a lazy continuation of its text
          items.at(-1)?.push(current.replace(new RegExp(`^ {0,${column}}`), ''));
        } else if (blank.test(current) && (nested.test(lines[i + 1] ?? '') || sibling(lines[i + 1] ?? ''))) {
          items.at(-1)?.push('');
        } else break;
        i++;
      }
      const tag = ordered ? 'ol' : 'ul';
      const rendered = items.map((item) => {
        const inner = blocks(item, depth + 1, true);
        if (/^<(?:[uo]l|pre|blockquote|h\d|hr)/.test(inner)) return `<li>\n${inner}\n</li>`;
        return /(?:<\/(?:[uo]l|pre|blockquote|h\d)>|<hr>)$/.test(inner)
          ? `<li>${inner}\n</li>`
          : `<li>${inner}</li>`;
      });
      out.push(`<${tag}>\n${rendered.join('\n')}\n</${tag}>`);
      continue;
    }
    const paragraph = [line];
    for (i++; i < lines.length && !blank.test(lines[i] ?? '') && !interrupts(lines[i] ?? ''); i++) {
      paragraph.push(lines[i] ?? '');
    }
    const text = inline(
      paragraph
        .map((part) => part.replace(/^[ \t]+/, ''))
        .join('\n')
        .replace(/[ \t]+$/, ''),
      true,
    );
    out.push(tight ? text : `<p>${text}</p>`);
  }
  return out.join('\n');
}

const safeAddress = /^(?:https?|mailto|tel):/i;

const destination = '((?:[^\\s()]|\\([^\\s()]*\\))*)';
const tokens = new RegExp(
  [
    '(?<!`)(`+)(?!`)([\\s\\S]*?[^`])\\1(?!`)', // code span
    '\\\\(&(?:amp|lt|gt|quot|#39);|[!-/:-@[-`{-~])', // backslash escape
    '(?:\\\\| {2,})\\n', // hard line break
    `!\\[([^\\]\\n]*)\\]\\(${destination}(?:[ \\t]+&quot;[^\\n]*?&quot;)?\\)`, // image: its text
    `\\[((?:[^\\[\\]\\\\]|\\\\.)*)\\]\\([ \\t]*${destination}(?:[ \\t]+&quot;[^\\n]*?&quot;)?[ \\t]*\\)`, // link
    '&lt;((?:https?|mailto|tel):[^\\s]*?|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)&gt;', // autolink
  ].join('|'),
  'g',
);
const emphasis: [RegExp, string][] = [
  [/\*\*\*(?=\S)(.*?\S)\*\*\*/gs, 'em><strong'],
  [/\*\*(?=\S)(.*?\S)\*\*/gs, 'strong'],
  [/(?<![\p{L}\p{N}_])__(?=\S)(.*?\S)__(?![\p{L}\p{N}_])/gsu, 'strong'],
  [/~~(?=\S)(.*?\S)~~/gs, 'del'],
  [/\*(?=\S)(.*?\S)\*/gs, 'em'],
  [/(?<![\p{L}\p{N}_])_(?=\S)(.*?\S)_(?![\p{L}\p{N}_])/gsu, 'em'],
];

/**
 * Renders escaped text's inline markup. Finished pieces (code, escapes, links, emphasis) become
 * placeholders so that no later rule sees their markers or cuts their tags apart.
 */
function inline(text: string, links: boolean): string {
  const pieces: string[] = [];
  const hold = (html: string) => `\uE000${pieces.push(html) - 1}\uE001`;
  let html = text.replace(tokens, (whole, ticks, code, escaped, alt, _image, label, address, auto) => {
    if (ticks) return hold(`<code>${code.replace(/\n/g, ' ').replace(/^ (.*[^ ].*) $/, '$1')}</code>`);
    if (escaped) return hold(escaped);
    if (alt !== undefined) return hold(alt);
    if (label !== undefined) {
      const content = inline(label, false);
      return hold(links && safeAddress.test(address) ? `<a href="${address}">${content}</a>` : content);
    }
    if (auto) {
      const href = auto.includes(':') ? auto : `mailto:${auto}`;
      return links && safeAddress.test(href) ? hold(`<a href="${href}">${auto}</a>`) : whole;
    }
    return hold('<br>\n');
  });
  const emphasise = (part: string): string =>
    emphasis.reduce(
      (done, [pattern, tag]) =>
        done.replace(pattern, (_, inner: string) => {
          const close = tag.split('><').reverse().join('></');
          return hold(`<${tag}>${emphasise(inner)}</${close}>`);
        }),
      part,
    );
  html = emphasise(html);
  const restore = (part: string): string =>
    part.replace(/\uE000(\d+)\uE001/g, (_, n) => restore(pieces[Number(n)] ?? ''));
  return restore(html);
}
