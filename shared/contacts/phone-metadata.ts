import { brotliDecompressSync } from 'node:zlib';
import type { MetadataJson } from 'libphonenumber-js/core';
import { compressedPhoneMetadata } from './phone-metadata.generated';

let metadata: MetadataJson | undefined;

/**
 * libphonenumber-js's `min` metadata (what its default import uses), shipped brotli-compressed: 22 KB in
 * a Lambda bundle instead of 81 KB, inflated once on first use (about a millisecond). The web app reads
 * the package's own file instead (phone-metadata.browser.ts, chosen by the `#phone-metadata` import).
 */
export function phoneMetadata(): MetadataJson {
  metadata ??= JSON.parse(
    brotliDecompressSync(Buffer.from(compressedPhoneMetadata, 'base64')).toString('utf8'),
  ) as MetadataJson;
  return metadata;
}
