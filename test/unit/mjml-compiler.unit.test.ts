import { describe, expect, it } from 'vitest';
import {
  mergeContextOf,
  parseMergeFields,
  protectMergeTags,
  renderMergeFields,
} from '../../shared/email-templates/merge-fields';
import { compileMjml } from '../../shared/email-templates/mjml-compiler';

const body = (content: string) =>
  `<mjml><mj-body><mj-section><mj-column>${content}</mj-column></mj-section></mj-body></mjml>`;

describe('the MJML compiler', () => {
  it('keeps merge tags intact in text and attributes, quotes and all', async () => {
    const result = await compileMjml(
      body(
        '<mj-text><h1>Hi {{ contact.firstName | default: "A & B" }}</h1></mj-text>' +
          '<mj-button href="{{ unsubscribe_url }}">Leave</mj-button>',
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.html).toContain('Hi {{ contact.firstName | default: "A & B" }}');
    expect(result.html).toContain('href="{{ unsubscribe_url }}"');
    // html-to-text upper-cases headings: the tag comes back as written
    expect(result.text).toContain('HI {{ contact.firstName | default: "A & B" }}');
    const parsed = parseMergeFields(result.html);
    if (!parsed.ok) throw new Error('compiled HTML does not parse');
    const html = renderMergeFields(
      parsed.parts,
      mergeContextOf({ unsubscribeUrl: 'https://x.example/u?a=1&b=2' }),
      'html',
    );
    expect(html).toContain('Hi A &amp; B');
    expect(html).toContain('href="https://x.example/u?a=1&amp;b=2"');
  });

  it('puts the preheader right after <body> as hidden text, escaped, merge tags kept, and not in the text part', async () => {
    const result = await compileMjml(
      body('<mj-text>Body</mj-text>'),
      'Deals <50% for {{ contact.firstName }}',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.html).toMatch(
      /<body[^>]*><div style="display:none;[^"]*">Deals &lt;50% for \{\{ contact\.firstName \}\}<\/div>/,
    );
    expect(result.text).not.toContain('Deals');
  });

  it('reports MJML errors with their lines, and a source MJML cannot read', async () => {
    const invalid = await compileMjml(
      '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-bogus />\n</mj-column></mj-section></mj-body></mjml>',
    );
    expect(invalid).toMatchObject({
      ok: false,
      errors: [{ line: 4, message: expect.stringContaining('mj-bogus') }],
    });
    const unreadable = await compileMjml('hello');
    expect(unreadable).toMatchObject({ ok: false, errors: [{ message: expect.any(String) }] });
  });

  it('protects and restores tags whatever the case of the placeholder', () => {
    const { protectedSource, restore } = protectMergeTags('a {{ owner.name }} b {{owner.email|upcase}}');
    expect(protectedSource).not.toContain('{{');
    expect(restore(protectedSource.toUpperCase())).toBe('A {{ owner.name }} B {{owner.email|upcase}}');
  });
});
