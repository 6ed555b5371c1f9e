import { z } from 'zod';
import { EmailAddress } from '../contacts/contact';
import { workspaceIdPattern } from './auth';
import { roles } from './roles';

/** What the local sign-in page sends to `POST /api/local/token` (the local cloud only). */
export const LocalTokenRequest = z.strictObject({
  workspaceId: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      workspaceIdPattern,
      'Use 1-63 lower-case letters, digits or dashes, starting with a letter or digit.',
    ),
  email: EmailAddress,
  roles: z
    .array(z.enum(roles))
    .min(1, 'Pick at least one role.')
    .max(roles.length)
    .transform((values) => [...new Set(values)]),
});
export type LocalTokenRequest = z.output<typeof LocalTokenRequest>;
