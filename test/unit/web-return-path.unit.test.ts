import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPath } from '../../web/src/auth/return-path';

describe('the path sign-in returns to', () => {
  it.each([
    '/contacts',
    '/companies/01HZX3K4M5N6P7Q8R9S0T1V2W3',
    '/contacts?q=ada&tag=vip#top',
    '/settings/fields',
  ])('keeps the app path %j exactly', (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['contacts'],
    ['https://evil.example/contacts'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['/sign-in'],
    ['/sign-in?returnTo=%2Fcontacts'],
    ['/auth/callback?code=x'],
  ])('goes to the contacts list instead of %j', (value) => {
    expect(safeReturnPath(value)).toBe('/contacts');
  });

  it('carries the return path through the sign-in URL and back', () => {
    const here = '/contacts?q=ada&tag=vip#top';
    const url = new URL(signInPath(here), 'https://crm.example');
    expect(url.pathname).toBe('/sign-in');
    expect(url.search).toBe('?returnTo=%2Fcontacts%3Fq%3Dada%26tag%3Dvip%23top');
    expect(safeReturnPath(url.searchParams.get('returnTo'))).toBe(here);
  });

  it('links to the bare sign-in page when there is nowhere to return to', () => {
    expect(signInPath()).toBe('/sign-in');
    expect(signInPath('')).toBe('/sign-in');
  });
});
