import { describe, expect, it } from 'vitest';
import { trackHtml } from '../../infra/local/ses-front';
import { entryIdOf, reportedLink, urlHashOf } from '../../shared/email/campaign-message-writes';
import {
  marketingFooter,
  marketingHeaders,
  marketingLinks,
  withHtmlFooter,
} from '../../shared/email/marketing-headers';
import { maskEmail } from '../../shared/email/preference-page';
import { messageSubjectOf, SesEventDetail } from '../../shared/email/ses-event';
import { verifyUnsubscribeToken } from '../../shared/email/unsubscribe-token';
import sent from '../fixtures/ses/email-sent.json' with { type: 'json' };

describe('marketing mail', () => {
  const secret = 'a-secret-of-the-workspace';
  const links = marketingLinks('https://crm.example.com/', secret, {
    workspaceId: 'w1',
    contactId: 'C1',
    campaignId: 'K1',
  });

  it('points List-Unsubscribe at the one-click route and the footer at the preference page, with a signed token', () => {
    expect(links.unsubscribeUrl).toBe(`https://crm.example.com/api/email/unsubscribe/${links.token}`);
    expect(links.preferencesUrl).toBe(`https://crm.example.com/email/preferences/${links.token}`);
    // the reader's link in the body opens the page, which asks before it unsubscribes (a GET changes nothing)
    expect(links.pageUnsubscribeUrl).toBe(
      `https://crm.example.com/email/preferences/${links.token}?unsubscribe=1`,
    );
    expect(marketingHeaders(links)).toEqual({
      'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(verifyUnsubscribeToken(secret, links.token)).toEqual({
      workspaceId: 'w1',
      contactId: 'C1',
      campaignId: 'K1',
    });
    expect(verifyUnsubscribeToken('another secret', links.token)).toBeUndefined();
  });

  it('ends every message with the preference link and the postal address, escaped in HTML', () => {
    const footer = marketingFooter({
      preferencesUrl: links.preferencesUrl,
      postalAddress: 'Müller & Söhne <GmbH>\nHauptstr. 1',
      senderName: 'Kaffee "Beispiel"',
    });
    expect(footer.html).toContain('Müller &amp; Söhne &lt;GmbH&gt;<br>Hauptstr. 1');
    expect(footer.html).toContain(`href="${links.preferencesUrl}"`);
    expect(footer.text).toContain(links.preferencesUrl);
    expect(withHtmlFooter('<html><body><p>x</p></body></html>', footer)).toMatch(
      /<p>x<\/p><div.*<\/div><\/body>/,
    );
  });

  it('masks the address on the public page', () => {
    expect(maskEmail('lena.schmidt@example.com')).toBe('l***@example.com');
    expect(maskEmail('nope')).toBe('***');
  });

  it('reads the SES record tolerantly and finds the workspace only from the CRM tag', () => {
    const parsed = SesEventDetail.parse(sent.detail);
    expect(parsed.eventType).toBe('Send');
    expect(messageSubjectOf(parsed)).toBeUndefined();
    const tagged = SesEventDetail.parse({
      ...sent.detail,
      mail: {
        ...sent.detail.mail,
        tags: { crm_workspace: ['w1'], crm_campaign: ['K1'], crm_contact: ['C1'] },
      },
    });
    expect(messageSubjectOf(tagged)).toEqual({ workspaceId: 'w1', campaignId: 'K1', contactId: 'C1' });
  });

  it('makes the same timeline entry id for the same event, and link keys of 32 hex digits', () => {
    expect(entryIdOf('2025-05-14T08:30:02Z', 'e1')).toBe(entryIdOf('2025-05-14T08:30:02Z', 'e1'));
    expect(entryIdOf('2025-05-14T08:30:02Z', 'e1')).not.toBe(entryIdOf('2025-05-14T08:30:02Z', 'e2'));
    expect(urlHashOf('https://shop.example.com/')).toMatch(/^[0-9a-f]{32}$/);
  });

  it("reports every reader's preference and unsubscribe link as one link, without its personal token", () => {
    expect(reportedLink('https://crm.example.com/email/preferences/w1.eyJj.sig?unsubscribe=1')).toBe(
      'https://crm.example.com/email/preferences/…?unsubscribe=1',
    );
    expect(reportedLink('https://crm.example.com/email/preferences/w1.eyJj.sig')).toBe(
      'https://crm.example.com/email/preferences/…',
    );
    expect(reportedLink('https://crm.example.com/api/email/unsubscribe/w1.eyJj.sig')).toBe(
      'https://crm.example.com/api/email/unsubscribe/…',
    );
    expect(reportedLink('https://shop.example.com/jackets?utm=mail')).toBe(
      'https://shop.example.com/jackets?utm=mail',
    );
  });

  it('tracks links and adds the open pixel as the local SES front does', () => {
    const { html, links: found } = trackHtml(
      '<body><a href="https://a.example/x?b=1&amp;c=2">A</a><a href="mailto:x@y">m</a></body>',
      'http://127.0.0.1:9',
      'id-1',
    );
    expect(found).toEqual(['https://a.example/x?b=1&c=2']);
    expect(html).toContain('href="http://127.0.0.1:9/t/click/id-1/0"');
    expect(html).toContain('href="mailto:x@y"');
    expect(html).toMatch(/<img src="http:\/\/127\.0\.0\.1:9\/t\/open\/id-1\.gif"[^>]*><\/body>/);
  });
});
