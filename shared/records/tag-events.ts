import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';

const taggedRecord = { recordType: z.enum(['contact', 'company']), recordId: z.string(), tag: z.string() };

export const TagAdded = defineEvent('tag.added', 1, taggedRecord);
export const TagRemoved = defineEvent('tag.removed', 1, taggedRecord);
