import { describe, expect, it } from 'vitest';
import { consentLabel, extraFieldLines, sourceOf } from '../../web/src/activities/submission-summary';

describe('a form submission in words', () => {
  it('names the UTM channel and campaign, else the referrer host, else nothing', () => {
    expect(sourceOf({ utm: { source: 'instagram', medium: 'social', campaign: 'spring' } })).toBe(
      'instagram / social · spring',
    );
    expect(sourceOf({ utm: { campaign: 'spring' } })).toBe('spring');
    expect(sourceOf({ utm: {}, referrer: 'https://www.google.com/search?q=crm' })).toBe('www.google.com');
    expect(sourceOf({ utm: {}, referrer: 'not a url' })).toBe('not a url');
    expect(sourceOf({ utm: {} })).toBeUndefined();
  });

  it('says how the consent stands, and nothing without one', () => {
    const consent = (status: 'pending' | 'confirmed') => ({
      id: 'c',
      contactId: 'x',
      formId: 'f',
      email: 'a@example.com',
      text: 't',
      version: 'v',
      status,
      doubleOptIn: true,
      givenAt: '2026-01-01T00:00:00.000Z',
    });
    expect(consentLabel({ consent: consent('pending') })).toBe('Consent pending confirmation');
    expect(consentLabel({ consent: consent('confirmed') })).toBe('Consent confirmed');
    expect(consentLabel({})).toBeUndefined();
  });

  it('lists unmapped fields as lines, lists of values joined', () => {
    expect(extraFieldLines({ message: 'Hallo', interests: ['coffee', 'tea'], newsletter: true })).toEqual([
      'message: Hallo',
      'interests: coffee, tea',
      'newsletter: true',
    ]);
  });
});
