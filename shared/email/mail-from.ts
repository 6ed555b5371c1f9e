/**
 * Where mail comes from when the deployment does not say: `MAIL_FROM` is set by the CDK stack from the
 * context value `mailFrom` (a verified SES identity in AWS). Kept apart from the mailer so infra can read
 * it without loading the SES client.
 */
export const defaultMailFrom = 'no-reply@seed-crm.localhost';

export function mailFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM || defaultMailFrom;
}
