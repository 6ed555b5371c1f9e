import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { defineRoutes } from '../../shared/platform/capability';
import { type ApiEvent, apiRouter, implement, originVerifyHeader } from '../../shared/platform/http-handler';

/**
 * The execute-api endpoint is public: with ORIGIN_VERIFY_SECRET set (AWS), only requests that carry
 * CloudFront's secret origin header get past the first middleware, before any route, auth or body work.
 */
const routes = defineRoutes({
  Echo: { method: 'POST', path: '/api/echo', roles: 'public', summary: 'Echo what the handler saw' },
});
const seen: { headers: Record<string, string | undefined>; sourceIp?: string }[] = [];
const echo = implement(routes.Echo, ({ headers, sourceIp }) => {
  seen.push({ headers, sourceIp });
  return { body: { ok: true } };
});
const secret = 'x'.repeat(48);
const guarded = apiRouter(routes, { Echo: echo }, { originSecret: secret });
const open = apiRouter(routes, { Echo: echo }, { originSecret: '' });

function eventWith(headers: Record<string, string>, body = '{"a":1}'): ApiEvent {
  return {
    version: '2.0',
    routeKey: 'POST /api/echo',
    rawPath: '/api/echo',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    isBase64Encoded: false,
    requestContext: {
      routeKey: 'POST /api/echo',
      http: {
        method: 'POST',
        path: '/api/echo',
        protocol: 'HTTP/1.1',
        sourceIp: '130.176.1.1',
        userAgent: 'x',
      },
    },
  } as unknown as ApiEvent;
}
const context = { functionName: 'Test', awsRequestId: 'r1' } as Context;

describe('the origin check of the API stack', () => {
  it('answers 403 with the standard error to a caller without the header, or with a wrong one, before anything else', async () => {
    const tries: Record<string, string>[] = [
      {},
      { [originVerifyHeader]: 'guess' },
      { [originVerifyHeader]: `${secret}x` },
    ];
    for (const headers of tries) {
      seen.length = 0;
      // a body that is not even JSON: the check comes before the body is read
      const reply = await guarded(eventWith(headers, '{'), context);
      expect(reply.statusCode).toBe(403);
      expect(JSON.parse(String(reply.body))).toEqual({
        error: { code: 'request.origin_not_verified', message: 'Call the API at its public address.' },
      });
      expect(seen).toEqual([]);
    }
  });

  it("passes CloudFront's requests on without the secret, from the viewer's address", async () => {
    seen.length = 0;
    const reply = await guarded(
      eventWith({ [originVerifyHeader]: secret, 'cloudfront-viewer-address': '2001:db8::7:46532' }),
      context,
    );
    expect(reply.statusCode).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers).not.toHaveProperty(originVerifyHeader);
    expect(seen[0]?.sourceIp).toBe('2001:db8::7');
  });

  it('checks nothing where no secret is configured (the local cloud), and trusts no viewer header there', async () => {
    seen.length = 0;
    const reply = await open(eventWith({ 'cloudfront-viewer-address': '203.0.113.9:1234' }), context);
    expect(reply.statusCode).toBe(200);
    expect(seen[0]?.sourceIp).toBe('130.176.1.1');
  });
});
