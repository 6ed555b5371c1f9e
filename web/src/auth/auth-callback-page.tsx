import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useAuthConfig } from './auth-config';
import { completeCognitoSignIn } from './cognito-sign-in';
import type { Session } from './session';
import { SignInLayout } from './sign-in-layout';
import { useCompleteSignIn } from './use-sign-in';

// a code can be exchanged once: React's development double effects must share one exchange
const exchanges = new Map<string, Promise<{ session: Session; returnTo: string }>>();

/** Cognito's redirect URI: finishes the code flow and returns to the page the user started from. */
export function AuthCallbackPage() {
  const config = useAuthConfig();
  const completeSignIn = useCompleteSignIn();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (config.mode !== 'cognito') return;
    const url = new URL(window.location.href);
    const key = url.search;
    const exchange = exchanges.get(key) ?? completeCognitoSignIn(config, url);
    exchanges.set(key, exchange);
    let current = true;
    exchange.then(
      ({ session, returnTo }) => current && completeSignIn(session, returnTo),
      (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [config, completeSignIn]);

  return (
    <SignInLayout title={failure ? 'Sign-in failed' : 'Signing you in'}>
      {failure || config.mode !== 'cognito' ? (
        <Stack gap="md">
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {failure ?? 'This deployment does not use Cognito sign-in.'}
          </Alert>
          <Button component={Link} to="/sign-in">
            Back to sign-in
          </Button>
        </Stack>
      ) : (
        <Stack align="center" gap="sm" py="md">
          <Loader aria-label="Signing you in" />
          <Text c="dimmed">One moment…</Text>
        </Stack>
      )}
    </SignInLayout>
  );
}
