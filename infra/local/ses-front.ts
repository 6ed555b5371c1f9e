import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceEventInput } from './event-bus/local-event-bus';

/**
 * The local stand-in for what SES does around a send (decision 170, "Locally"): an HTTP server in front of
 * the aws-ses-v2-local emulator, where SES_ENDPOINT points. It forwards every request; a SESv2 SendEmail
 * with the marketing configuration set gets its links rewritten and an open pixel added (both pointing
 * here) before it is forwarded, and then the SES events go to the local default bus in SES's shapes
 * (test/fixtures/ses/): Send and Delivery, Bounce for bounce@simulator.amazonses.com (no Delivery),
 * Complaint after Delivery for complaint@simulator.amazonses.com, Open and Click when the pixel or a link
 * is requested (then a 1×1 GIF, or a redirect to the real link). Above `maxSendRate` sends in a second it
 * answers TooManyRequestsException, as SES does above the account's quota.
 */
export interface SesFrontOptions {
  /** The emulator's address. */
  emulatorEndpoint: string;
  /** Puts an AWS service event on the local default bus. */
  publish: (event: ServiceEventInput) => void;
  /** The configuration set that tracks and publishes (SES_CONFIGURATION_SET). */
  configurationSet: string;
  /** Sends a second above which SendEmail is throttled; unset, never. */
  maxSendRate?: number;
  port?: number;
  region?: string;
  account?: string;
}

export interface SesFront {
  endpoint: string;
  stop(): Promise<void>;
}

export const simulator = {
  bounce: 'bounce@simulator.amazonses.com',
  complaint: 'complaint@simulator.amazonses.com',
} as const;

const sendPath = '/v2/email/outbound-emails';
const transparentGif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

interface SendRequest {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  ConfigurationSetName?: string;
  EmailTags?: { Name: string; Value: string }[];
  Content?: {
    Simple?: {
      Subject?: { Data?: string };
      Body?: { Html?: { Data?: string }; Text?: { Data?: string } };
      Headers?: { Name: string; Value: string }[];
    };
  };
}

