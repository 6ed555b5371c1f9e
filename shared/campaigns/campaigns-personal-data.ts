import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { campaignsKeys } from './campaigns-keys';

/**
 * What campaigns keep of a person: its send record in each campaign (address, contact id, what happened),
 * found from the contact on byParent `…#CONTACT#<id>#CAMPAIGN_EMAILS`. The campaign's counters hold no one.
 */
export const campaignsPersonalData = [
  {
    itemType: 'campaignRecipient',
    description: 'A campaign send record: the address mailed, its status, message id and what the person did',
    attributes: ['email', 'contactId'],
    erasure: 'delete',
    location: { kind: 'index', index: 'byParent', partition: campaignsKeys.contactCampaignEmailsPartition },
  },
] as const satisfies readonly PersonalDataDeclaration[];
