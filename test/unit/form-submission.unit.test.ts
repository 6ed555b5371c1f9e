import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../shared/custom-fields/field-definition';
import type { Form } from '../../shared/forms/form';
import { readFormFields } from '../../shared/forms/form-intake';
import type { FormDefinition } from '../../shared/forms/form-item';
import { isConsentGiven, isHoneypotHit, readSubmission } from '../../shared/forms/form-submission';
import { ValidationError } from '../../shared/platform/errors';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'forms');
const fixture = (name: string) => readFileSync(join(fixtures, name));
const urlencoded = 'application/x-www-form-urlencoded';
const json = 'application/json';

const stamp = { version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const newsletter: FormDefinition = {
  id: 'acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
  name: 'Newsletter',
  fields: [
    { name: 'email', target: 'email' },
    { name: 'first_name', target: 'firstName' },
  ],
  tags: ['newsletter'],
  lists: [],
  consent: { text: 'Ich möchte den Newsletter erhalten.', required: false, doubleOptIn: true, version: 'v1' },
  allowedOrigins: [],
  honeypotField: 'website',
  submitPath: '/api/webhooks/forms/acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
  secret: 'secret',
  ...stamp,
};

function fieldErrors(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).extra.fields ?? {};
  }
  throw new Error('expected a ValidationError');
}

describe('reading a posted form body', () => {
  it.each([
    ['newsletter-signup.urlencoded', urlencoded],
    ['newsletter-signup.json', json],
  ])('%s gives the same fields, with + as a space and %%2B as a plus', (file, contentType) => {
    const fields = readFormFields(fixture(file), contentType);
    expect(fields.email).toBe('juergen.mueller+news@example.com');
    expect(fields.first_name).toBe('Jürgen');
    expect(fields.utm_content).toBe('story ad #2');
    expect(fields.website).toBe('');
    expect(fields.utm_term).toBe('');
    // decoded once only: the page's own query string keeps its encoding
    expect(fields.page_url).toBe(
      'https://shop.example.com/espresso?utm_source=instagram&utm_medium=social&utm_campaign=fruehling_2025',
    );
  });

  it('reads the two encodings of every fixture into the same fields', () => {
    for (const name of ['newsletter-signup', 'newsletter-signup.no-consent', 'newsletter-signup.spam']) {
      expect(readFormFields(fixture(`${name}.urlencoded`), `${urlencoded}; charset=UTF-8`)).toEqual(
        readFormFields(fixture(`${name}.json`), json),
      );
    }
  });

  it('keeps every value of a repeated name, and refuses a __proto__ field', () => {
    expect(readFormFields(Buffer.from('email=a%40b.co&topic=a&topic=b'), urlencoded).topic).toEqual([
      'a',
      'b',
    ]);
    expect(() => readFormFields(Buffer.from('__proto__=x&email=a%40b.co'), urlencoded)).toThrow(
      ValidationError,
    );
  });

  it.each([
    ['not JSON', Buffer.from('{"email":'), json, 400],
    ['multipart', Buffer.from('--x'), 'multipart/form-data; boundary=x', 415],
    ['no content type', Buffer.from('email=a'), undefined, 415],
    ['a JSON array', Buffer.from('["email"]'), json, 400],
    ['a nested object', Buffer.from('{"email":{"a":1}}'), json, 400],
    ['over 256 KB', Buffer.from(`email=${'x'.repeat(256 * 1024)}`), urlencoded, 413],
  ])('refuses %s', (_what, body, contentType, status) => {
    expect(() => readFormFields(body, contentType)).toThrow(expect.objectContaining({ statusCode: status }));
  });
});

describe('honeypot and consent', () => {
  it('treats a filled honeypot as a bot, an empty or absent one as a person', () => {
    expect(
      isHoneypotHit('website', readFormFields(fixture('newsletter-signup.spam.urlencoded'), urlencoded)),
    ).toBe(true);
    expect(
      isHoneypotHit('website', readFormFields(fixture('newsletter-signup.urlencoded'), urlencoded)),
    ).toBe(false);
    expect(isHoneypotHit('website', { email: 'a@b.co' })).toBe(false);
    expect(isHoneypotHit('website', { website: '   ' })).toBe(false);
  });

  it('reads a spam submission as spam before judging anything else', () => {
    expect(readSubmission(newsletter, [], { website: 'http://x.example', email: 'not an email' })).toEqual({
      kind: 'spam',
    });
  });

  it('takes consent from the presence of the key, not from its value being exactly "on"', () => {
    expect(isConsentGiven(readFormFields(fixture('newsletter-signup.urlencoded'), urlencoded))).toBe(true);
    expect(
      isConsentGiven(readFormFields(fixture('newsletter-signup.no-consent.urlencoded'), urlencoded)),
    ).toBe(false);
    expect(isConsentGiven({ consent: 'yes' })).toBe(true);
    expect(isConsentGiven({ consent: true })).toBe(true);
    for (const no of ['', 'off', 'false', 'FALSE', '0', 'no'])
      expect(isConsentGiven({ consent: no }), no).toBe(false);
    expect(isConsentGiven({ consent: false })).toBe(false);
  });

  it('requires the box when the form says so, naming the consent input', () => {
    const form = {
      ...newsletter,
      consent: { ...(newsletter.consent as Form['consent'] & object), required: true },
    };
    const fields = readFormFields(fixture('newsletter-signup.no-consent.json'), json);
    expect(fieldErrors(() => readSubmission(form, [], fields))).toEqual({
      consent: 'Tick the box to agree.',
    });
  });
});

