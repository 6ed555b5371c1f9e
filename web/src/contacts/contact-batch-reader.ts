import { type Contact, maxContactIdsPerRead } from '../../../shared/contacts/contact';
import type { Page } from '../../../shared/records/record-fields';
import { apiRequest } from '../api/api-client';
import { ApiError } from '../api/api-error';

interface Waiter {
  resolve(contact: Contact): void;
  reject(error: unknown): void;
}

/** One `GET /api/contacts?ids=`: the contacts found, in the order asked. */
const readContacts = (ids: readonly string[]) =>
  apiRequest<Page<Contact>>('/api/contacts', { query: { ids: ids.join(',') } }).then((page) => page.items);

/**
 * Reads of single contacts asked for in the same task, gathered into one `GET /api/contacts?ids=` (per 100
 * ids): a board's cards each want their primary contact, and would otherwise cost a request apiece. An id
 * the answer leaves out fails as `contact.not_found`, like a read of that one contact would.
 */
export function contactBatchReader(read: (ids: readonly string[]) => Promise<Contact[]> = readContacts) {
  let waiting = new Map<string, Waiter[]>();

  async function readChunk(chunk: [string, Waiter[]][]) {
    try {
      const found = new Map((await read(chunk.map(([id]) => id))).map((contact) => [contact.id, contact]));
      for (const [id, waiters] of chunk) {
        const contact = found.get(id);
        for (const waiter of waiters) {
          if (contact) waiter.resolve(contact);
          else waiter.reject(new ApiError(404, 'contact.not_found'));
        }
      }
    } catch (error) {
      for (const [, waiters] of chunk) for (const waiter of waiters) waiter.reject(error);
    }
  }

  function flush() {
    const batch = [...waiting];
    waiting = new Map();
    for (let at = 0; at < batch.length; at += maxContactIdsPerRead) {
      void readChunk(batch.slice(at, at + maxContactIdsPerRead));
    }
  }

  return (id: string): Promise<Contact> =>
    new Promise((resolve, reject) => {
      // the first id of a batch schedules its read for the end of this task: every card rendered with it joins
      if (waiting.size === 0) setTimeout(flush, 0);
      waiting.set(id, [...(waiting.get(id) ?? []), { resolve, reject }]);
    });
}
