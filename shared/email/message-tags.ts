/**
 * The SES message tags every mail the CRM sends carries (SESv2 `EmailTags`), so that SES events find their
 * workspace, campaign and contact again (decision 170). Tag values allow letters, digits, `_` and `-` only.
 */
export const messageTags = {
  workspace: 'crm_workspace',
  campaign: 'crm_campaign',
  contact: 'crm_contact',
  /** `campaign`, `test` or `transactional`: what kind of mail it is. */
  kind: 'crm_kind',
} as const;

export type MessageKind = 'campaign' | 'test' | 'transactional';

/** The configuration set marketing mail is sent with (tracking, event publishing): `SES_CONFIGURATION_SET`. */
export const defaultConfigurationSet = 'seed-crm-marketing';
