import * as z from 'zod/mini';
import { ListIds } from '../lists/list';
import { singleLine } from '../platform/single-line-text';
import { Tags } from '../records/record-fields';

/**
 * Form schemas: the settings API, the OpenAPI document and (later) the web settings page use these.
 * A form maps the fields a web page posts to a contact, adds tags, may ask for consent, and says where a
 * browser goes after posting. No server code here: the web app may import this module.
 */

/** What the hidden inputs of the embed snippet are called (Google Analytics' campaign parameter names). */
export const utmFieldNames = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;
export type UtmFieldName = (typeof utmFieldNames)[number];
export const pageUrlFieldName = 'page_url';
export const referrerFieldName = 'referrer';
/** The consent checkbox: ticked, a browser sends `consent=on`; unticked, it sends nothing at all. */
export const consentFieldName = 'consent';
/** The consent text version the page showed, sent back by the snippet as a hidden input. */
export const consentVersionFieldName = 'consent_text_version';
/** A client may name its submission; a second post with the same id is a no-op. */
export const submissionIdFieldName = 'submission_id';
export const defaultHoneypotField = 'website';

/** Names the form machinery uses itself: a mapped field or the honeypot cannot take them. */
export const reservedFieldNames = [
  ...utmFieldNames,
  pageUrlFieldName,
  referrerFieldName,
  consentFieldName,
  consentVersionFieldName,
  submissionIdFieldName,
] as const;

export const contactFieldTargets = ['email', 'firstName', 'lastName', 'phone', 'jobTitle'] as const;
export type ContactFieldTarget = (typeof contactFieldTargets)[number];
export const customFieldTargetPrefix = 'customFields.';

export const FormFieldName = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
      'Use 1-64 letters, digits, _ or -, starting with a letter (the name of the input on the page).',
    ),
  );

/** A contact field, or `customFields.<key>` of a contact custom field of the workspace. */
export const FormFieldTarget = z
  .string()
  .check(
    z.regex(
      /^(?:email|firstName|lastName|phone|jobTitle|customFields\.[a-z][a-z0-9_]{0,39})$/,
      'Choose email, firstName, lastName, phone, jobTitle or customFields.<key>.',
    ),
  );

export const FormFieldInput = z.strictObject({
  /** The input's name on the page. */
  name: FormFieldName,
  target: FormFieldTarget,
  /** The label in the embed snippet; the target's name when absent. */
  label: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100), singleLine())),
  /** The snippet marks the input required; the server always requires the email. */
  required: z.optional(z.boolean()),
});
export type FormFieldInput = z.output<typeof FormFieldInput>;

/**
 * The mapping. Rules across its items (unique names and targets, exactly one email) and against the
 * workspace are checked by checkFormDefinition, which needs the whole form: the schema says the shape.
 */
export const FormFields = z
  .array(FormFieldInput)
  .check(z.minLength(1, 'Map at least the email field.'), z.maxLength(30, 'At most 30 fields.'));

function parsedUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** An absolute https URL without credentials (where a browser is sent after posting or confirming). */
export const HttpsUrl = z
  .pipe(
    z.string().check(z.trim(), z.maxLength(2048, 'Keep the address under 2048 characters.')),
    z.url({ protocol: /^https$/, message: 'Enter an https:// address.' }),
  )
  .check(
    z.refine((value) => {
      const url = parsedUrl(value);
      return !url?.username && !url?.password;
    }, 'Leave the user name and password out of the address.'),
  );

const hostLabel = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';

/** `https://host[:port]`, nothing after it; stored as browsers send it in `Origin` (lower case, no slash). */
export const HttpsOrigin = z.pipe(
  z
    .string()
    .check(
      z.trim(),
      z.maxLength(300),
      z.regex(
        new RegExp(`^https://${hostLabel}(?:\\.${hostLabel})*(?::\\d{1,5})?/?$`, 'i'),
        'Enter an origin such as https://www.example.com (no path).',
      ),
    ),
  z.transform((value) => value.toLowerCase().replace(/\/$/, '')),
);

export const FormConsentInput = z.strictObject({
  /** The text beside the checkbox; the consent record keeps the text the person agreed to. */
  text: z.string().check(z.trim(), z.minLength(1, 'Write the consent text.'), z.maxLength(2000)),
  /** A submission without the box ticked is refused. */
  required: z._default(z.boolean(), false),
  /** Consent stays pending until the person follows the link in a confirmation email. */
  doubleOptIn: z.boolean(),
  /** Where the confirmation link leads after confirming; a small thank-you page when absent. */
  confirmedRedirectUrl: z.optional(HttpsUrl),
});

