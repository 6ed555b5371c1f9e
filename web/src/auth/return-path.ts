const home = '/contacts';

/** Only paths inside this app: never another origin (`//evil.example`), never the sign-in pages. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return home;
  if (value.startsWith('/sign-in') || value.startsWith('/auth/')) return home;
  return value;
}

export function signInPath(returnTo?: string): string {
  return returnTo ? `/sign-in?${new URLSearchParams({ returnTo })}` : '/sign-in';
}
