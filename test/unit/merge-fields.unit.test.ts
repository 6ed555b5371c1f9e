import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type MergeContext,
  mergeContextOf,
  mergeFieldSet,
  parseMergeFields,
  renderMergeFields,
  renderSubject,
} from '../../shared/email-templates/merge-fields';

const fields = mergeFieldSet([
  { entity: 'contact', key: 'tier', label: 'Tier' },
  { entity: 'company', key: 'segment', label: 'Segment' },
  { entity: 'deal', key: 'probability', label: 'Probability' },
]);

const context: MergeContext = mergeContextOf({
  contact: {
    firstName: 'ada',
    lastName: 'LOVELACE',
    email: 'ada@example.com',
    customFields: { tier: 'gold', vip: true },
  },
  company: { name: 'Analytical <Engines> & "Sons"', customFields: { segment: "O'Neil" } },
  owner: { name: 'Grace Brewster Hopper', email: 'grace@example.com' },
  workspaceName: 'Seed',
  unsubscribeUrl: 'https://crm.example/u?a=1&b=2',
});

function render(source: string, mode: 'html' | 'text' = 'html'): string {
  const parsed = parseMergeFields(source, fields);
  if (!parsed.ok) throw new Error(`did not parse: ${JSON.stringify(parsed.errors)}`);
  return renderMergeFields(parsed.parts, context, mode);
}

describe('merge fields: rendering', () => {
  const table: [string, string, string][] = [
    ['plain text stays', 'Hello there', 'Hello there'],
    ['a field', 'Hi {{contact.firstName}}!', 'Hi ada!'],
    ['whitespace inside the tag', 'Hi {{   contact.firstName\n }}', 'Hi ada'],
    ['upcase', '{{ contact.firstName | upcase }}', 'ADA'],
    ['downcase', '{{ contact.lastName | downcase }}', 'lovelace'],
    ['capitalize lowers the rest', '{{ contact.lastName | capitalize }}', 'Lovelace'],
    ['default on a missing value', '{{ contact.phone | default: "friend" }}', 'friend'],
    ['default in single quotes', "{{ contact.phone | default: 'friend' }}", 'friend'],
    ['default keeps a present value', '{{ contact.firstName | default: "friend" }}', 'ada'],
    ['filters in order', '{{ contact.phone | default: "x y" | upcase }}', 'X Y'],
    ['filters without spaces', '{{contact.phone|default:"a"|upcase}}', 'A'],
    ['a quote of the other kind in an argument', `{{ contact.phone | default: "it's" }}`, 'it&#39;s'],
    ['}} inside a quoted argument', '{{ contact.phone | default: "}}" }}', '}}'],
    ['escaped for HTML', '{{ company.name }}', 'Analytical &lt;Engines&gt; &amp; &quot;Sons&quot;'],
    ['a custom contact field', '{{ contact.custom.tier }}', 'gold'],
    ['a custom company field, escaped', '{{ company.custom.segment }}', 'O&#39;Neil'],
    [
      'owner names split from the member name',
      '{{owner.firstName}}/{{owner.lastName}}',
      'Grace/Brewster Hopper',
    ],
    ['owner name and email', '{{owner.name}} <{{owner.email}}>', 'Grace Brewster Hopper <grace@example.com>'],
    ['the workspace name', '{{ workspace.name }}', 'Seed'],
    [
      'a link is escaped for an attribute',
      '<a href="{{ unsubscribe_url }}">',
      '<a href="https://crm.example/u?a=1&amp;b=2">',
    ],
    ['a missing value is empty', '[{{ company.domain }}]', '[]'],
    ['lone braces stay text', 'a { b } c }} d {', 'a { b } c }} d {'],
    ['the source around tags is not escaped', '<b>{{contact.firstName}}</b>', '<b>ada</b>'],
  ];
  it.each(table)('%s', (_name, source, expected) => {
    expect(render(source)).toBe(expected);
  });

  it('leaves values as they are in the text part', () => {
    expect(render('{{ company.name }} {{ unsubscribe_url }}', 'text')).toBe(
      'Analytical <Engines> & "Sons" https://crm.example/u?a=1&b=2',
    );
  });

  it('renders a subject as text with line breaks removed', () => {
    const parsed = parseMergeFields('Hi {{ contact.firstName }}', fields);
    if (!parsed.ok) throw new Error('did not parse');
    const withBreaks = mergeContextOf({ contact: { firstName: 'a\r\nBcc: x@example.com\nb' } });
    expect(renderSubject(parsed.parts, withBreaks)).toBe('Hi a Bcc: x@example.com b');
  });

  it('names the fields a source uses, in order of first use', () => {
    const parsed = parseMergeFields('{{contact.email}} {{ owner.name }} {{contact.email|upcase}}', fields);
    expect(parsed).toMatchObject({ ok: true, fields: ['contact.email', 'owner.name'] });
  });

  it('accepts any well-formed path without a field set (a snapshot checked on save)', () => {
    const parsed = parseMergeFields('{{ contact.custom.gone | default: "-" }}');
    if (!parsed.ok) throw new Error('did not parse');
    expect(renderMergeFields(parsed.parts, context, 'html')).toBe('-');
  });

  it('lists built-in and custom contact and company fields, not deal fields', () => {
    const paths = fields.catalog.map((field) => field.path);
    expect(paths).toContain('contact.custom.tier');
    expect(paths).toContain('company.custom.segment');
    expect(paths).toContain('unsubscribe_url');
    expect(paths.some((path) => path.startsWith('deal.'))).toBe(false);
  });
});

