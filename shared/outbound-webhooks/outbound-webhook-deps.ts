import { type Deps, depsFromEnv } from '../platform/deps';
import { httpWebhookSender, type WebhookSender } from './send-webhook';
import type { WebhookUrlPolicy } from './webhook-url-policy';

/** The ports of the outbound webhook operations: the store and clock, plus the HTTP sender and the URL policy. */
export interface OutboundWebhookDeps extends Deps {
  send: WebhookSender;
  urlPolicy: WebhookUrlPolicy;
  /** For the retry jitter; tests pass a fixed one. */
  random: () => number;
}

/** Loopback URLs only where the local cloud says so: the CDK stack never sets this variable. */
export function urlPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookUrlPolicy {
  return { allowLoopback: env.ALLOW_INSECURE_WEBHOOK_URLS === 'true' };
}

export function outboundWebhookDepsFromEnv(env: NodeJS.ProcessEnv = process.env): OutboundWebhookDeps {
  const urlPolicy = urlPolicyFromEnv(env);
  return {
    ...depsFromEnv(env),
    send: httpWebhookSender({ policy: urlPolicy }),
    urlPolicy,
    random: Math.random,
  };
}
