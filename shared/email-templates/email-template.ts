import * as z from 'zod/mini';
import { singleLine } from '../platform/single-line-text';
import { listQueryShape, RecordId, recordMeta } from '../records/record-fields';

/**
 * Email templates (decision 170): a subject, a preheader and a body in MJML, with merge fields in our Liquid
 * subset (merge-fields.ts). The body is compiled to responsive HTML and a plain-text part by
 * `CompileEmailTemplate` after each save; `compile` says how far that is for the current version.
 */
/**
 * 40,000 characters: a body at most this long, in any characters JSON may escape, stays within the API's
 * 256 KB request limit and the 400 KB item limit of DynamoDB (real templates are 5 to 20 KB).
 */
export const maxMjmlLength = 40_000;

const templateFields = {
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Give the template a name.'),
      z.maxLength(120, 'Keep the name to 120 characters.'),
      singleLine(),
    ),
  subject: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Give the email a subject.'),
      z.maxLength(300, 'Keep the subject to 300 characters.'),
      singleLine(),
    ),
  preheader: z
    .string()
    .check(z.trim(), z.maxLength(300, 'Keep the preheader to 300 characters.'), singleLine()),
  mjml: z
    .string()
    .check(
      z.minLength(1, 'Write the body in MJML.'),
      z.maxLength(maxMjmlLength, `Keep the MJML to ${maxMjmlLength} characters.`),
    ),
};

export const EmailTemplateInput = z.strictObject({
  name: templateFields.name,
  subject: templateFields.subject,
  preheader: z.optional(templateFields.preheader),
  mjml: templateFields.mjml,
});
export type EmailTemplateInput = z.output<typeof EmailTemplateInput>;

/** A change: a field sent is set, `preheader: null` clears it, a field left out stays. */
export const EmailTemplatePatch = z
  .strictObject({
    name: z.optional(templateFields.name),
    subject: z.optional(templateFields.subject),
    preheader: z.optional(z.nullable(templateFields.preheader)),
    mjml: z.optional(templateFields.mjml),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type EmailTemplatePatch = z.output<typeof EmailTemplatePatch>;

/** Where in a part an error is: 1-based line and column. */
export const TextPosition = z.object({ line: z.int(), column: z.int() });
export type TextPosition = z.output<typeof TextPosition>;

export const CompileError = z.object({ message: z.string(), line: z.optional(z.int()) });

export const CompileState = z.object({
  status: z.enum(['compiling', 'ready', 'invalid']),
  /** The template version the status is about. */
  version: z.int(),
  errors: z.optional(z.array(CompileError)),
  compiledAt: z.optional(z.string()),
});
export type CompileState = z.output<typeof CompileState>;

export const EmailTemplate = z.object({
  ...recordMeta,
  name: z.string(),
  subject: z.string(),
  preheader: z.optional(z.string()),
  mjml: z.string(),
  compile: CompileState,
  /** The merge fields the template uses (`contact.firstName`, ...), in order of first use. */
  mergeFields: z.array(z.string()),
});
export type EmailTemplate = z.output<typeof EmailTemplate>;

/** The compiled parts, kept on their own item (they can be large) and read by preview, test send and scheduling. */
export const CompiledTemplate = z.object({
  templateId: z.string(),
  version: z.int(),
  subject: z.string(),
  preheader: z.optional(z.string()),
  html: z.string(),
  text: z.string(),
});
export type CompiledTemplate = z.output<typeof CompiledTemplate>;

export const EmailTemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  subject: z.string(),
  compile: CompileState,
  updatedAt: z.string(),
});
export const EmailTemplatePage = z.object({
  items: z.array(EmailTemplateSummary),
  nextCursor: z.optional(z.string()),
});
export const EmailTemplatesQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
});
export const EmailTemplatePath = z.object({ templateId: RecordId });

/** Preview (`?contactId=`): the template merged for one real contact of the workspace (or with the fallbacks alone). */
export const TemplatePreviewInput = z.strictObject({ contactId: z.optional(RecordId) });
export const TemplatePreview = z.object({ subject: z.string(), html: z.string(), text: z.string() });
export type TemplatePreview = z.output<typeof TemplatePreview>;

/** A test send goes to the signed-in member's own address, merged for `contactId` when given. */
export const TestSendInput = z.strictObject({ contactId: z.optional(RecordId) });
export const TestSendResult = z.object({ to: z.string(), messageId: z.string() });

/** The merge fields a template may use in this workspace (custom fields included), for the editor's menu. */
export const MergeFieldCatalog = z.object({
  fields: z.array(z.object({ path: z.string(), label: z.string() })),
});