/** A tracked message: the SES `mail` object of its events and its original links. */
interface Tracked {
  mail: Record<string, unknown> | undefined;
  links: string[];
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Rewrites each `<a href="http(s)://…">` to the front's click address, and adds the open pixel. */
export function trackHtml(html: string, base: string, trackingId: string): { html: string; links: string[] } {
  const links: string[] = [];
  const rewritten = html.replace(
    /(<a\b[^>]*?\bhref\s*=\s*)(["'])(https?:\/\/[^"']+)\2/gi,
    (_match, start: string, quote: string, url: string) => {
      links.push(url.replace(/&amp;/g, '&'));
      return `${start}${quote}${base}/t/click/${trackingId}/${links.length - 1}${quote}`;
    },
  );
  const pixel = `<img src="${base}/t/open/${trackingId}.gif" width="1" height="1" alt="" style="display:none">`;
  const close = rewritten.search(/<\/body>/i);
  return {
    html:
      close === -1 ? `${rewritten}${pixel}` : `${rewritten.slice(0, close)}${pixel}${rewritten.slice(close)}`,
    links,
  };
}

export async function startSesFront(options: SesFrontOptions): Promise<SesFront> {
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const account = options.account ?? '000000000000';
  const tracked = new Map<string, Tracked>();
  const sendTimes: number[] = [];
  let base = '';

  const configurationSetArn = `arn:aws:ses:${region}:${account}:configuration-set/${options.configurationSet}`;
  const publish = (detailType: string, detail: Record<string, unknown>) =>
    options.publish({ source: 'aws.ses', detailType, detail, resources: [configurationSetArn] });

  function mailOf(request: SendRequest, messageId: string, headers: { Name: string; Value: string }[]) {
    const simple = request.Content?.Simple;
    const from = request.FromEmailAddress ?? '';
    const to = request.Destination?.ToAddresses ?? [];
    const destination = [
      ...to,
      ...(request.Destination?.CcAddresses ?? []),
      ...(request.Destination?.BccAddresses ?? []),
    ];
    const fromDomain = from.slice(from.lastIndexOf('@') + 1).replace(/>$/, '');
    const tags: Record<string, string[]> = {
      'ses:configuration-set': [options.configurationSet],
      'ses:source-ip': ['127.0.0.1'],
      'ses:from-domain': [fromDomain],
      'ses:caller-identity': ['local'],
    };
    for (const tag of request.EmailTags ?? []) tags[tag.Name] = [tag.Value];
    return {
      timestamp: new Date().toISOString(),
      source: from,
      sourceArn: `arn:aws:ses:${region}:${account}:identity/${fromDomain}`,
      sendingAccountId: account,
      messageId,
      destination,
      headersTruncated: false,
      headers: [
        { name: 'From', value: from },
        { name: 'To', value: to.join(', ') },
        { name: 'Subject', value: simple?.Subject?.Data ?? '' },
        { name: 'MIME-Version', value: '1.0' },
        { name: 'Content-Type', value: 'multipart/alternative' },
        ...headers.map((header) => ({ name: header.Name, value: header.Value })),
      ],
      commonHeaders: { from: [from], to, messageId, subject: simple?.Subject?.Data ?? '' },
      tags,
    };
  }

  /** What SES publishes after accepting a message, per recipient kind (its mailbox simulator addresses). */
  function publishAccepted(mail: Record<string, unknown>, destination: string[]) {
    const now = () => new Date().toISOString();
    publish('Email Sent', { eventType: 'Send', mail, send: {} });
    const bounced = destination.filter((address) => address.toLowerCase() === simulator.bounce);
    const delivered = destination.filter((address) => address.toLowerCase() !== simulator.bounce);
    if (delivered.length > 0)
      publish('Email Delivered', {
        eventType: 'Delivery',
        mail,
        delivery: {
          timestamp: now(),
          processingTimeMillis: 1,
          recipients: delivered,
          smtpResponse: '250 2.0.0 OK (local)',
          reportingMTA: 'localhost',
        },
      });
    if (bounced.length > 0)
      publish('Email Bounced', {
        eventType: 'Bounce',
        mail,
        bounce: {
          feedbackId: randomUUID(),
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: bounced.map((emailAddress) => ({
            emailAddress,
            action: 'failed',
            status: '5.1.1',
            diagnosticCode: 'smtp; 550 5.1.1 user unknown (mailbox simulator)',
          })),
          timestamp: now(),
          reportingMTA: 'dns; localhost',
        },
      });
    const complained = delivered.filter((address) => address.toLowerCase() === simulator.complaint);
    if (complained.length > 0)
      publish('Email Complaint Received', {
        eventType: 'Complaint',
        mail,
        complaint: {
          feedbackId: randomUUID(),
          complaintSubType: null,
          complainedRecipients: complained.map((emailAddress) => ({ emailAddress })),
          timestamp: now(),
          userAgent: 'Mailbox simulator',
          complaintFeedbackType: 'abuse',
        },
      });
  }

  function throttled(): boolean {
    if (!options.maxSendRate) return false;
    const now = Date.now();
    while (sendTimes.length > 0 && (sendTimes[0] as number) <= now - 1000) sendTimes.shift();
    if (sendTimes.length >= options.maxSendRate) return true;
    sendTimes.push(now);
    return false;
  }

  async function forward(request: IncomingMessage, body: Buffer) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || ['host', 'content-length', 'connection'].includes(name)) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    return fetch(`${options.emulatorEndpoint}${request.url ?? '/'}`, {
      method: request.method,
      headers,
      ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
      redirect: 'manual',
    });
  }

  async function relay(response: ServerResponse, upstream: Response) {
    const body = Buffer.from(await upstream.arrayBuffer());
    const headers: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name))
        headers[name] = value;
    });
    response.writeHead(upstream.status, headers).end(body);
  }

  async function send(request: IncomingMessage, response: ServerResponse, body: Buffer) {
    if (throttled()) {
      response
        .writeHead(429, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'TooManyRequestsException',
          'x-amzn-requestid': randomUUID(),
        })
        .end(JSON.stringify({ message: 'Maximum sending rate exceeded.' }));
      return;
    }
    let parsed: SendRequest;
    try {
      parsed = JSON.parse(body.toString('utf8')) as SendRequest;
    } catch {
      await relay(response, await forward(request, body));
      return;
    }
    const marketing = parsed.ConfigurationSetName === options.configurationSet;
    const trackingId = randomUUID();
    const html = parsed.Content?.Simple?.Body?.Html;
    let links: string[] = [];
    if (marketing && html?.Data) {
      const result = trackHtml(html.Data, base, trackingId);
      html.Data = result.html;
      links = result.links;
    }
    const upstream = await forward(request, Buffer.from(JSON.stringify(parsed)));
    const text = await upstream.text();
    if (marketing && upstream.ok) {
      const messageId = String((JSON.parse(text) as { MessageId?: string }).MessageId ?? '');
      const mail = mailOf(parsed, messageId, parsed.Content?.Simple?.Headers ?? []);
      tracked.set(trackingId, { mail, links });
      publishAccepted(mail, mail.destination);
    }
    response
      .writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      })
      .end(text);
  }

  function open(response: ServerResponse, trackingId: string, request: IncomingMessage) {
    const message = tracked.get(trackingId);
    if (message?.mail)
      publish('Email Opened', {
        eventType: 'Open',
        mail: message.mail,
        open: {
          timestamp: new Date().toISOString(),
          userAgent: request.headers['user-agent'] ?? '',
          ipAddress: request.socket.remoteAddress ?? '',
        },
      });
    response.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store' }).end(transparentGif);
  }

  function click(response: ServerResponse, trackingId: string, index: number, request: IncomingMessage) {
    const message = tracked.get(trackingId);
    const link = message?.links[index];
    if (!message?.mail || link === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Unknown link');
      return;
    }
    publish('Email Clicked', {
      eventType: 'Click',
      mail: message.mail,
      click: {
        timestamp: new Date().toISOString(),
        ipAddress: request.socket.remoteAddress ?? '',
        userAgent: request.headers['user-agent'] ?? '',
        link,
        linkTags: {},
      },
    });
    response.writeHead(302, { location: link, 'cache-control': 'no-store' }).end();
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const opened = /^\/t\/open\/([0-9a-f-]+)\.gif$/.exec(url.pathname);
    const clicked = /^\/t\/click\/([0-9a-f-]+)\/(\d+)$/.exec(url.pathname);
    readBody(request)
      .then(async (body) => {
        if (request.method === 'GET' && opened) return open(response, opened[1] as string, request);
        if (request.method === 'GET' && clicked)
          return click(response, clicked[1] as string, Number(clicked[2]), request);
        if (request.method === 'POST' && url.pathname === sendPath) return send(request, response, body);
        return relay(response, await forward(request, body));
      })
      .catch((error: unknown) => {
        console.error('the local SES front failed', error);
        if (!response.headersSent)
          response
            .writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' })
            .end(JSON.stringify({ message: 'The local SES front failed.' }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    endpoint: base,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
