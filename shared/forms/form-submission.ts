import { type ContactInput, ContactInput as ContactInputSchema } from '../contacts/contact-input';
import { checkCustomFields } from '../custom-fields/check-custom-fields';
import type { FieldDefinition } from '../custom-fields/field-definition';
import { type FieldErrors, ValidationError } from '../platform/errors';
import { fieldErrorsOf } from '../platform/validation';
import {
  consentFieldName,
  consentVersionFieldName,
  customFieldTargetPrefix,
  type FormFieldValue,
  type FormSubmissionFields,
  pageUrlFieldName,
  referrerFieldName,
  reservedFieldNames,
  submissionIdFieldName,
  utmFieldNames,
} from './form';
import type { FormDefinition } from './form-item';
import type { Utm } from './submission-activity';

/** What a submission says, read with its form: the contact to upsert, consent, tracking. */
export interface SubmissionContent {
  contact: ContactInput & { email: string };
  consentGiven: boolean;
  submittedConsentVersion?: string;
  utm: Utm;
  pageUrl?: string;
  referrer?: string;
  /** Posted fields the form does not map (a message box, say): kept on the activity. */
  extraFields: Record<string, FormFieldValue>;
  /** A client-chosen id: a second post with the same id is a no-op. */
  clientSubmissionId?: string;
}

export type ReadSubmission = { kind: 'spam' } | ({ kind: 'submission' } & SubmissionContent);

const maxTrackingChars = 2048;
const maxUtmChars = 500;
const negativeAnswers = new Set(['', 'off', 'false', '0', 'no']);
const positiveAnswers = new Set(['on', 'true', '1', 'yes']);

function isBlank(value: FormFieldValue | undefined): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.every((item) => item.trim() === '');
  return typeof value === 'string' && value.trim() === '';
}

/** One text for a field that takes one value; `undefined` when blank; an error for several values. */
function singleText(value: FormFieldValue | undefined): string | undefined | { error: string } {
  if (isBlank(value) || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const filled = value.filter((item) => item.trim() !== '');
    if (filled.length > 1) return { error: 'Send one value for this field.' };
    return filled[0]?.trim();
  }
  return String(value).trim();
}

/** A honeypot is hit when the field people never see has a value; present but empty is the human case. */
export function isHoneypotHit(honeypotField: string, fields: FormSubmissionFields): boolean {
  return !isBlank(fields[honeypotField]);
}

/**
 * A checkbox is ticked when its key is present with a value that is not a "no": browsers send `on` (or the
 * input's value) for a ticked box and nothing at all for an unticked one; JSON clients may send `true`.
 */
export function isConsentGiven(fields: FormSubmissionFields): boolean {
  if (!Object.hasOwn(fields, consentFieldName)) return false;
  const value = fields[consentFieldName];
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const values = Array.isArray(value) ? value : [String(value)];
  return values.some((item) => !negativeAnswers.has(item.trim().toLowerCase()));
}

function customValueOf(
  definition: FieldDefinition,
  value: FormFieldValue,
): string | number | boolean | undefined | { error: string } {
  if (definition.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    const text = singleText(value);
    if (text === undefined || typeof text === 'object') return text;
    if (positiveAnswers.has(text.toLowerCase())) return true;
    if (negativeAnswers.has(text.toLowerCase())) return false;
    return { error: 'Choose yes or no.' };
  }
  if (definition.type === 'number') {
    if (typeof value === 'number') return value;
    const text = singleText(value);
    if (text === undefined || typeof text === 'object') return text;
    return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : { error: 'Enter a number.' };
  }
  return singleText(value);
}

