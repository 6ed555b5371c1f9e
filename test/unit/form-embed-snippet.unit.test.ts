import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../shared/custom-fields/field-definition';
import { publicApiUrlFromEnv, requirePublicApiUrl } from '../../shared/forms/api-base-url';
import { embedSnippet } from '../../shared/forms/embed-snippet';
import type { Form } from '../../shared/forms/form';

const stamp = { version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const form: Form = {
  id: 'acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
  name: 'Newsletter',
  fields: [
    { name: 'email', target: 'email' },
    { name: 'first_name', target: 'firstName', label: 'Vorname <b>' },
    { name: 'tier', target: 'customFields.tier' },
    { name: 'active', target: 'customFields.active' },
  ],
  tags: ['newsletter'],
  lists: [],
  consent: {
    text: 'Ich möchte den "Newsletter" <erhalten> & mehr.',
    required: true,
    doubleOptIn: true,
    version: 'abc123',
  },
  allowedOrigins: [],
  honeypotField: 'website',
  submitPath: '/api/webhooks/forms/acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
  ...stamp,
};
const definitions: FieldDefinition[] = [
  {
    entity: 'contact',
    key: 'tier',
    label: 'Tier',
    type: 'select',
    options: ['gold', 'silver'],
    required: false,
    ...stamp,
  },
  { entity: 'contact', key: 'active', label: 'Active', type: 'boolean', required: false, ...stamp },
];

const inputNames = (html: string) =>
  [...html.matchAll(/<(?:input|select)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);

describe('the embed snippet', () => {
  const embed = embedSnippet(form, definitions, 'https://api.example.com');

  it('posts the form urlencoded to the public form address', () => {
    expect(embed.action).toBe('https://api.example.com/api/webhooks/forms/acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X');
    expect(embed.html).toContain(
      '<form id="seed-crm-form-01J9ZK3T5Q8W6N4M2P0R7S9V1X" method="post" action="https://api.example.com/api/webhooks/forms/acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X" accept-charset="UTF-8">',
    );
    expect(embed.html).not.toContain('enctype');
  });

  it('has an input per mapped field, the honeypot, consent, its version and the tracking inputs', () => {
    expect(inputNames(embed.html)).toEqual([
      'email',
      'first_name',
      'tier',
      'active',
      'website',
      'consent',
      'consent_text_version',
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_content',
      'utm_term',
      'page_url',
      'referrer',
    ]);
    expect(embed.html).toMatch(/<input id="[^"]+" type="email" name="email" autocomplete="email" required>/);
    expect(embed.html).toContain('<option value="gold">gold</option>');
    expect(embed.html).toContain('<input type="checkbox" name="active">');
    expect(embed.html).toContain('<input type="hidden" name="consent_text_version" value="abc123">');
  });

  it('hides the honeypot from people: off screen, out of the tab order, not autofilled', () => {
    const honeypot =
      /<div aria-hidden="true" style="([^"]+)">.*name="website" tabindex="-1" autocomplete="off"/.exec(
        embed.html,
      );
    expect(honeypot?.[1]).toContain('left:-10000px');
  });

  it('escapes the texts of settings', () => {
    expect(embed.html).toContain(
      '<input type="checkbox" name="consent" required> Ich möchte den &quot;Newsletter&quot; &lt;erhalten&gt; &amp; mehr.</label>',
    );
    expect(embed.html).toContain('Vorname &lt;b&gt;');
    expect(embed.html).not.toContain('<b>');
  });

  it('fills the UTM, page and referrer inputs from the visitor page with its inline script', () => {
    const script = /<script>([\s\S]*)<\/script>/.exec(embed.html)?.[1] ?? '';
    const elements: Record<string, { value: string }> = Object.fromEntries(
      inputNames(embed.html).map((name) => [name, { value: '' }]),
    );
    const page = 'https://shop.example.com/espresso?utm_source=instagram&utm_content=story%20ad%20%232';
    runInNewContext(script, {
      URLSearchParams,
      window: { location: { search: new URL(page).search, href: page } },
      document: {
        referrer: 'https://www.instagram.com/',
        getElementById: (id: string) =>
          id === 'seed-crm-form-01J9ZK3T5Q8W6N4M2P0R7S9V1X' ? { elements } : null,
      },
    });
    expect(elements.utm_source?.value).toBe('instagram');
    expect(elements.utm_content?.value).toBe('story ad #2');
    expect(elements.utm_medium?.value).toBe('');
    expect(elements.page_url?.value).toBe(page);
    expect(elements.referrer?.value).toBe('https://www.instagram.com/');
  });

  it('leaves out consent when the form asks for none', () => {
    const { consent: _consent, ...plain } = form;
    expect(inputNames(embedSnippet(plain, definitions, 'https://api.example.com').html)).not.toContain(
      'consent',
    );
  });
});

describe('the public API URL', () => {
  it('is PUBLIC_API_URL, without a trailing slash, and nothing when it is not set', () => {
    expect(publicApiUrlFromEnv({ PUBLIC_API_URL: 'https://crm.example.com/' })).toBe(
      'https://crm.example.com',
    );
    expect(publicApiUrlFromEnv({ PUBLIC_API_URL: 'http://127.0.0.1:3000' })).toBe('http://127.0.0.1:3000');
    expect(publicApiUrlFromEnv({ PUBLIC_API_URL: 'https://example.com/crm/' })).toBe(
      'https://example.com/crm',
    );
    expect(publicApiUrlFromEnv({})).toBeUndefined();
  });

  it.each([
    'crm.example.com',
    'javascript:alert(1)',
    'https://user:pw@crm.example.com',
    'https://x.example/?a=1',
  ])('refuses the configuration %j', (value) => {
    expect(() => publicApiUrlFromEnv({ PUBLIC_API_URL: value })).toThrow(/PUBLIC_API_URL/);
  });

  it('is required where an address is handed out: a missing one is a server fault, never a guess', () => {
    expect(() => requirePublicApiUrl(undefined)).toThrow(/PUBLIC_API_URL is not set/);
    expect(requirePublicApiUrl('https://crm.example.com')).toBe('https://crm.example.com');
  });
});
