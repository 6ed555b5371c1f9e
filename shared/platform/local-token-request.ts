import * as z from 'zod/mini';
import { EmailAddress } from '../contacts/email-address';
import { workspaceIdPattern } from './auth';
import { roles } from './roles';

/** What the local sign-in page sends to `POST /api/local/token` (the local cloud only). */
export const LocalTokenRequest = z.strictObject({
  workspaceId: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.regex(
        workspaceIdPattern,
        'Use 1-63 lower-case letters, digits or dashes, starting with a letter or digit.',
      ),
    ),
  email: EmailAddress,
  roles: z.pipe(
    z.array(z.enum(roles)).check(z.minLength(1, 'Pick at least one role.'), z.maxLength(roles.length)),
    z.transform((values) => [...new Set(values)]),
  ),
});
export type LocalTokenRequest = z.output<typeof LocalTokenRequest>;
