import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/activities/render-markdown';

const rendered: [string, string, string][] = [
  ['paragraphs', 'one\ntwo\n\nthree', '<p>one\ntwo</p>\n<p>three</p>'],
  ['hard line breaks', 'a  \nb\\\nc', '<p>a<br>\nb<br>\nc</p>'],
  ['bold', '**a** and __b__', '<p><strong>a</strong> and <strong>b</strong></p>'],
  ['italic', '*a* and _b_', '<p><em>a</em> and <em>b</em></p>'],
  ['bold italic', '***a***', '<p><em><strong>a</strong></em></p>'],
  ['emphasis inside bold', '**a *b* c**', '<p><strong>a <em>b</em> c</strong></p>'],
  ['emphasis over a soft break', '*a\nb*', '<p><em>a\nb</em></p>'],
  ['snake_case stays text', 'snake_case_name and 2_000_000', '<p>snake_case_name and 2_000_000</p>'],
  ['underscores around a word', '_my_var_', '<p><em>my_var</em></p>'],
  ['unbalanced markers stay text', '**a *b _c ~~d `e', '<p>**a *b _c ~~d `e</p>'],
  ['markers around spaces stay text', '2 * 3 * 4 and a ** b', '<p>2 * 3 * 4 and a ** b</p>'],
  ['strikethrough', '~~gone~~', '<p><del>gone</del></p>'],
  ['inline code keeps its markers', '`a *b* <c>`', '<p><code>a *b* &lt;c&gt;</code></p>'],
  ['inline code with a backtick inside', '`` a`b ``', '<p><code>a`b</code></p>'],
  [
    'fenced code, info dropped',
    '```ts\nconst a = 1 < 2;\n\n*x*\n```',
    '<pre><code>const a = 1 &lt; 2;\n\n*x*\n</code></pre>',
  ],
  ['unclosed fence runs to the end', '~~~\ncode', '<pre><code>code\n</code></pre>'],
  ['bullet lists', '- a\n* b\n+ c', '<ul>\n<li>a</li>\n<li>b</li>\n<li>c</li>\n</ul>'],
  ['ordered lists', '1. a\n2) b', '<ol>\n<li>a</li>\n<li>b</li>\n</ol>'],
  [
    'a nested list',
    '- a\n  - b\n  - c\n- d',
    '<ul>\n<li>a\n<ul>\n<li>b</li>\n<li>c</li>\n</ul>\n</li>\n<li>d</li>\n</ul>',
  ],
  [
    'lists nested under where the text starts',
    '10. a\n    - b\n    more\n      - c',
    '<ol>\n<li>a\n<ul>\n<li>b\nmore\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n</li>\n</ol>',
  ],
  ['list items go on lazily', '- a\nb\n\nc', '<ul>\n<li>a\nb</li>\n</ul>\n<p>c</p>'],
  ['a list after a paragraph', 'Next:\n- call', '<p>Next:</p>\n<ul>\n<li>call</li>\n</ul>'],
  [
    'a number in a sentence is not a list',
    'We met in\n2024. It went well',
    '<p>We met in\n2024. It went well</p>',
  ],
  [
    'blockquotes',
    '> a\nb\n> > c',
    '<blockquote>\n<p>a\nb</p>\n<blockquote>\n<p>c</p>\n</blockquote>\n</blockquote>',
  ],
  ['headings', '# One #\n###### Six\n#tag', '<h1>One</h1>\n<h6>Six</h6>\n<p>#tag</p>'],
  ['rules', '---\n* * *\n___', '<hr>\n<hr>\n<hr>'],
  ['backslash escapes', '\\*a\\* \\_b\\_ \\# \\\\', '<p>*a* _b_ # \\</p>'],
  ['escaped HTML characters', '\\<b\\> \\&', '<p>&lt;b&gt; &amp;</p>'],
  [
    'links',
    '[the *docs*](https://example.com/a?b=1&c=2)',
    '<p><a href="https://example.com/a?b=1&amp;c=2">the <em>docs</em></a></p>',
  ],
  [
    'links with a title and parentheses',
    '[w](https://w.org/A_(b) "t")',
    '<p><a href="https://w.org/A_(b)">w</a></p>',
  ],
  [
    'mailto and tel links',
    '[m](mailto:a@b.co) [t](tel:+4412)',
    '<p><a href="mailto:a@b.co">m</a> <a href="tel:+4412">t</a></p>',
  ],
  [
    'autolinks',
    '<https://a.co/x> <a@b.co>',
    '<p><a href="https://a.co/x">https://a.co/x</a> <a href="mailto:a@b.co">a@b.co</a></p>',
  ],
  ['relative links are text', '[here](/contacts/1)', '<p>here</p>'],
  [
    'no link inside a link',
    '[<https://a.co>](https://b.co)',
    '<p><a href="https://b.co">&lt;https://a.co&gt;</a></p>',
  ],
  ['images are their alt text', '![a chart](https://a.co/c.png)', '<p>a chart</p>'],
  ['entities are shown as typed', '&copy; &amp; &#60;', '<p>&amp;copy; &amp;amp; &amp;#60;</p>'],
  ['Windows line ends', 'a\r\nb\r\n\r\nc', '<p>a\nb</p>\n<p>c</p>'],
  ['nothing', '', ''],
];

describe('our markdown subset', () => {
  it.each(rendered)('renders %s', (_, markdown, html) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });
});

