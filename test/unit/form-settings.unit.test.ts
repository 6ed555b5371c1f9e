import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../shared/custom-fields/field-definition';
import { checkFormDefinition } from '../../shared/forms/check-form-definition';
import { FormInput, FormPatch } from '../../shared/forms/form';
import { formIdOf, parseFormId } from '../../shared/forms/form-id';
import { consentVersionOf, formRefIn } from '../../shared/forms/forms-store';
import { fieldErrorsOf } from '../../shared/platform/validation';

const ulid = '01J9ZK3T5Q8W6N4M2P0R7S9V1X';
const stamp = { version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const define = (key: string, extra: Partial<FieldDefinition> = {}) =>
  ({
    entity: 'contact',
    key,
    label: key.toUpperCase(),
    type: 'text',
    required: false,
    ...stamp,
    ...extra,
  }) as FieldDefinition;

const errorsOf = (input: unknown) => {
  const result = FormInput.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

function definitionErrors(run: () => void): Record<string, string> {
  try {
    run();
    return {};
  } catch (error) {
    return (error as { extra: { fields: Record<string, string> } }).extra.fields;
  }
}

describe('form ids', () => {
  it('carry their workspace: <workspaceId>.<ulid>', () => {
    expect(parseFormId(`acme-1.${ulid}`)).toEqual({ workspaceId: 'acme-1', id: ulid });
    expect(formIdOf({ workspaceId: 'acme-1', id: ulid })).toBe(`acme-1.${ulid}`);
  });

  it.each([ulid, `.${ulid}`, `Acme.${ulid}`, `acme.${ulid.toLowerCase()}`, 'acme.x', `a.b.${ulid}`, ''])(
    'refuse %j',
    (formId) => {
      expect(parseFormId(formId)).toBeUndefined();
    },
  );

  it("answer 404 for another workspace's form", () => {
    expect(() => formRefIn('other', `acme.${ulid}`)).toThrow(expect.objectContaining({ statusCode: 404 }));
    expect(formRefIn('acme', `acme.${ulid}`)).toEqual({ workspaceId: 'acme', id: ulid });
  });
});

describe('the form schema', () => {
  const valid = { name: 'Newsletter', fields: [{ name: 'email', target: 'email' }] };

  it('takes a minimal form and a full one', () => {
    expect(errorsOf(valid)).toEqual({});
    expect(
      FormInput.parse({
        ...valid,
        fields: [
          ...valid.fields,
          { name: 'tier', target: 'customFields.tier', label: 'Tier', required: true },
        ],
        tags: ['Newsletter'],
        consent: { text: 'Send me news.', doubleOptIn: true },
        successRedirectUrl: 'https://www.example.com/thanks',
        allowedOrigins: ['https://WWW.Example.com', 'https://shop.example.com:8443/'],
        honeypotField: 'url2',
      }),
    ).toMatchObject({
      tags: ['newsletter'],
      consent: { text: 'Send me news.', doubleOptIn: true, required: false },
      allowedOrigins: ['https://www.example.com', 'https://shop.example.com:8443'],
    });
  });

  it('needs exactly one email field and unique names and targets (checked with the whole form)', () => {
    const check = (fields: Array<{ name: string; target: string }>) =>
      definitionErrors(() => checkFormDefinition({ fields, honeypotField: 'website' }, []));
    expect(check([{ name: 'first', target: 'firstName' }])).toEqual({
      fields: 'Map one field to email: every submission needs an email address.',
    });
    expect(
      check([
        { name: 'email', target: 'email' },
        { name: 'email', target: 'firstName' },
        { name: 'mail2', target: 'email' },
      ]),
    ).toEqual({
      'fields.1.name': 'Each field needs its own name.',
      'fields.2.target': 'Another field already fills this contact field.',
    });
    expect(errorsOf({ ...valid, fields: [] })).toEqual({ fields: 'Map at least the email field.' });
  });

  it.each([
    [
      'a target that is no contact field',
      {
        fields: [
          { name: 'email', target: 'email' },
          { name: 'pw', target: 'password' },
        ],
      },
      'fields.1.target',
    ],
    ['an input name with a space', { fields: [{ name: 'e mail', target: 'email' }] }, 'fields.0.name'],
    ['an http redirect', { successRedirectUrl: 'http://www.example.com/thanks' }, 'successRedirectUrl'],
    ['a javascript: redirect', { successRedirectUrl: 'javascript:alert(1)' }, 'successRedirectUrl'],
    ['an origin with a path', { allowedOrigins: ['https://www.example.com/form'] }, 'allowedOrigins.0'],
    ['an http origin', { allowedOrigins: ['http://www.example.com'] }, 'allowedOrigins.0'],
    ['consent without doubleOptIn', { consent: { text: 'Yes' } }, 'consent.doubleOptIn'],
    ['a server-owned version', { version: 2 }, 'version'],
    ['a consent version', { consent: { text: 'Yes', doubleOptIn: false, version: 'x' } }, 'consent.version'],
  ])('refuses %s', (_what, change, field) => {
    expect(Object.keys(errorsOf({ ...valid, ...change }))).toEqual([field]);
  });

  it('takes a patch of one field, null to remove consent or the redirect, and refuses an empty one', () => {
    expect(FormPatch.parse({ consent: null, successRedirectUrl: null })).toEqual({
      consent: null,
      successRedirectUrl: null,
    });
    expect(FormPatch.safeParse({}).success).toBe(false);
  });
});

describe('a form against its workspace', () => {
  it('refuses the names the form uses itself, as inputs or as honeypot', () => {
    const errors = definitionErrors(() =>
      checkFormDefinition(
        {
          fields: [
            { name: 'email', target: 'email' },
            { name: 'utm_source', target: 'firstName' },
            { name: 'trap', target: 'lastName' },
          ],
          honeypotField: 'trap',
        },
        [],
      ),
    );
    expect(Object.keys(errors).sort()).toEqual(['fields.1.name', 'fields.2.name']);
    expect(
      Object.keys(
        definitionErrors(() =>
          checkFormDefinition({ fields: [{ name: 'email', target: 'email' }], honeypotField: 'consent' }, []),
        ),
      ),
    ).toEqual(['honeypotField']);
  });

  it('maps only contact custom fields that exist, and every required one', () => {
    const definitions = [
      define('tier'),
      define('region', { required: true, label: 'Region' }),
      define('size', { entity: 'company' }),
    ];
    expect(
      definitionErrors(() =>
        checkFormDefinition(
          {
            fields: [
              { name: 'email', target: 'email' },
              { name: 'tier', target: 'customFields.tier' },
              { name: 'size', target: 'customFields.size' },
            ],
            honeypotField: 'website',
          },
          definitions,
        ),
      ),
    ).toEqual({
      'fields.2.target': 'There is no contact custom field with this key.',
      fields: 'Map the required custom fields too: Region (customFields.region).',
    });
    expect(
      definitionErrors(() =>
        checkFormDefinition(
          {
            fields: [
              { name: 'email', target: 'email' },
              { name: 'region', target: 'customFields.region' },
            ],
            honeypotField: 'website',
          },
          definitions,
        ),
      ),
    ).toEqual({});
  });

  it('versions consent texts by their content', () => {
    expect(consentVersionOf('Send me news.')).toBe(consentVersionOf('Send me news.'));
    expect(consentVersionOf('Send me news.')).not.toBe(consentVersionOf('Send me news!'));
    expect(consentVersionOf('x')).toMatch(/^[0-9a-f]{12}$/);
  });
});
