import type { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { confirmationMail } from '../../shared/consents/confirmation-mail';
import { defaultMailFrom, mailFromEnv } from '../../shared/email/mail-from';
import { sesMailer } from '../../shared/email/mailer';

/** A stand-in for the SESv2 client port: records what would be sent. */
function recordingClient() {
  const sent: SendEmailCommand['input'][] = [];
  const client = {
    send: async (command: SendEmailCommand) => {
      sent.push(command.input);
      return { MessageId: `m-${sent.length}` };
    },
  } as unknown as SESv2Client;
  return { client, sent };
}

describe('the SES mailer', () => {
  it('sends SESv2 Simple content with text, html and headers kept', async () => {
    const { client, sent } = recordingClient();
    const result = await sesMailer(client).send({
      from: 'no-reply@example.com',
      to: 'ann@example.com',
      subject: 'Hello Zoë',
      text: 'Plain',
      html: '<p>Rich</p>',
      headers: { 'List-Unsubscribe': '<https://example.com/u>' },
    });
    expect(result).toEqual({ messageId: 'm-1' });
    expect(sent).toEqual([
      {
        FromEmailAddress: 'no-reply@example.com',
        Destination: { ToAddresses: ['ann@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 'Hello Zoë', Charset: 'UTF-8' },
            Body: {
              Text: { Data: 'Plain', Charset: 'UTF-8' },
              Html: { Data: '<p>Rich</p>', Charset: 'UTF-8' },
            },
            Headers: [{ Name: 'List-Unsubscribe', Value: '<https://example.com/u>' }],
          },
        },
      },
    ]);
  });

  it('sends from MAIL_FROM, or a local default', () => {
    expect(mailFromEnv({ MAIL_FROM: 'crm@example.com' })).toBe('crm@example.com');
    expect(mailFromEnv({})).toBe(defaultMailFrom);
  });
});

describe('the double opt-in email', () => {
  const link = 'https://api.example.com/api/webhooks/forms/acme.01J/confirm?token=a.b';
  const mail = confirmationMail({
    from: 'crm@example.com',
    to: 'ann@example.com',
    formName: 'News <letter>',
    consentText: 'Send me "news" & offers.',
    link,
  });

  it('shows what was agreed to and the link, in text and html', () => {
    expect(mail).toMatchObject({
      from: 'crm@example.com',
      to: 'ann@example.com',
      subject: 'Please confirm: News <letter>',
    });
    expect(mail.text).toContain('Send me "news" & offers.');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`<a href="${link}">Confirm</a>`);
    expect(mail.html).toContain('Send me &quot;news&quot; &amp; offers.');
    expect(mail.html).toContain('News &lt;letter&gt;');
  });
});
