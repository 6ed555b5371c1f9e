import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useAuthConfig } from './auth-config';
import { cognitoLogoutUrl } from './cognito-sign-in';
import { safeReturnPath } from './return-path';
import type { Session } from './session';
import { endSession, startSession } from './session-store';

/** A new session starts with an empty cache (it may be another workspace) and goes back where it was. */
export function useCompleteSignIn(): (session: Session, returnTo: string | null) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (session, returnTo) => {
      queryClient.clear();
      startSession(session);
      navigate(safeReturnPath(returnTo), { replace: true });
    },
    [queryClient, navigate],
  );
}

export function useSignOut(): () => void {
  const config = useAuthConfig();
  const queryClient = useQueryClient();
  return useCallback(() => {
    endSession('signed-out');
    queryClient.clear();
    if (config.mode === 'cognito') window.location.assign(cognitoLogoutUrl(config));
  }, [config, queryClient]);
}
