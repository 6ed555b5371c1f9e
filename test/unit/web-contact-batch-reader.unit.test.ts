import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contact';
import { ApiError } from '../../web/src/api/api-error';
import { contactBatchReader } from '../../web/src/contacts/contact-batch-reader';

const contactOf = (id: string): Contact => ({
  id,
  version: 1,
  createdAt: '2026-12-06T00:00:00.000Z',
  updatedAt: '2026-12-06T00:00:00.000Z',
  firstName: `Name of ${id}`,
  tags: [],
  customFields: {},
});

/** A fake `?ids=` read that knows some ids and notes every request. */
function fakeRead(known: string[]) {
  const requests: string[][] = [];
  const read = async (ids: readonly string[]) => {
    requests.push([...ids]);
    return ids.filter((id) => known.includes(id)).map(contactOf);
  };
  return { read, requests };
}

describe('contactBatchReader (a board of cards reads its contacts in one request)', () => {
  it('gathers the ids asked for in one task into one read, each id once, and answers each its own', async () => {
    const { read, requests } = fakeRead(['A', 'B', 'C']);
    const readContact = contactBatchReader(read);
    const answers = await Promise.all(['A', 'B', 'A', 'C'].map((id) => readContact(id)));
    expect(answers.map((contact) => contact.id)).toEqual(['A', 'B', 'A', 'C']);
    expect(requests).toEqual([['A', 'B', 'C']]);
    // a later task is a new batch
    await readContact('B');
    expect(requests).toEqual([['A', 'B', 'C'], ['B']]);
  });

  it('fails an id the answer leaves out as contact.not_found, and only that one', async () => {
    const { read } = fakeRead(['A']);
    const readContact = contactBatchReader(read);
    const [found, missing] = await Promise.allSettled([readContact('A'), readContact('gone')]);
    expect(found).toMatchObject({ status: 'fulfilled', value: { id: 'A' } });
    expect(missing).toMatchObject({ status: 'rejected', reason: { status: 404, code: 'contact.not_found' } });
    expect((missing as PromiseRejectedResult).reason).toBeInstanceOf(ApiError);
  });

  it('splits more than 100 ids into reads of 100, and fails every waiter of a read that fails', async () => {
    const ids = Array.from({ length: 150 }, (_, at) => `id-${at}`);
    const { read, requests } = fakeRead(ids);
    const readContact = contactBatchReader(read);
    await Promise.all(ids.map((id) => readContact(id)));
    expect(requests.map((request) => request.length)).toEqual([100, 50]);

    const broken = contactBatchReader(async () => {
      throw new ApiError(503, 'network.unreachable');
    });
    const settled = await Promise.allSettled([broken('A'), broken('B')]);
    expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
