import { brotliDecompressSync } from 'node:zlib';
import type { MetadataJson } from 'libphonenumber-js/core';
import { compressedPhoneMetadata } from './phone-metadata.generated';

let metadata: MetadataJson | undefined;

/**
 * What phone validation reads of libphonenumber-js's `min` metadata (formats left out), shipped
 * brotli-compressed: 11 KB in a Lambda bundle instead of 81 KB, inflated once on first use (about a
 * millisecond). The web app reads the package's own file instead, which it also formats with
 * (phone-metadata.browser.ts, chosen by the `#phone-metadata` import).
 */
export function phoneMetadata(): MetadataJson {
  metadata ??= JSON.parse(
    brotliDecompressSync(Buffer.from(compressedPhoneMetadata, 'base64')).toString('utf8'),
  ) as MetadataJson;
  return metadata;
}
