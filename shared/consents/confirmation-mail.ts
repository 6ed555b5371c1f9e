import type { EmailMessage } from '../email/mailer';
import { escapeHtml } from '../forms/html-page';

/** The double opt-in email: what the person agreed to, and the one link that confirms it. */
export function confirmationMail(input: {
  from: string;
  to: string;
  formName: string;
  consentText: string;
  link: string;
}): EmailMessage {
  const subject = `Please confirm: ${input.formName}`.slice(0, 200);
  const text = [
    'Hello,',
    '',
    `you (or someone using your address) filled in "${input.formName}" and agreed to:`,
    '',
    input.consentText,
    '',
    'To confirm, open this link:',
    input.link,
    '',
    'If this was not you, ignore this email: nothing happens without your confirmation.',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font:16px/1.5 system-ui,sans-serif">',
    '<p>Hello,</p>',
    `<p>you (or someone using your address) filled in &ldquo;${escapeHtml(input.formName)}&rdquo; and agreed to:</p>`,
    `<blockquote>${escapeHtml(input.consentText)}</blockquote>`,
    `<p><a href="${escapeHtml(input.link)}">Confirm</a></p>`,
    `<p>Or open this address: ${escapeHtml(input.link)}</p>`,
    '<p>If this was not you, ignore this email: nothing happens without your confirmation.</p>',
    '</body></html>',
  ].join('');
  return { from: input.from, to: input.to, subject, text, html };
}
