import { type ComponentType, lazy } from 'react';

/** Route-level code splitting for modules with named exports. */
export function lazyPage<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name) {
  return lazy(async () => {
    const component = (await load())[name];
    return { default: component as ComponentType };
  });
}
