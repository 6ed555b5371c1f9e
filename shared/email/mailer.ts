import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { region } from '../platform/aws-clients';

/** One email, as the domain writes it. */
export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (List-Unsubscribe...); SESv2 Simple content keeps them, in AWS and in the emulator. */
  headers?: Record<string, string>;
  replyTo?: string;
  /** SES message tags (message-tags.ts): SES events carry them back. */
  tags?: Record<string, string>;
  /** The SES configuration set (tracking and event publishing); campaign mail uses the marketing one. */
  configurationSet?: string;
}

/** The mailer port domain operations receive: SES in AWS and locally, a fake in unit tests. */
export interface Mailer {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}

/** SESv2 `SendEmail` with `Content.Simple`, so custom headers survive (the emulator drops them from raw MIME). */
export function sesMailer(client: SESv2Client): Mailer {
  return {
    async send(message) {
      const charset = 'UTF-8';
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: message.from,
          Destination: { ToAddresses: [message.to] },
          ...(message.replyTo ? { ReplyToAddresses: [message.replyTo] } : {}),
          ...(message.tags
            ? { EmailTags: Object.entries(message.tags).map(([Name, Value]) => ({ Name, Value })) }
            : {}),
          ...(message.configurationSet ? { ConfigurationSetName: message.configurationSet } : {}),
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: charset },
              Body: {
                Text: { Data: message.text, Charset: charset },
                ...(message.html ? { Html: { Data: message.html, Charset: charset } } : {}),
              },
              ...(message.headers
                ? { Headers: Object.entries(message.headers).map(([Name, Value]) => ({ Name, Value })) }
                : {}),
            },
          },
        }),
      );
      return { messageId: result.MessageId ?? '' };
    },
  };
}

/** The real SESv2 client; in the local cloud `SES_ENDPOINT` points it at the emulator. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  const endpoint = env.SES_ENDPOINT;
  return sesMailer(
    new SESv2Client({
      region: region(env),
      ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }),
  );
}
