import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../shared/platform/error-catalogue';
import { ApiError, apiErrorFrom, messageOf } from '../../web/src/api/api-error';
import { formErrorsFromFields, formLevel } from '../../web/src/records/form-errors';
import { isVersionConflict, saveErrorsOf } from '../../web/src/records/form-problem';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('apiErrorFrom (an error response as the UI sees it)', () => {
  it('keeps the code, the per-field messages and the existing record', async () => {
    const error = await apiErrorFrom(
      json(409, {
        error: { code: 'contact.email_exists', message: 'ignored', existingId: '01HZX3K4M5N6P7Q8R9S0T1V2W3' },
      }),
    );
    expect(error).toMatchObject({ status: 409, code: 'contact.email_exists', fields: {} });
    expect(error.existingId).toBe('01HZX3K4M5N6P7Q8R9S0T1V2W3');
    expect(error.message).toBe(errorMessages['contact.email_exists']);

    const invalid = await apiErrorFrom(
      json(400, {
        error: {
          code: 'request.invalid',
          message: 'x',
          fields: { 'tags.1': 'Tags cannot contain # or commas.' },
        },
      }),
    );
    expect(invalid.fields).toEqual({ 'tags.1': 'Tags cannot contain # or commas.' });
  });

  it('shows its own text for a code, never the text the server sent', async () => {
    const error = await apiErrorFrom(
      json(409, { error: { code: 'field.version_conflict', message: '<b>internal</b>' } }),
    );
    expect(error.message).toBe('Someone else changed this custom field. Reload it and try again.');
  });

  it.each([
    [401, { message: 'Unauthorized' }, 'auth.unauthorized'],
    [403, { message: 'Forbidden' }, 'auth.forbidden'],
    [404, { message: 'Not Found' }, 'route.not_found'],
    [413, { message: 'Request Entity Too Large' }, 'request.too_large'],
    [428, {}, 'request.precondition_required'],
    [502, { message: 'Internal server error' }, 'server.internal'],
    [400, { error: { code: 'no.such_code', message: 'x' } }, 'server.internal'],
  ])('falls back on the status %i for a body without our shape', async (status, body, code) => {
    const error = await apiErrorFrom(json(status, body));
    expect(error).toMatchObject({ status, code });
  });

  it('copes with a body that is not JSON, and ignores malformed field messages', async () => {
    const html = await apiErrorFrom(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(html.code).toBe('server.internal');
    const odd = await apiErrorFrom(json(400, { error: { code: 'request.invalid', fields: { email: 42 } } }));
    expect(odd.fields).toEqual({});
  });

  it('has a message for anything a query can throw', () => {
    expect(messageOf(new ApiError(0, 'network.unreachable'))).toBe(
      'Cannot reach Seed CRM. Check your connection and try again.',
    );
    expect(messageOf(new TypeError('boom'))).toBe(errorMessages['server.internal']);
  });
});

describe('formErrorsFromFields (API field paths onto form inputs)', () => {
  it('points list items at their list and joins their messages', () => {
    expect(
      formErrorsFromFields({
        'tags.0': 'A tag cannot be empty.',
        'tags.3': 'Tags cannot contain # or commas.',
      }),
    ).toEqual({ tags: 'A tag cannot be empty. Tags cannot contain # or commas.' });
  });

  it('renames API names to form names', () => {
    expect(formErrorsFromFields({ roles: 'Pick a role.' }, { renames: { roles: 'role' } })).toEqual({
      role: 'Pick a role.',
    });
  });

  it('moves messages for paths the form does not show above the form', () => {
    const known = (path: string) => path === 'email' || path === 'customFields.size';
    expect(
      formErrorsFromFields(
        {
          email: 'Enter a valid email address.',
          'customFields.size': 'Enter a number.',
          'customFields.gone': 'There is no custom field with this key.',
          '(root)': 'Send at least one field to change.',
        },
        { known },
      ),
    ).toEqual({
      email: 'Enter a valid email address.',
      'customFields.size': 'Enter a number.',
      [formLevel]: 'There is no custom field with this key. Send at least one field to change.',
    });
  });
});

describe('saveErrorsOf (a failed save on the form)', () => {
  const known = (path: string) => ['label', 'required', 'options'].includes(path);

  it('puts the API per-field messages on their inputs', () => {
    const error = new ApiError(400, 'request.invalid', {
      label: 'Give the field a label.',
      'options.1': 'Too long.',
    });
    expect(saveErrorsOf(error, known)).toEqual({ label: 'Give the field a label.', options: 'Too long.' });
  });

  it('shows a conflict above the fields, in words a person understands', () => {
    const conflict = new ApiError(409, 'field.version_conflict');
    expect(isVersionConflict(conflict)).toBe(true);
    expect(saveErrorsOf(conflict, known)).toEqual({
      [formLevel]: 'Someone else changed this custom field. Reload it and try again.',
    });
  });

  it('shows anything else above the fields too, without internals', () => {
    expect(isVersionConflict(new ApiError(403, 'auth.forbidden'))).toBe(false);
    expect(saveErrorsOf(new ApiError(403, 'auth.forbidden'), known)).toEqual({
      [formLevel]: 'Your role does not allow this action.',
    });
    expect(saveErrorsOf(new Error('socket hang up at 10.0.0.1'), known)).toEqual({
      [formLevel]: errorMessages['server.internal'],
    });
  });
});
