import { escapeHtml } from '../forms/html-page';
import { signUnsubscribeToken, type UnsubscribeClaims } from './unsubscribe-token';

/**
 * The links of one marketing message (decision 170): the RFC 8058 one-click address of the API, and the
 * preference page of the web app. Both come from PUBLIC_API_URL, never from a request: the CloudFront
 * distribution (or the local server) serves the web app and `/api` at the same address, so the page is
 * `<PUBLIC_API_URL>/email/preferences/<token>`.
 */
export interface MarketingLinks {
  token: string;
  /** RFC 8058's one-click address (POST), for the List-Unsubscribe header: mail clients call it. */
  unsubscribeUrl: string;
  /** The preference page. */
  preferencesUrl: string;
  /**
   * The `{{ unsubscribe_url }}` a reader clicks in the mail: the preference page asking to confirm the
   * unsubscribe with one button. A GET changes nothing, so link scanners cannot unsubscribe anybody.
   */
  pageUnsubscribeUrl: string;
}

export function marketingLinks(
  publicApiUrl: string,
  linkSecret: string,
  claims: UnsubscribeClaims,
): MarketingLinks {
  const base = publicApiUrl.replace(/\/+$/, '');
  const token = signUnsubscribeToken(linkSecret, claims);
  return {
    token,
    unsubscribeUrl: `${base}/api/email/unsubscribe/${token}`,
    preferencesUrl: `${base}/email/preferences/${token}`,
    pageUnsubscribeUrl: `${base}/email/preferences/${token}?unsubscribe=1`,
  };
}

/**
 * The headers Gmail's and Yahoo's bulk-sender rules ask for: `List-Unsubscribe` with the https address
 * (in angle brackets) and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), so the mail
 * client's unsubscribe button POSTs there and the contact is unsubscribed at once.
 */
export function marketingHeaders(links: Pick<MarketingLinks, 'unsubscribeUrl'>): Record<string, string> {
  return {
    'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

export interface MarketingFooter {
  html: string;
  text: string;
}

/**
 * What every marketing message ends with: why the reader gets it, the link to the preference page and the
 * sender's postal address (CAN-SPAM and the bulk-sender rules ask for both). HTML-escaped in the HTML part.
 */
export function marketingFooter(input: {
  preferencesUrl: string;
  postalAddress: string;
  senderName: string;
}): MarketingFooter {
  const address = input.postalAddress.trim();
  const html = [
    '<div style="margin-top:32px;padding-top:16px;border-top:1px solid #dee2e6;font:12px/1.5 sans-serif;color:#868e96">',
    `<p style="margin:0 0 8px">You receive this email from ${escapeHtml(input.senderName)}.`,
    ` <a href="${escapeHtml(input.preferencesUrl)}" style="color:#495057">Manage your email preferences or unsubscribe</a>.</p>`,
    `<p style="margin:0">${escapeHtml(address).replace(/\r?\n/g, '<br>')}</p>`,
    '</div>',
  ].join('');
  const text = [
    '',
    '--',
    `You receive this email from ${input.senderName}.`,
    `Manage your email preferences or unsubscribe: ${input.preferencesUrl}`,
    address,
  ].join('\n');
  return { html, text };
}

/** Puts the footer at the end of an HTML document's body (or at the end, for a fragment). */
export function withHtmlFooter(html: string, footer: MarketingFooter): string {
  const close = html.search(/<\/body>/i);
  return close === -1 ? `${html}${footer.html}` : `${html.slice(0, close)}${footer.html}${html.slice(close)}`;
}
