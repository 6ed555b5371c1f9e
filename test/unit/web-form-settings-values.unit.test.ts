import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../shared/custom-fields/field-definition';
import type { Form } from '../../shared/forms/form';
import {
  fieldRow,
  formInputOf,
  formPatchOf,
  formSettingsErrors,
  formSettingsValues,
  isFormSettingsPath,
  targetLabel,
  targetOptions,
} from '../../web/src/forms/form-settings-values';

const stamp = { version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const tier: FieldDefinition = {
  entity: 'contact',
  key: 'tier',
  label: 'Tier',
  type: 'select',
  options: ['gold', 'silver'],
  required: true,
  ...stamp,
};

const newsletter: Form = {
  id: 'acme.01HZX3K4M5N6P7Q8R9S0T1V2W3',
  name: 'Newsletter',
  fields: [
    { name: 'email', target: 'email', label: 'Email', required: true },
    { name: 'first_name', target: 'firstName' },
  ],
  tags: ['newsletter'],
  lists: [],
  consent: { text: 'Send me news.', required: false, doubleOptIn: true, version: 'v1' },
  allowedOrigins: ['https://www.example.com'],
  honeypotField: 'website',
  submitPath: '/api/webhooks/forms/acme.01HZX3K4M5N6P7Q8R9S0T1V2W3',
  ...stamp,
  version: 3,
};

describe('formInputOf (create body)', () => {
  it('starts with the email mapped and sends only the settings that have a value', () => {
    const values = { ...formSettingsValues(), name: ' Webinar ' };
    expect(formInputOf(values)).toEqual({
      name: 'Webinar',
      fields: [{ name: 'email', target: 'email', label: 'Email', required: true }],
      honeypotField: 'website',
    });
  });

  it('sends consent only when asked for, and trims rows, origins and URLs', () => {
    const values = formSettingsValues();
    values.name = 'Webinar';
    values.fields.push(fieldRow({ name: ' tier ', target: 'customFields.tier', label: '  ' }));
    values.consent = {
      enabled: true,
      text: ' Yes please ',
      required: true,
      doubleOptIn: false,
      confirmedRedirectUrl: ' ',
    };
    values.successRedirectUrl = ' https://example.com/thanks ';
    values.allowedOrigins = [' https://example.com ', ''];
    values.honeypotField = ' ';
    expect(formInputOf(values)).toEqual({
      name: 'Webinar',
      fields: [
        { name: 'email', target: 'email', label: 'Email', required: true },
        { name: 'tier', target: 'customFields.tier' },
      ],
      consent: { text: 'Yes please', required: true, doubleOptIn: false },
      successRedirectUrl: 'https://example.com/thanks',
      allowedOrigins: ['https://example.com'],
      honeypotField: 'website',
    });
  });
});

describe('formPatchOf (PATCH body)', () => {
  it('sends nothing when nothing changed', () => {
    expect(formPatchOf(newsletter, formSettingsValues(newsletter))).toEqual({});
  });

  it('sends the changed settings, and null for a switched-off consent and an emptied redirect', () => {
    const withRedirect = { ...newsletter, successRedirectUrl: 'https://example.com/thanks' };
    const values = formSettingsValues(withRedirect);
    values.consent.enabled = false;
    values.successRedirectUrl = '';
    values.tags = ['newsletter', 'webinar'];
    expect(formPatchOf(withRedirect, values)).toEqual({
      consent: null,
      successRedirectUrl: null,
      tags: ['newsletter', 'webinar'],
    });
  });

  it('sends the lists when they change, and all of them (an empty list takes the form off every list)', () => {
    const values = formSettingsValues({ ...newsletter, lists: ['01HZX3K4M5N6P7Q8R9S0T1V2W4'] });
    expect(values.lists).toEqual(['01HZX3K4M5N6P7Q8R9S0T1V2W4']);
    values.lists = [];
    expect(formPatchOf({ ...newsletter, lists: ['01HZX3K4M5N6P7Q8R9S0T1V2W4'] }, values)).toEqual({
      lists: [],
    });
    const added = formSettingsValues(newsletter);
    added.lists = ['01HZX3K4M5N6P7Q8R9S0T1V2W4'];
    expect(formPatchOf(newsletter, added)).toEqual({ lists: ['01HZX3K4M5N6P7Q8R9S0T1V2W4'] });
    expect(formInputOf(added)).toMatchObject({ lists: ['01HZX3K4M5N6P7Q8R9S0T1V2W4'] });
    expect(formInputOf(formSettingsValues())).not.toHaveProperty('lists');
    expect(isFormSettingsPath('lists')).toBe(true);
  });

  it('sends the whole mapping when one row changes', () => {
    const values = formSettingsValues(newsletter);
    const second = values.fields[1];
    if (second) second.required = true;
    expect(formPatchOf(newsletter, values).fields).toEqual([
      { name: 'email', target: 'email', label: 'Email', required: true },
      { name: 'first_name', target: 'firstName', required: true },
    ]);
  });
});

describe('formSettingsErrors', () => {
  it('checks the shape with the shared schema, message on the row input', () => {
    const values = { ...formSettingsValues(), name: 'Webinar' };
    values.fields.push(fieldRow({ name: '1st', target: 'firstName' }));
    expect(formSettingsErrors(values, [])).toEqual({
      'fields.1.name': expect.stringContaining('starting with a letter'),
    });
  });

  it('runs the mapping rules the API runs against the custom fields', () => {
    const values = { ...formSettingsValues(), name: 'Webinar' };
    values.fields.push(fieldRow({ name: 'mail', target: 'email' }));
    const errors = formSettingsErrors(values, [tier]);
    expect(errors['fields.1.target']).toBe('Another field already fills this contact field.');
    expect(errors.fields).toContain('Tier (customFields.tier)');
  });

  it('does not re-check the mapping when only the name changes', () => {
    const values = { ...formSettingsValues(newsletter), name: 'News' };
    expect(formSettingsErrors(values, [tier], newsletter)).toEqual({});
  });

  it('names a bad origin and a consent without text', () => {
    const values = { ...formSettingsValues(), name: 'Webinar', allowedOrigins: ['example.com'] };
    values.consent.enabled = true;
    const errors = formSettingsErrors(values, []);
    expect(Object.keys(errors).sort()).toEqual(['allowedOrigins', 'consent.text']);
  });
});

describe('mapping targets', () => {
  it('offers the contact fields, then the contact custom fields, keeping a deleted one visible', () => {
    const company: FieldDefinition = { ...tier, entity: 'company', key: 'size', label: 'Size' };
    const groups = targetOptions([tier, company], ['customFields.gone']);
    expect(groups.map((group) => group.group)).toEqual(['Contact', 'Custom fields']);
    expect(groups[1]?.items).toEqual([
      { value: 'customFields.tier', label: 'Tier' },
      { value: 'customFields.gone', label: 'customFields.gone (deleted)' },
    ]);
  });

  it('reads targets as people do', () => {
    expect(targetLabel('firstName', [])).toBe('First name');
    expect(targetLabel('customFields.tier', [tier])).toBe('Tier');
    expect(targetLabel('customFields.gone', [tier])).toBe('customFields.gone');
  });

  it('knows which API paths have an input', () => {
    expect(isFormSettingsPath('fields.3.target')).toBe(true);
    expect(isFormSettingsPath('consent.text')).toBe(true);
    expect(isFormSettingsPath('consent.doubleOptIn')).toBe(false);
  });
});