describe('merge fields: errors with 1-based positions', () => {
  const table: [string, string, { line: number; column: number; message: RegExp }[]][] = [
    [
      'an unknown variable',
      'Hi {{ contact.nickname }}',
      [{ line: 1, column: 7, message: /Unknown merge field "contact\.nickname"/ }],
    ],
    [
      'an unknown custom field',
      '\n\n  {{contact.custom.size}}',
      [{ line: 3, column: 5, message: /contact\.custom\.size/ }],
    ],
    [
      'a deal field',
      '{{ deal.custom.probability }}',
      [{ line: 1, column: 4, message: /Unknown merge field/ }],
    ],
    [
      'an unknown filter',
      'a\nb {{ contact.email | truncate: "3" }}',
      [{ line: 2, column: 22, message: /Unknown filter "truncate"/ }],
    ],
    ['an unclosed tag', 'x\n  {{ contact.email ', [{ line: 2, column: 3, message: /not closed/ }]],
    ['an unclosed tag at the end', 'x {{', [{ line: 1, column: 3, message: /not closed/ }]],
    [
      'a Liquid tag',
      '{% if contact.email %}x{% endif %}',
      [
        { line: 1, column: 1, message: /not supported/ },
        { line: 1, column: 24, message: /not supported/ },
      ],
    ],
    ['an empty tag', '{{ }}', [{ line: 1, column: 4, message: /Expected a merge field name/ }]],
    [
      'default without a value',
      '{{ contact.email | default }}',
      [{ line: 1, column: 20, message: /needs a value/ }],
    ],
    [
      'an argument without quotes',
      '{{ contact.email | default: x }}',
      [{ line: 1, column: 29, message: /quotes/ }],
    ],
    [
      'an unclosed quote',
      '{{ contact.email | default: "x }}',
      [{ line: 1, column: 29, message: /not closed/ }],
    ],
    [
      'an argument to upcase',
      '{{ contact.email | upcase: "x" }}',
      [{ line: 1, column: 20, message: /takes no argument/ }],
    ],
    [
      'junk after the path',
      '{{ contact.email x }}',
      [{ line: 1, column: 18, message: /Expected \| or \}\}/ }],
    ],
    ['a trailing dot', '{{ contact. }}', [{ line: 1, column: 12, message: /Expected a name after "\."/ }]],
    [
      'every error of a source',
      '{{ a }} {{ b | x }}',
      [
        { line: 1, column: 4, message: /Unknown merge field "a"/ },
        { line: 1, column: 16, message: /Unknown filter "x"/ },
      ],
    ],
  ];
  it.each(table)('%s', (_name, source, expected) => {
    const parsed = parseMergeFields(source, fields);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(expected.length);
    expected.forEach((error, at) => {
      expect(parsed.errors[at]).toMatchObject({ line: error.line, column: error.column });
      expect(parsed.errors[at]?.message).toMatch(error.message);
    });
  });
});

describe('merge fields: properties', () => {
  const pieces = fc.constantFrom(
    '{{',
    '}}',
    '{%',
    '%}',
    '|',
    ':',
    '"',
    "'",
    ' ',
    '\n',
    '\r\n',
    'contact.firstName',
    'contact.custom.tier',
    'company',
    '.',
    'default',
    'upcase',
    'capitalize',
    'bogus',
    '<b>',
    'x',
  );
  const sources = fc.oneof(
    fc.string(),
    fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')),
  );

  it('parses any input or names a position inside it', () => {
    fc.assert(
      fc.property(sources, (source) => {
        const parsed = parseMergeFields(source, fields);
        if (parsed.ok) return;
        const lines = source.split('\n');
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const error of parsed.errors) {
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.line).toBeLessThanOrEqual(lines.length);
          expect(error.column).toBeGreaterThanOrEqual(1);
          expect(error.column).toBeLessThanOrEqual((lines[error.line - 1]?.length ?? 0) + 1);
        }
      }),
      { numRuns: 2000, seed: 170 },
    );
  });

  it('never lets a value put a < into the HTML part', () => {
    const template =
      '<p>{{ contact.firstName }} {{ contact.lastName | upcase }} {{ company.name | default: "x" }}' +
      ' {{ contact.custom.tier | capitalize }} {{ owner.name }}</p>';
    const parsed = parseMergeFields(template, fields);
    if (!parsed.ok) throw new Error('did not parse');
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d, e) => {
        const html = renderMergeFields(
          parsed.parts,
          mergeContextOf({
            contact: { firstName: a, lastName: b, customFields: { tier: d } },
            company: { name: c },
            owner: { name: e },
          }),
          'html',
        );
        const inner = html.slice('<p>'.length, -'</p>'.length);
        expect(inner).not.toMatch(/[<>"']/);
      }),
      { numRuns: 1000, seed: 171 },
    );
  });
});
