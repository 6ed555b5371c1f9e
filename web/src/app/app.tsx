import { Alert, Button, Center, MantineProvider, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { type AuthConfig, AuthConfigContext } from '../auth/auth-config';
import { ToastProvider } from '../ui/toaster';
import { AppRoutes } from './app-routes';
import { theme } from './theme';

export function App({ authConfig }: { authConfig: AuthConfig }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <AuthConfigContext value={authConfig}>
          <ToastProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </ToastProvider>
        </AuthConfigContext>
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** The app cannot start without its configuration (which sign-in to use). */
export function StartupError() {
  return (
    <MantineProvider theme={theme}>
      <Center mih="100dvh" p="md">
        <Alert color="red" icon={<IconAlertCircle />} title="Seed CRM could not start" maw={420}>
          <Stack gap="sm" align="flex-start">
            The app could not load its configuration. Check your connection and try again.
            <Button size="xs" variant="light" color="red" onClick={() => window.location.reload()}>
              Reload
            </Button>
          </Stack>
        </Alert>
      </Center>
    </MantineProvider>
  );
}
