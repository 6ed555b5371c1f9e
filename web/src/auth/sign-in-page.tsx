import { Alert, Button, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconClockExclamation, IconLogin2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { LocalTokenRequest } from '../../../shared/platform/local-token-request';
import { type Role, roles } from '../../../shared/platform/roles';
import { messageOf } from '../api/api-error';
import { formErrorsOf } from '../records/form-errors';
import { type CognitoAuthConfig, useAuthConfig } from './auth-config';
import { startCognitoSignIn } from './cognito-sign-in';
import { requestLocalSession } from './local-sign-in';
import { safeReturnPath } from './return-path';
import { useSessionState } from './session-store';
import { SignInLayout } from './sign-in-layout';
import { useCompleteSignIn } from './use-sign-in';

const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  sales: 'Sales',
  marketing: 'Marketing',
  support: 'Support',
};

interface LocalSignInValues {
  workspaceId: string;
  email: string;
  role: Role;
}

const rememberedKey = 'seed-crm.local-sign-in';

function rememberedValues(): LocalSignInValues {
  const fallback: LocalSignInValues = { workspaceId: 'acme', email: '', role: 'admin' };
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(rememberedKey) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return fallback;
    const { workspaceId, email, role } = Object.fromEntries(Object.entries(stored));
    return {
      workspaceId: typeof workspaceId === 'string' ? workspaceId : fallback.workspaceId,
      email: typeof email === 'string' ? email : fallback.email,
      role: roles.find((candidate) => candidate === role) ?? fallback.role,
    };
  } catch {
    return fallback;
  }
}

function LocalSignInForm({ returnTo }: { returnTo: string | null }) {
  const completeSignIn = useCompleteSignIn();
  const narrow = useMediaQuery('(max-width: 30em)', false, { getInitialValueInEffect: false });
  const [failure, setFailure] = useState<string>();
  const form = useForm<LocalSignInValues>({
    initialValues: rememberedValues(),
    validate: (values) => {
      const result = LocalTokenRequest.safeParse(tokenRequestOf(values));
      return result.success ? {} : formErrorsOf(result.error, { roles: 'role' });
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(undefined);
    try {
      const session = await requestLocalSession(tokenRequestOf(values));
      localStorage.setItem(rememberedKey, JSON.stringify(values));
      completeSignIn(session, returnTo);
    } catch (error) {
      setFailure(messageOf(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label="Workspace"
          description="Each workspace has its own contacts and companies."
          autoComplete="organization"
          required
          {...form.getInputProps('workspaceId')}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          placeholder="you@example.com"
          required
          {...form.getInputProps('email')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="role-label">
            Role
          </Text>
          <SegmentedControl
            fullWidth
            // four roles side by side do not fit a phone ("Support" was cut off): one above the other there
            orientation={narrow ? 'vertical' : 'horizontal'}
            aria-labelledby="role-label"
            data={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
            {...form.getInputProps('role')}
          />
        </Stack>
        <Button type="submit" size="md" leftSection={<IconLogin2 size={18} />} loading={form.submitting}>
          Sign in
        </Button>
        <Text size="xs" c="dimmed">
          Local development sign-in: the local cloud issues a token for any workspace and role. In AWS you
          sign in through Cognito.
        </Text>
      </Stack>
    </form>
  );
}

function tokenRequestOf(values: LocalSignInValues) {
  return { workspaceId: values.workspaceId, email: values.email, roles: [values.role] };
}

function CognitoSignIn({ config, returnTo }: { config: CognitoAuthConfig; returnTo: string | null }) {
  const [redirecting, setRedirecting] = useState(false);
  const signIn = () => {
    setRedirecting(true);
    startCognitoSignIn(config, safeReturnPath(returnTo)).catch(() => setRedirecting(false));
  };
  return (
    <Stack gap="md">
      <Text c="dimmed">Sign in with your company account to open your workspace.</Text>
      <Button size="md" leftSection={<IconLogin2 size={18} />} loading={redirecting} onClick={signIn}>
        Continue to sign in
      </Button>
    </Stack>
  );
}

export function SignInPage() {
  const config = useAuthConfig();
  const { session, ended } = useSessionState();
  const [searchParams] = useSearchParams();
  const returnTo = searchParams.get('returnTo');
  if (session) return <Navigate replace to={safeReturnPath(returnTo)} />;
  return (
    <SignInLayout title="Sign in">
      {ended === 'expired' && (
        <Alert color="yellow" icon={<IconClockExclamation />} title="Your session has ended">
          Sign in again and you will be taken back to the page you were on.
        </Alert>
      )}
      {config.mode === 'local' ? (
        <LocalSignInForm returnTo={returnTo} />
      ) : (
        <CognitoSignIn config={config} returnTo={returnTo} />
      )}
    </SignInLayout>
  );
}
