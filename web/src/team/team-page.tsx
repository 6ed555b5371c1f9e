import {
  Alert,
  Badge,
  Button,
  Checkbox,
  type CheckboxGroupProps,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconUserOff, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Role, roles } from '../../../shared/platform/roles';
import type { Member, MemberStatus } from '../../../shared/team/member';
import { InviteMemberBody, MemberPatch } from '../../../shared/team/member-requests';
import { teamRoutes } from '../../../shared/team/team-routes';
import { messageOf } from '../api/api-error';
import { useCan } from '../auth/permissions';
import { useSessionState } from '../auth/session-store';
import { focusFirstError, formErrorsOf, formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { showSaveError } from '../records/form-problem';
import { ListSkeleton, LoadError } from '../records/list-states';
import classes from '../records/record-list.module.css';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { MemberPicker } from './member-picker';
import {
  memberLabel,
  membersQuery,
  useDeactivateMember,
  useInviteMember,
  useUpdateMember,
} from './member-queries';

const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  sales: 'Sales',
  marketing: 'Marketing',
  support: 'Support',
};

const statusColors: Record<MemberStatus, string> = { active: 'green', invited: 'blue', deactivated: 'gray' };
const statusLabels: Record<MemberStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  deactivated: 'Deactivated',
};

