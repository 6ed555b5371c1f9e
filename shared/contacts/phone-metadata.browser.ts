import type { MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

/** Browsers have no node:zlib: the web app bundles the package's metadata as it is. */
export function phoneMetadata(): MetadataJson {
  return metadata;
}
