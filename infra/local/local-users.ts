import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/platform/errors';
import type { LocalTokenRequest } from '../../shared/platform/local-token-request';
import { isRole, type Role } from '../../shared/platform/roles';
import { localSubjectOf } from './local-auth';

/** A user of the local user pool: what Cognito keeps of it that the CRM uses. */
export interface LocalUser {
  sub: string;
  email: string;
  workspaceId: string;
  name?: string;
  groups: Role[];
  enabled: boolean;
  status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
  /**
   * Created or changed by an admin (invited, roles set): its roles are the directory's. A user who only
   * ever signed in through the local sign-in page keeps the roles it picks there (the dev flow).
   */
  managed: boolean;
  createdAt: string;
}

/** Refused by the local sign-in: the user was deactivated (AdminDisableUser). */
export class LocalUserDisabledError extends AppError {
  constructor() {
    super(403, 'auth.member_deactivated', { detail: 'local sign-in of a disabled user' });
  }
}

/**
 * The local cloud's user pool: one store shared by the Cognito stand-in (cognito-local.ts, which the team
 * functions call through the AWS SDK) and the local sign-in (`POST /api/local/token`). Kept in the data dir
 * beside the auth key, so invitations survive a restart; in memory otherwise.
 */
export class LocalUsers {
  private readonly users = new Map<string, LocalUser>();

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      for (const user of JSON.parse(readFileSync(file, 'utf8')) as LocalUser[])
        this.users.set(user.sub, user);
    }
  }

  /** By `sub` (the username the team functions use), else by an email only one user has. */
  find(username: string): LocalUser | undefined {
    const bySub = this.users.get(username);
    if (bySub) return bySub;
    const byEmail = [...this.users.values()].filter((user) => user.email === username.toLowerCase());
    return byEmail.length === 1 ? byEmail[0] : undefined;
  }

  /** Adds a user; undefined when one with the same `sub` (workspace and email) exists. */
  create(user: Omit<LocalUser, 'sub' | 'createdAt'>): LocalUser | undefined {
    const sub = localSubjectOf(user.workspaceId, user.email);
    if (this.users.has(sub)) return undefined;
    const created: LocalUser = { ...user, sub, createdAt: new Date().toISOString() };
    this.users.set(sub, created);
    this.save();
    return created;
  }

  update(user: LocalUser, change: Partial<LocalUser>): LocalUser {
    const next = { ...user, ...change };
    this.users.set(user.sub, next);
    this.save();
    return next;
  }

  /**
   * The roles a local sign-in gets: a disabled user none (403); a managed (invited) user those of its groups;
   * anyone else those it asked for, and a never-seen user becomes a user of the pool with them.
   */
  signIn(request: LocalTokenRequest): Role[] {
    const user = this.users.get(localSubjectOf(request.workspaceId, request.email));
    if (!user) {
      this.create({
        email: request.email,
        workspaceId: request.workspaceId,
        groups: request.roles,
        enabled: true,
        status: 'CONFIRMED',
        managed: false,
      });
      return request.roles;
    }
    if (!user.enabled) throw new LocalUserDisabledError();
    if (user.managed) {
      if (user.status !== 'CONFIRMED') this.update(user, { status: 'CONFIRMED' });
      return user.groups.filter(isRole);
    }
    this.update(user, { groups: request.roles });
    return request.roles;
  }

  private save(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify([...this.users.values()]), { mode: 0o600 });
  }
}
