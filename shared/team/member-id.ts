import * as z from 'zod/mini';
import { memberIdPattern } from './active-member-check';

/** A member id in a path, a query or a body (an owner, an assignee): a Cognito `sub` or the local sign-in's. */
export const MemberId = z.string().check(z.regex(memberIdPattern, 'Pick a member of the workspace.'));
