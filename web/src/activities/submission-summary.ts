import type { FormSubmittedEntry as ContactActivity } from '../../../shared/activities/timeline-entry';
import type { ConsentStatus } from '../../../shared/consents/consent';

/** Where a submission came from, in words: "instagram / social · fruehling_2025", or the referrer's host. */
export function sourceOf(activity: Pick<ContactActivity, 'utm' | 'referrer'>): string | undefined {
  const { source, medium, campaign } = activity.utm;
  const channel = [source, medium].filter(Boolean).join(' / ');
  const parts = [channel, campaign].filter(Boolean);
  if (parts.length > 0) return parts.join(' · ');
  if (!activity.referrer) return undefined;
  try {
    return new URL(activity.referrer).host;
  } catch {
    return activity.referrer;
  }
}

const consentLabels: Record<ConsentStatus, string> = {
  pending: 'Consent pending confirmation',
  confirmed: 'Consent confirmed',
};

/** The consent a submission gave, as it stands now. */
export function consentLabel(activity: Pick<ContactActivity, 'consent'>): string | undefined {
  return activity.consent ? consentLabels[activity.consent.status] : undefined;
}

/** The posted fields the form does not map (a message box), as "name: value" lines. */
export function extraFieldLines(fields: ContactActivity['fields']): string[] {
  return Object.entries(fields).map(
    ([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`,
  );
}