describe('markdown cannot carry script', () => {
  it.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<img src=x onerror="alert(1)">', '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>'],
    ["<a href='javascript:x'>y</a>", '<p>&lt;a href=&#39;javascript:x&#39;&gt;y&lt;/a&gt;</p>'],
    [
      '```\n</code></pre><script>x</script>\n```',
      '<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;\n</code></pre>',
    ],
    ['[x](javascript:alert(1))', '<p>x</p>'],
    ['[x](JAVASCRIPT:alert(1))', '<p>x</p>'],
    ['[x](java&#x09;script:alert(1))', '<p>x</p>'],
    ['[x](  javascript:alert(1))', '<p>x</p>'],
    ['[x](vbscript:msgbox(1))', '<p>x</p>'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', '<p>x</p>'],
    ['![x](javascript:alert(1))', '<p>x</p>'],
    ['<javascript:alert(1)>', '<p>&lt;javascript:alert(1)&gt;</p>'],
    [
      '[x](https://a.co/"onmouseover="alert(1))',
      '<p><a href="https://a.co/&quot;onmouseover=&quot;alert(1)">x</a></p>',
    ],
    ["[x](https://a.co/'><script>)", '<p><a href="https://a.co/&#39;&gt;&lt;script&gt;">x</a></p>'],
    [
      '<https://a.co/"><script>alert(1)</script>>',
      '<p><a href="https://a.co/&quot;">https://a.co/&quot;</a>&lt;script&gt;alert(1)&lt;/script&gt;&gt;</p>',
    ],
    ['&lt;script&gt;', '<p>&amp;lt;script&amp;gt;</p>'],
    ['\uE0000\uE001', '<p>\uFFFD0\uFFFD</p>'],
  ])('%j', (markdown, html) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });
});

const allowedTags = new Set([
  'p',
  'br',
  'strong',
  'em',
  'code',
  'pre',
  'del',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
]);
const voidTags = new Set(['br', 'hr']);
const tag = /<(\/?)([a-z0-9]+)([^>]*)>/g;
const unescapeHtml = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '',
  );

/** Problems with the HTML: a tag not allowed, an attribute, an unsafe href, stray markup, bad nesting. */
function problemsOf(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const [whole, closing, name = '', attributes = ''] of html.matchAll(tag)) {
    if (!allowedTags.has(name)) problems.push(`tag ${whole}`);
    if (closing) {
      if (attributes || open.pop() !== name) problems.push(`misplaced ${whole}`);
      continue;
    }
    if (!voidTags.has(name)) open.push(name);
    if (attributes === '') continue;
    const href = /^ href="([^"<>]*)"$/.exec(attributes)?.[1];
    if (name !== 'a' || href === undefined) problems.push(`attributes ${whole}`);
    else if (!/^(?:https?|mailto|tel):/i.test(unescapeHtml(href))) problems.push(`href ${whole}`);
    else if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(href)) problems.push(`raw & in ${whole}`);
  }
  if (open.length) problems.push(`unclosed ${open.join(',')}`);
  const text = html.replace(tag, '');
  if (/[<>"']|&(?!(?:amp|lt|gt|quot|#39);)/.test(text)) problems.push(`stray markup in ${text}`);
  return problems;
}

const markdownPiece = fc.constantFrom(
  ...[
    '*',
    '**',
    '***',
    '_',
    '__',
    '~~',
    '`',
    '```',
    '~~~',
    '\\',
    '[',
    ']',
    '(',
    ')',
    '](',
    '![',
    '<',
    '>',
    '&',
  ],
  ...[
    '"',
    "'",
    '&amp;',
    '&#x09;',
    'javascript:',
    'JaVaScRiPt:',
    'data:',
    'https://a.co',
    'mailto:',
    ' ',
    '  ',
  ],
  ...[
    '\n',
    '\n\n',
    '# ',
    '## ',
    '- ',
    '  - ',
    '1. ',
    '> ',
    '---',
    'a',
    'b_c',
    '9',
    '\t',
    '\uE000',
    '\uE001',
    'é😀',
  ],
);
const markdownLike = fc.array(markdownPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('for any input', () => {
  it('only the allowed tags come out, with no attribute but a safe href, well nested', () => {
    fc.assert(
      fc.property(fc.oneof(markdownLike, fc.string({ unit: 'binary', maxLength: 200 })), (markdown) => {
        expect(problemsOf(renderMarkdown(markdown))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('text without markdown syntax comes back character for character', () => {
    const plain = fc
      .array(fc.constantFrom(...'aZ09 \n&<"\'?,;:/%$=@{}|^é€😀\u00a0'.split(/(?:)/u)), { maxLength: 80 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(plain, (text) => {
        const visible = unescapeHtml(renderMarkdown(text).replace(tag, ''));
        expect(visible.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('markers that do not pair up stay in the text', () => {
    fc.assert(
      fc.property(markdownLike, (markdown) => {
        const visible = unescapeHtml(renderMarkdown(markdown).replace(tag, ''));
        // every letter and digit shows, unless it is a link's address, a list's number or a fence's info
        fc.pre(!/[(<]|\d[.)]|```|~~~/.test(markdown));
        expect(visible.replace(/[^a-z0-9]/gi, '')).toBe(markdown.replace(/[^a-z0-9]/gi, ''));
      }),
      { numRuns: 1000 },
    );
  });
});
