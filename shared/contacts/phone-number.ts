import * as z from 'zod/mini';
import { phoneMetadata } from '#phone-metadata';
import { toE164 } from './international-phone-number';

/**
 * A phone number in E.164, from what a person typed in international format. Its own module: the
 * metadata is heavy, and only input schemas (contacts, companies, shop customers) need it.
 */
export const PhoneNumber = z.pipe(
  z.string().check(z.trim(), z.maxLength(40, 'This is too long for a phone number.')),
  z.transform((value: string, ctx) => {
    const number = toE164(value, phoneMetadata());
    if (number === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'Enter a valid phone number in international format, e.g. +44 20 7946 0958.',
        input: value,
      });
      return z.NEVER;
    }
    return number;
  }),
);
