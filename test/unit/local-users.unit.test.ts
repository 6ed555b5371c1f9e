import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localSubjectOf } from '../../infra/local/local-auth';
import { LocalUserDisabledError, LocalUsers } from '../../infra/local/local-users';

const request = (roles: ('admin' | 'sales' | 'marketing' | 'support')[], email = 'ann@example.com') => ({
  workspaceId: 'acme',
  email,
  roles,
});

describe('the local user pool', () => {
  it('signs a never-seen email in with the roles it picks, and keeps following its picks (the dev flow)', () => {
    const users = new LocalUsers();
    expect(users.signIn(request(['admin']))).toEqual(['admin']);
    expect(users.find(localSubjectOf('acme', 'ann@example.com'))).toMatchObject({
      groups: ['admin'],
      managed: false,
    });
    expect(users.signIn(request(['support']))).toEqual(['support']);
  });

  it('gives a user an admin created or changed the roles of its groups, whatever the sign-in page asks', () => {
    const users = new LocalUsers();
    const bob = users.create({
      email: 'bob@example.com',
      workspaceId: 'acme',
      groups: ['sales'],
      enabled: true,
      status: 'FORCE_CHANGE_PASSWORD',
      managed: true,
    });
    expect(bob?.sub).toBe(localSubjectOf('acme', 'bob@example.com'));
    expect(users.signIn(request(['admin'], 'bob@example.com'))).toEqual(['sales']);
    expect(users.find('bob@example.com')?.status).toBe('CONFIRMED');
  });

  it('refuses a disabled user, and a second user with the same workspace and email', () => {
    const users = new LocalUsers();
    users.signIn(request(['sales']));
    const ann = users.find(localSubjectOf('acme', 'ann@example.com'));
    if (!ann) throw new Error('ann is missing');
    expect(
      users.create({
        email: ann.email,
        workspaceId: 'acme',
        groups: [],
        enabled: true,
        status: 'CONFIRMED',
        managed: true,
      }),
    ).toBeUndefined();
    users.update(ann, { enabled: false });
    expect(() => users.signIn(request(['sales']))).toThrow(LocalUserDisabledError);
  });

  it('finds by email only when one user has it (the same email may be in several local workspaces)', () => {
    const users = new LocalUsers();
    users.signIn(request(['sales']));
    expect(users.find('ANN@example.com')?.workspaceId).toBe('acme');
    users.signIn({ ...request(['sales']), workspaceId: 'globex' });
    expect(users.find('ann@example.com')).toBeUndefined();
  });

  it('keeps its users in the data dir across restarts', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'local-users-')), 'local-users.json');
    new LocalUsers(file).signIn(request(['marketing']));
    expect(new LocalUsers(file).find(localSubjectOf('acme', 'ann@example.com'))?.groups).toEqual([
      'marketing',
    ]);
  });
});
