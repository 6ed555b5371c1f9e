import { fileURLToPath } from 'node:url';

/** The repository root, where functions/, shared/, web/ and package-lock.json live. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
