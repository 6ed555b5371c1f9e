import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { signInPath } from './return-path';
import { useSessionState } from './session-store';

/** Pages behind sign-in: without a session, off to sign-in, remembering this page unless the user left. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session, ended } = useSessionState();
  const location = useLocation();
  if (session) return children;
  const here = `${location.pathname}${location.search}${location.hash}`;
  return <Navigate replace to={signInPath(ended === 'signed-out' ? undefined : here)} />;
}
