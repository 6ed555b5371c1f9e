import * as z from 'zod/mini';
import { _coercedNumber } from 'zod/v4/core';

/**
 * `z.coerce.number()` (a query parameter read as a number), built as zod builds it, without `z.coerce`:
 * that namespace is one object in the bundle, and it brings the coerced date, bigint, string and boolean
 * schemas with it (1.2 KB in every API function with a paged list).
 */
export const coercedNumber = () => _coercedNumber(z.ZodMiniNumber);
