import { useSyncExternalStore } from 'react';
import { type Session, sessionFromStorage, storedSessionText } from './session';

export type SessionEnd = 'expired' | 'signed-out';

export interface SessionState {
  session: Session | null;
  /** Why there is no session any more: the sign-in page explains it and keeps the return path. */
  ended: SessionEnd | null;
}

// localStorage so that every tab of the CRM shares one sign-in; only the token and its expiry are kept
const storageKey = 'seed-crm.session';
const maxTimeout = 2_147_483_647;

function readStoredSession(): Session | null {
  try {
    return sessionFromStorage(localStorage.getItem(storageKey), Date.now());
  } catch {
    // storage can be unavailable (privacy modes): then there is no stored session
    return null;
  }
}

let state: SessionState = { session: readStoredSession(), ended: null };
let expiryTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  clearTimeout(expiryTimer);
  const session = next.session;
  if (session) {
    expiryTimer = setTimeout(checkExpiry, Math.min(Math.max(session.expiresAt - Date.now(), 0), maxTimeout));
  }
  for (const listener of listeners) listener();
}

function checkExpiry(): void {
  if (state.session && state.session.expiresAt <= Date.now()) endSession('expired');
}

export function startSession(session: Session): void {
  localStorage.setItem(storageKey, storedSessionText(session));
  setState({ session, ended: null });
}

export function endSession(reason: SessionEnd): void {
  localStorage.removeItem(storageKey);
  if (state.session || state.ended !== reason) setState({ session: null, ended: reason });
}

/** The session to call the API with; an expired one ends here, whatever the timers did while asleep. */
export function currentSession(): Session | null {
  checkExpiry();
  return state.session;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

if (typeof window !== 'undefined') {
  // signing in or out in another tab applies here too; a laptop waking up re-checks the expiry
  window.addEventListener('storage', (event) => {
    if (event.key !== storageKey) return;
    const session = readStoredSession();
    setState({ session, ended: session ? null : 'signed-out' });
  });
  document.addEventListener('visibilitychange', checkExpiry);
  if (state.session) setState(state);
}