const formShape = {
  name: z.string().check(z.trim(), z.minLength(1, 'Give the form a name.'), z.maxLength(100), singleLine()),
  fields: FormFields,
  /** Tags added to the contact of every submission. */
  tags: Tags,
  /** Lists (ids) the contact of every submission joins (list.joined, once per list). */
  lists: ListIds,
  consent: FormConsentInput,
  /** Browser posts are redirected here (303); a small thank-you page when absent. */
  successRedirectUrl: HttpsUrl,
  /** Origins whose pages may post the form; a post without Origin (server to server) is always allowed. */
  allowedOrigins: z.array(HttpsOrigin).check(z.maxLength(20, 'At most 20 origins.')),
  /** A field people never see; a bot that fills it in is answered as usual and its submission dropped. */
  honeypotField: FormFieldName,
};

export const FormInput = z.strictObject({
  name: formShape.name,
  fields: formShape.fields,
  tags: z.optional(formShape.tags),
  lists: z.optional(formShape.lists),
  consent: z.optional(formShape.consent),
  successRedirectUrl: z.optional(formShape.successRedirectUrl),
  allowedOrigins: z.optional(formShape.allowedOrigins),
  honeypotField: z.optional(formShape.honeypotField),
});
export type FormInput = z.output<typeof FormInput>;

/** A change: a field that is sent is set, `null` removes an optional one, a field left out stays. */
export const FormPatch = z
  .strictObject({
    name: z.optional(formShape.name),
    fields: z.optional(formShape.fields),
    tags: z.optional(formShape.tags),
    lists: z.optional(formShape.lists),
    consent: z.optional(z.nullable(formShape.consent)),
    successRedirectUrl: z.optional(z.nullable(formShape.successRedirectUrl)),
    allowedOrigins: z.optional(formShape.allowedOrigins),
    honeypotField: z.optional(formShape.honeypotField),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type FormPatch = z.output<typeof FormPatch>;

export const FormConsent = z.object({
  text: z.string(),
  required: z.boolean(),
  doubleOptIn: z.boolean(),
  /** Server-owned: changes whenever the text does, and is kept on every consent record. */
  version: z.string(),
  confirmedRedirectUrl: z.optional(z.string()),
});
export type FormConsent = z.output<typeof FormConsent>;

export const Form = z.object({
  /** `<workspaceId>.<ulid>`: the public form URL needs no token to know its workspace. */
  id: z.string(),
  name: z.string(),
  fields: z.array(
    z.object({
      name: z.string(),
      target: z.string(),
      label: z.optional(z.string()),
      required: z.optional(z.boolean()),
    }),
  ),
  tags: z.array(z.string()),
  lists: z.array(z.string()),
  consent: z.optional(FormConsent),
  successRedirectUrl: z.optional(z.string()),
  allowedOrigins: z.array(z.string()),
  honeypotField: z.string(),
  /** Where pages post the form, under the API's base URL. */
  submitPath: z.string(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Form = z.output<typeof Form>;

export const FormList = z.object({ items: z.array(Form) });
export const FormIdPath = z.object({ formId: z.string() });

export const FormEmbed = z.object({ formId: z.string(), action: z.string(), html: z.string() });
export type FormEmbed = z.output<typeof FormEmbed>;

/**
 * A posted submission, JSON or urlencoded (read into the same shape): field name to text, or to several
 * texts when a name repeats. JSON clients may also send numbers and booleans.
 */
const FormFieldValueSchema = z.union([
  z.string().check(z.maxLength(10_000)),
  z.number(),
  z.boolean(),
  z.array(z.string().check(z.maxLength(10_000))).check(z.maxLength(100, 'At most 100 values per field.')),
]);

/**
 * The named properties are the inputs the form machinery reads itself (see reservedFieldNames); every
 * other field is named by the form's settings (`email`, `first_name`, the honeypot...).
 */
export const FormSubmissionFields = z
  .catchall(
    z.object(
      Object.fromEntries(
        reservedFieldNames.map((name) => [name, z.optional(FormFieldValueSchema)]),
      ) as Record<(typeof reservedFieldNames)[number], z.ZodMiniOptional<typeof FormFieldValueSchema>>,
    ),
    FormFieldValueSchema,
  )
  .check(
    z.refine((fields) => Object.keys(fields).length <= 200, 'At most 200 fields.'),
    z.refine(
      (fields) => Object.keys(fields).every((name) => name.length >= 1 && name.length <= 100),
      'Field names have 1 to 100 characters.',
    ),
  );
export type FormSubmissionFields = z.output<typeof FormSubmissionFields>;
export type FormFieldValue = FormSubmissionFields[string];

export const FormSubmissionAccepted = z.union([
  z.object({
    status: z.literal('accepted'),
    submissionId: z.string(),
  }),
  /** The address was sent this form's confirmation email less than 24 h ago: nothing queued, nothing sent. */
  z.object({
    status: z.literal('confirmation_pending'),
    message: z.string(),
  }),
]);

export const ConsentConfirmationQuery = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(2000)),
});

/** Where every form is posted: the prefix of its public address (the web ACL limits posts under it). */
export const formSubmitPathPrefix = '/api/webhooks/forms/';
export const formSubmitPath = (formId: string) => `${formSubmitPathPrefix}${formId}`;
