import { describe, expect, it } from 'vitest';
import { apiAs, newWorkspaceId } from '../support/api-client';

type Page = { items: Array<{ id: string }>; nextCursor?: string };

describe('contacts of a company', () => {
  it('lists the contacts linked to a company, newest first, with paging and a tag filter', async () => {
    const api = await apiAs(newWorkspaceId());
    const company = await api<{ id: string }>('POST', '/api/companies', { name: 'Initech' });
    const other = await api<{ id: string }>('POST', '/api/companies', { name: 'Globex' });
    const linked: string[] = [];
    for (const name of ['Peter', 'Milton', 'Samir']) {
      const created = await api<{ id: string }>('POST', '/api/contacts', {
        firstName: name,
        companyId: company.body.id,
        tags: name === 'Milton' ? ['stapler'] : [],
      });
      linked.unshift(created.body.id);
    }
    await api('POST', '/api/contacts', { firstName: 'Hank', companyId: other.body.id });
    await api('POST', '/api/contacts', { firstName: 'Nobody' });

    const first = await api<Page>('GET', `/api/contacts?companyId=${company.body.id}&limit=2`);
    expect(first.status).toBe(200);
    const second = await api<Page>(
      'GET',
      `/api/contacts?companyId=${company.body.id}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((contact) => contact.id)).toEqual(linked);

    const tagged = await api<Page>('GET', `/api/contacts?companyId=${company.body.id}&tag=stapler`);
    expect(tagged.body.items).toHaveLength(1);

    const unlinked = await api<Page>('GET', `/api/contacts?companyId=${linked[0]}`);
    expect(unlinked.body.items).toEqual([]);
    expect((await api('GET', '/api/contacts?companyId=not-an-id')).status).toBe(400);
  });
});