function httpUrlOrUndefined(value: string | undefined): string | undefined {
  if (!value || value.length > maxTrackingChars) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** UTM parameters from the hidden inputs, else from the query string of the page the form was on. */
function utmOf(fields: FormSubmissionFields, pageUrl: string | undefined): Utm {
  const pageQuery = pageUrl ? new URL(pageUrl).searchParams : undefined;
  const utm: Utm = {};
  for (const name of utmFieldNames) {
    const posted = singleText(fields[name]);
    const value = typeof posted === 'string' ? posted : (pageQuery?.get(name)?.trim() ?? undefined);
    if (value) utm[name.slice('utm_'.length) as keyof Utm] = value.slice(0, maxUtmChars);
  }
  return utm;
}

/** Where each contact path (`email`, `customFields.tier`) came from, to name errors after the page's inputs. */
function fieldNameOf(form: FormDefinition, contactPath: string): string {
  const target = contactPath.startsWith('customFields.')
    ? contactPath.split('.').slice(0, 2).join('.')
    : (contactPath.split('.')[0] ?? contactPath);
  return form.fields.find((field) => field.target === target)?.name ?? contactPath;
}

/**
 * Reads a submission with its form. The honeypot is checked first, so a bot is answered like a person
 * whatever else it sent. Errors name the page's inputs (`email`, `first_name`), as a person would fix them.
 * Values of custom fields whose definition was deleted since the form was saved are left out.
 */
export function readSubmission(
  form: FormDefinition,
  definitions: readonly FieldDefinition[],
  fields: FormSubmissionFields,
  context: { referer?: string } = {},
): ReadSubmission {
  if (isHoneypotHit(form.honeypotField, fields)) return { kind: 'spam' };
  const errors: FieldErrors = {};
  const contact: Record<string, unknown> = {};
  const customFields: Record<string, string | number | boolean> = {};
  const byKey = new Map(
    definitions.filter((item) => item.entity === 'contact').map((item) => [item.key, item]),
  );
  for (const field of form.fields) {
    const value = fields[field.name];
    if (field.target.startsWith(customFieldTargetPrefix)) {
      const definition = byKey.get(field.target.slice(customFieldTargetPrefix.length));
      if (!definition || value === undefined) continue;
      const typed = customValueOf(definition, value);
      if (typeof typed === 'object') errors[field.name] = typed.error;
      else if (typed !== undefined) customFields[definition.key] = typed;
      continue;
    }
    const text = singleText(value);
    if (typeof text === 'object') errors[field.name] = text.error;
    else if (text !== undefined) contact[field.target] = text;
  }
  const emailField = form.fields.find((field) => field.target === 'email');
  for (const field of form.fields) {
    const required = field.required || field === emailField;
    if (required && isBlank(fields[field.name]) && !errors[field.name]) {
      errors[field.name] = field === emailField ? 'Enter your email address.' : 'Fill in this field.';
    }
  }
  const consentGiven = form.consent ? isConsentGiven(fields) : false;
  if (form.consent?.required && !consentGiven) errors[consentFieldName] = 'Tick the box to agree.';

  // the contact's own rules (email syntax, E.164 phones, lengths, custom field types and options)
  const parsed = ContactInputSchema.safeParse({ ...contact, tags: form.tags, customFields });
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrorsOf(parsed.error))) {
      const name = fieldNameOf(form, path);
      if (!errors[name]) errors[name] = message;
    }
  } else {
    try {
      // types and options only: whether a required custom field may stay empty depends on the contact
      checkCustomFields(
        [...byKey.values()].map((definition) => ({ ...definition, required: false })),
        {},
        customFields,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const [path, message] of Object.entries(error.extra.fields ?? {})) {
        const name = fieldNameOf(form, path);
        if (!errors[name]) errors[name] = message;
      }
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) throw new ValidationError(errors);

  const mapped = new Set([
    ...form.fields.map((field) => field.name),
    form.honeypotField,
    ...reservedFieldNames,
  ]);
  const extraFields: Record<string, FormFieldValue> = {};
  for (const [name, value] of Object.entries(fields)) if (!mapped.has(name)) extraFields[name] = value;

  const postedPage = singleText(fields[pageUrlFieldName]);
  const pageUrl = httpUrlOrUndefined(typeof postedPage === 'string' ? postedPage : context.referer);
  const postedReferrer = singleText(fields[referrerFieldName]);
  const postedVersion = singleText(fields[consentVersionFieldName]);
  const postedId = singleText(fields[submissionIdFieldName]);
  return {
    kind: 'submission',
    contact: parsed.data as ContactInput & { email: string },
    consentGiven,
    ...(typeof postedVersion === 'string' ? { submittedConsentVersion: postedVersion.slice(0, 100) } : {}),
    utm: utmOf(fields, pageUrl),
    ...(pageUrl ? { pageUrl } : {}),
    ...(httpUrlOrUndefined(typeof postedReferrer === 'string' ? postedReferrer : undefined)
      ? { referrer: postedReferrer as string }
      : {}),
    extraFields,
    ...(typeof postedId === 'string' && /^[A-Za-z0-9_.:-]{8,200}$/.test(postedId)
      ? { clientSubmissionId: postedId }
      : {}),
  };
}