/** The four roles as checkboxes, bound to a form field (`form.getInputProps('roles')`). */
function RoleCheckboxes(props: Omit<CheckboxGroupProps, 'children' | 'label'>) {
  return (
    <Checkbox.Group label="Roles" description="What the member may do" withAsterisk {...props}>
      <Group gap="md" mt={6}>
        {roles.map((role) => (
          <Checkbox key={role} value={role} label={roleLabels[role]} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

interface InviteValues {
  email: string;
  name: string;
  roles: string[];
}
const isInvitePath = (path: string) => ['email', 'name', 'roles'].includes(path);

/** "Invite member": email, name and roles; the user pool mails the invitation. */
function InviteMemberButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const invite = useInviteMember();
  const toast = useToast();
  const form = useForm<InviteValues>({
    initialValues: { email: '', name: '', roles: ['sales'] },
    validate: (values) => {
      const parsed = InviteMemberBody.safeParse({ ...values, name: values.name || undefined });
      return parsed.success ? {} : formErrorsOf(parsed.error, undefined, isInvitePath);
    },
  });
  const submit = form.onSubmit(
    async (values) => {
      try {
        const name = values.name.trim();
        const member = await invite.mutateAsync({
          email: values.email,
          roles: values.roles as Role[],
          ...(name ? { name } : {}),
        });
        toast(`${memberLabel(member)} invited`);
        form.reset();
        close();
      } catch (error) {
        showSaveError(form, error, isInvitePath);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return (
    <>
      <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
        Invite member
      </Button>
      <Modal opened={opened} onClose={close} title="Invite a member" centered>
        <form onSubmit={submit} noValidate aria-label="Invite a member">
          <Stack gap="md">
            <FormAlert message={form.errors[formLevel]} />
            <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps('email')} />
            <TextInput label="Name" description="As the team sees it" {...form.getInputProps('name')} />
            <RoleCheckboxes {...form.getInputProps('roles')} />
            <Text size="sm" c="dimmed">
              They get an email with a temporary password to sign in with.
            </Text>
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                Send invitation
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

interface MemberValues {
  name: string;
  roles: string[];
}
const isMemberPath = (path: string) => path === 'name' || path === 'roles';

/** A member's name and roles, changed over the version the admin saw (only what changed is sent). */
function EditMemberButton({ member }: { member: Member }) {
  const [opened, { open, close }] = useDisclosure(false);
  const update = useUpdateMember();
  const toast = useToast();
  const patchOf = (values: MemberValues) => {
    const name = values.name.trim();
    const rolesChanged = [...values.roles].sort().join() !== [...member.roles].sort().join();
    return {
      ...(name !== (member.name ?? '') ? { name: name || null } : {}),
      ...(rolesChanged ? { roles: values.roles as Role[] } : {}),
    };
  };
  const form = useForm<MemberValues>({
    initialValues: { name: member.name ?? '', roles: member.roles },
    validate: (values) => {
      const patch = patchOf(values);
      if (Object.keys(patch).length === 0) return {};
      const parsed = MemberPatch.safeParse(patch);
      return parsed.success ? {} : formErrorsOf(parsed.error, undefined, isMemberPath);
    },
  });
  const submit = form.onSubmit(
    async (values) => {
      const patch = patchOf(values);
      try {
        if (Object.keys(patch).length > 0) {
          const saved = await update.mutateAsync({ member, patch });
          toast(`${memberLabel(saved)} saved`);
        }
        close();
      } catch (error) {
        showSaveError(form, error, isMemberPath);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          form.setValues({ name: member.name ?? '', roles: member.roles });
          form.clearErrors();
          open();
        }}
        aria-label={`Edit ${memberLabel(member)}`}
      >
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title={`Edit ${memberLabel(member)}`} centered>
        <form onSubmit={submit} noValidate aria-label={`Edit ${memberLabel(member)}`}>
          <Stack gap="md">
            <FormAlert message={form.errors[formLevel]} />
            <TextInput
              label="Name"
              description="As the team sees it"
              data-autofocus
              {...form.getInputProps('name')}
            />
            <RoleCheckboxes {...form.getInputProps('roles')} />
            <Text size="sm" c="dimmed">
              New roles apply the next time they sign in.
            </Text>
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                Save changes
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Deactivation asks who takes over the member's records, then confirms. */
function DeactivateButton({ member }: { member: Member }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [heir, setHeir] = useState<string | null>(null);
  const deactivate = useDeactivateMember();
  const toast = useToast();
  const name = memberLabel(member);
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        leftSection={<IconUserOff size={14} />}
        onClick={() => {
          deactivate.reset();
          setHeir(null);
          open();
        }}
        aria-label={`Deactivate ${name}`}
      >
        Deactivate
      </Button>
      <Modal opened={opened} onClose={close} title={`Deactivate ${name}?`} centered>
        <Stack gap="md">
          <Text size="sm">
            {name} will no longer be able to sign in. Their contacts, companies and open work go to the member
            you pick. Their name stays on what they did.
          </Text>
          <MemberPicker
            label="Who takes over their work"
            value={heir}
            onChange={setHeir}
            exclude={[member.id]}
            required
            data-autofocus
            comboboxProps={{ withinPortal: false }}
          />
          {deactivate.error ? (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {messageOf(deactivate.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={!heir}
              loading={deactivate.isPending}
              onClick={() =>
                heir &&
                deactivate.mutate(
                  { member, reassignTo: heir },
                  {
                    onSuccess: () => {
                      toast(`${name} deactivated`);
                      close();
                    },
                  },
                )
              }
            >
              Deactivate
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function RoleBadges({ member }: { member: Member }) {
  return (
    <Group gap={4}>
      {member.roles.map((role) => (
        <Badge key={role} variant="light" size="sm">
          {roleLabels[role]}
        </Badge>
      ))}
    </Group>
  );
}

const lastActive = (member: Member) => (member.lastActiveAt ? formatDateTime(member.lastActiveAt) : 'Never');

function MemberActions({ member, me, canManage }: { member: Member; me?: string; canManage: boolean }) {
  if (!canManage || member.status === 'deactivated') return null;
  return (
    <Group gap={6} wrap="nowrap">
      <EditMemberButton member={member} />
      {member.id !== me && <DeactivateButton member={member} />}
    </Group>
  );
}

function TeamList({ members, canManage }: { members: Member[]; canManage: boolean }) {
  const { session } = useSessionState();
  const me = session?.user.userId;
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const status = (member: Member) => (
    <Badge color={statusColors[member.status]} variant="light" size="sm">
      {statusLabels[member.status]}
    </Badge>
  );
  if (isPhone) {
    return (
      <Stack gap="xs" component="ul" className={classes.list} aria-label="Team">
        {members.map((member) => (
          <li key={member.id}>
            <Paper withBorder radius="md" p="sm">
              <Stack gap={6} miw={0}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={600} truncate>
                    {memberLabel(member)}
                    {member.id === me ? ' (you)' : ''}
                  </Text>
                  {status(member)}
                </Group>
                <Text size="sm" c="dimmed" truncate>
                  {member.email}
                </Text>
                <RoleBadges member={member} />
                <Text size="xs" c="dimmed">
                  Last active: {lastActive(member)}
                </Text>
                <MemberActions member={member} me={me} canManage={canManage} />
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Team">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last active</Table.Th>
              {canManage && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {memberLabel(member)}
                    {member.id === me ? ' (you)' : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadges member={member} />
                </Table.Td>
                <Table.Td>{status(member)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {lastActive(member)}
                  </Text>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <MemberActions member={member} me={me} canManage={canManage} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Settings → Team: who works in the workspace; admins invite, change roles and deactivate. */
export function TeamPage() {
  const query = useQuery({ ...membersQuery(), staleTime: 0 });
  const canManage = useCan(teamRoutes.InviteMember);
  return (
    <Stack gap="lg" maw={1080}>
      <PageHeader
        title="Team"
        description="The people of your workspace, their roles and when they last used the CRM."
        actions={canManage && <InviteMemberButton />}
      />
      {query.isPending ? (
        <ListSkeleton rows={3} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.length === 0 ? (
        <Stack align="center" gap="xs" py="xl">
          <IconUsersGroup />
          <Text>No members yet</Text>
        </Stack>
      ) : (
        <TeamList members={query.data} canManage={canManage} />
      )}
    </Stack>
  );
}
