/** The error codes of campaigns and what a user is told. */
export const campaignsErrors = {
  'campaign.not_found': 'This campaign does not exist.',
  'campaign.version_conflict': 'Someone else changed this campaign. Reload it and try again.',
  'campaign.invalid_state': 'The campaign cannot do this in its current state.',
  'campaign.not_editable': 'Only a draft or scheduled campaign can be changed.',
  'campaign.template_not_found': 'The template of this campaign does not exist.',
  'campaign.list_not_found': 'A list of this audience does not exist.',
  'campaign.send_at_past': 'Choose a time in the future.',
  'campaign.template_not_compiled': 'The template is still being compiled, or has errors. Check it first.',
} as const satisfies Record<string, string>;
