import { defaultConfigurationSet } from './message-tags';

/**
 * What the deployment tells the email capability (CDK context → environment): the verified SES domain
 * (`SES_DOMAIN`; unset locally and in a stack deployed without `sesDomain`), the configuration set marketing
 * mail goes out with (`SES_CONFIGURATION_SET`) and the account's send rate (`SES_MAX_SEND_RATE`, SES's
 * default quota of 14 a second when unset).
 */
export interface SendingConfig {
  sendingDomain?: string;
  configurationSet: string;
  maxSendRate: number;
}

export const defaultMaxSendRate = 14;

export function sendingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SendingConfig {
  const domain = env.SES_DOMAIN?.trim().toLowerCase();
  const rate = Number(env.SES_MAX_SEND_RATE);
  return {
    ...(domain ? { sendingDomain: domain } : {}),
    configurationSet: env.SES_CONFIGURATION_SET?.trim() || defaultConfigurationSet,
    maxSendRate: Number.isFinite(rate) && rate > 0 ? rate : defaultMaxSendRate,
  };
}