describe('a submission read with its form', () => {
  it('maps the fixture to a contact with the form tags, UTM parameters, page and consent', () => {
    const read = readSubmission(
      newsletter,
      [],
      readFormFields(fixture('newsletter-signup.urlencoded'), urlencoded),
    );
    expect(read).toEqual({
      kind: 'submission',
      contact: {
        email: 'juergen.mueller+news@example.com',
        firstName: 'Jürgen',
        tags: ['newsletter'],
        customFields: {},
      },
      consentGiven: true,
      submittedConsentVersion: '2025-03',
      utm: {
        source: 'instagram',
        medium: 'social',
        campaign: 'fruehling_2025',
        content: 'story ad #2',
      },
      pageUrl:
        'https://shop.example.com/espresso?utm_source=instagram&utm_medium=social&utm_campaign=fruehling_2025',
      extraFields: { form_id: 'newsletter-footer' },
    });
  });

  it('takes UTM parameters from the page address when the hidden inputs are empty, and the page from Referer', () => {
    const read = readSubmission(
      newsletter,
      [],
      { email: 'a@example.com', utm_source: '' },
      {
        referer: 'https://www.example.com/offer?utm_source=mail&utm_campaign=spring',
      },
    );
    expect(read).toMatchObject({
      utm: { source: 'mail', campaign: 'spring' },
      pageUrl: 'https://www.example.com/offer?utm_source=mail&utm_campaign=spring',
    });
  });

  it('ignores a page or referrer that is not an http(s) address', () => {
    const read = readSubmission(newsletter, [], {
      email: 'a@example.com',
      page_url: 'javascript:alert(1)',
      referrer: 'not a url',
    });
    expect(read).not.toHaveProperty('pageUrl');
    expect(read).not.toHaveProperty('referrer');
  });

  it('names the page inputs in its errors: a missing or bad email, a bad phone, several values', () => {
    const form: FormDefinition = {
      ...newsletter,
      fields: [
        { name: 'your-email', target: 'email' },
        { name: 'tel', target: 'phone' },
        { name: 'first_name', target: 'firstName', required: true },
      ],
    };
    expect(fieldErrors(() => readSubmission(form, [], { tel: '12' }))).toEqual({
      'your-email': 'Enter your email address.',
      first_name: 'Fill in this field.',
      tel: expect.stringContaining('valid phone number'),
    });
    expect(
      fieldErrors(() =>
        readSubmission(form, [], { 'your-email': 'nope', tel: 'abc', first_name: ['Ann', 'Bob'] }),
      ),
    ).toEqual({
      'your-email': 'Enter a valid email address.',
      tel: expect.stringContaining('valid phone number'),
      first_name: 'Send one value for this field.',
    });
  });

  it('types custom field values by their definitions and drops values of deleted definitions', () => {
    const define = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}) =>
      ({ entity: 'contact', key, label: key, type, required: false, ...stamp, ...extra }) as FieldDefinition;
    const definitions = [
      define('seats', 'number'),
      define('active', 'boolean'),
      define('tier', 'select', { options: ['gold', 'silver'] }),
      define('renewal', 'date', { required: true }),
    ];
    const form: FormDefinition = {
      ...newsletter,
      fields: [
        { name: 'email', target: 'email' },
        { name: 'seats', target: 'customFields.seats' },
        { name: 'active', target: 'customFields.active' },
        { name: 'tier', target: 'customFields.tier' },
        { name: 'gone', target: 'customFields.gone' },
      ],
    };
    const read = readSubmission(form, definitions, {
      email: 'a@example.com',
      seats: '12',
      active: 'on',
      tier: 'gold',
      gone: 'x',
    });
    // a required custom field may stay empty here: an existing contact may have it already
    expect(read).toMatchObject({ contact: { customFields: { seats: 12, active: true, tier: 'gold' } } });
    expect(
      fieldErrors(() =>
        readSubmission(form, definitions, {
          email: 'a@example.com',
          seats: 'many',
          active: 'maybe',
          tier: 'bronze',
        }),
      ),
    ).toEqual({
      seats: 'Enter a number.',
      active: 'Choose yes or no.',
      tier: 'Choose one of: gold, silver.',
    });
  });

  it('keeps a client submission id only when it looks like one', () => {
    expect(
      readSubmission(newsletter, [], { email: 'a@example.com', submission_id: 'order-2025-0001' }),
    ).toMatchObject({ clientSubmissionId: 'order-2025-0001' });
    expect(
      readSubmission(newsletter, [], { email: 'a@example.com', submission_id: 'x y' }),
    ).not.toHaveProperty('clientSubmissionId');
  });
});
