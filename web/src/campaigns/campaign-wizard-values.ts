import { type Audience, type Campaign, SendRate } from '../../../shared/campaigns/campaign';
import { Tag } from '../../../shared/records/record-fields';
import { nowInZone } from './campaign-format';

/** What the campaign wizard edits: the audience as list ids and tags, the template, when to send. */
export interface WizardValues {
  name: string;
  include: string[];
  excludeLists: string[];
  excludeTags: string[];
  templateId: string | null;
  when: 'now' | 'later';
  sendAt: string;
  /** Messages a second for this campaign; empty: as fast as the deployment's SES quota allows. */
  sendRate: number | '';
}

export function valuesOf(campaign: Campaign | undefined): WizardValues {
  return {
    name: campaign?.name ?? '',
    include: campaign?.audience.include.map((source) => source.listId) ?? [],
    excludeLists:
      campaign?.audience.exclude.flatMap((exclusion) =>
        exclusion.kind === 'list' ? [exclusion.listId] : [],
      ) ?? [],
    excludeTags:
      campaign?.audience.exclude.flatMap((exclusion) => (exclusion.kind === 'tag' ? [exclusion.tag] : [])) ??
      [],
    templateId: campaign?.templateId ?? null,
    when: campaign?.schedule ? 'later' : 'now',
    sendAt: campaign?.schedule?.sendAt ?? '',
    sendRate: campaign?.sendRatePerSecond ?? '',
  };
}

export function audienceOf(values: WizardValues): Audience | undefined {
  if (values.include.length === 0) return undefined;
  return {
    include: values.include.map((listId) => ({ kind: 'list' as const, listId })),
    exclude: [
      ...values.excludeLists.map((listId) => ({ kind: 'list' as const, listId })),
      ...values.excludeTags.map((tag) => ({ kind: 'tag' as const, tag })),
    ],
  };
}

export const steps = ['Audience', 'Content', 'Schedule', 'Review'] as const;

/** What stops a step from going on, in words; undefined when it may. */
export function problemOf(
  step: number,
  values: WizardValues,
  timeZone: string | undefined,
): string | undefined {
  if (step === 0) {
    if (!values.name.trim()) return 'Give the campaign a name.';
    if (values.include.length === 0) return 'Choose at least one list to send to.';
    const badTag = values.excludeTags.map((tag) => Tag.safeParse(tag)).find((result) => !result.success);
    if (badTag && !badTag.success) return badTag.error.issues[0]?.message;
  }
  if (step === 1 && !values.templateId) return 'Choose a template.';
  if (step === 2) {
    if (!timeZone) return 'An admin must set up the email settings first.';
    if (values.sendRate !== '') {
      const rate = SendRate.safeParse(values.sendRate);
      if (!rate.success)
        return `Send rate: ${rate.error.issues[0]?.message ?? 'a whole number of at least 1'}`;
    }
    if (values.when === 'later') {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(values.sendAt)) return 'Give the date and time to send at.';
      if (values.sendAt <= nowInZone(timeZone)) return `Choose a time after now (${timeZone}).`;
    }
  }
  return undefined;
}
