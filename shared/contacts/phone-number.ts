import parsePhoneNumber from 'libphonenumber-js/core';
import * as z from 'zod/mini';
import { phoneMetadata } from '#phone-metadata';

/**
 * A phone number in E.164, from what a person typed in international format. Its own module: the
 * metadata is heavy, and only input schemas (contacts, companies, shop customers) need it.
 */
export const PhoneNumber = z.pipe(
  z.string().check(z.trim(), z.maxLength(40, 'This is too long for a phone number.')),
  z.transform((value: string, ctx) => {
    const parsed = parsePhoneNumber(value, phoneMetadata());
    if (!parsed?.isValid()) {
      ctx.issues.push({
        code: 'custom',
        message: 'Enter a valid phone number in international format, e.g. +44 20 7946 0958.',
        input: value,
      });
      return z.NEVER;
    }
    return parsed.number;
  }),
);
