import type { CampaignStatus } from './campaign';

/**
 * The campaign's state machine (decision 170): `draft → scheduled → preparing → sending ⇄ paused → sent`,
 * and `cancelled` from any state before `sent`. Each member action names the states it starts from; the
 * store writes it with a condition on those states, so two racing actions cannot both win. Pure.
 */
export const campaignActions = {
  edit: ['draft', 'scheduled'],
  schedule: ['draft', 'scheduled'],
  delete: ['draft', 'scheduled', 'cancelled'],
  pause: ['preparing', 'sending'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'preparing', 'sending', 'paused'],
} as const satisfies Record<string, readonly CampaignStatus[]>;

export type CampaignAction = keyof typeof campaignActions;

export function allows(action: CampaignAction, status: CampaignStatus): boolean {
  return (campaignActions[action] as readonly CampaignStatus[]).includes(status);
}

/** The states a runner works in; anything else stops it at its next check. */
export const runningStates: readonly CampaignStatus[] = ['preparing', 'sending'];

/** Where a resumed campaign goes: back to preparing when its audience was not all read yet. */
export function resumedStatus(prepared: boolean): CampaignStatus {
  return prepared ? 'sending' : 'preparing';
}
