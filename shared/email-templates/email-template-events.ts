import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';

/** Internal: a template's body was saved at `version`; CompileEmailTemplate compiles it. */
export const EmailTemplateSaved = defineEvent('email_template.saved', 1, {
  templateId: z.string(),
  version: z.int(),
});
