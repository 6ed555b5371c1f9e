import { type Store, storeFromEnv } from '../store/store';

/** The ports a domain operation receives. Handlers build them once per cold start. */
export interface Deps {
  store: Store;
  clock: () => Date;
}

export function depsFromEnv(env: NodeJS.ProcessEnv = process.env): Deps {
  return { store: storeFromEnv(env), clock: () => new Date() };
}
