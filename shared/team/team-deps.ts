import { depsFromEnv } from '../platform/deps';
import type { TeamDeps } from './manage-members';
import { cognitoUserDirectory } from './user-directory';

/** The team's ports in a Lambda: the table and clock, and the user pool (USER_POOL_ID). */
export function teamDepsFromEnv(env: NodeJS.ProcessEnv = process.env): TeamDeps {
  return { ...depsFromEnv(env), directory: cognitoUserDirectory(env) };
}
