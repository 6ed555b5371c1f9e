import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { Member } from '../../../shared/team/member';
import type { InviteMemberBody, MemberPatch } from '../../../shared/team/member-requests';
import { apiRequest } from '../api/api-client';

const membersPath = '/api/settings/members';
const memberPath = (id: string) => `${membersPath}/${encodeURIComponent(id)}`;

export const memberKeys = { list: () => ['members', 'list'] as const };

/** The team of the workspace (everyone may read it: owner and assignee pickers use it); one list, cached a minute. */
export const membersQuery = () =>
  queryOptions({
    queryKey: memberKeys.list(),
    queryFn: async ({ signal }) => (await apiRequest<{ items: Member[] }>(membersPath, { signal })).items,
    staleTime: 60_000,
  });

/** What a member is called in the app: its name, else its email. */
export const memberLabel = (member: Pick<Member, 'name' | 'email'>) => member.name || member.email;

function useTeamChange<Input, Result>(change: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list() }),
  });
}

export const useInviteMember = () =>
  useTeamChange((input: z.input<typeof InviteMemberBody>) =>
    apiRequest<Member>(membersPath, { method: 'POST', body: input }),
  );

export const useUpdateMember = () =>
  useTeamChange(({ member, patch }: { member: Member; patch: z.input<typeof MemberPatch> }) =>
    apiRequest<Member>(memberPath(member.id), { method: 'PATCH', body: patch, version: member.version }),
  );

/** Deactivates a member; `reassignTo` takes over its records (the contacts and companies move in the background). */
export const useDeactivateMember = () =>
  useTeamChange(({ member, reassignTo }: { member: Member; reassignTo: string }) =>
    apiRequest<undefined>(memberPath(member.id), { method: 'DELETE', query: { reassignTo } }),
  );
