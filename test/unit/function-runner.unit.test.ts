import { afterEach, describe, expect, it } from 'vitest';
import { matchRoute, toApiGatewayEvent } from '../../infra/local/api-gateway-event';
import { invokeFunction } from '../../infra/local/function-runner';
import { registry } from '../../shared/registry/capability-registry';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function healthEvent() {
  const route = matchRoute('GET', '/api/health');
  if (!route) throw new Error('no health route');
  return toApiGatewayEvent({
    method: 'GET',
    url: new URL('http://127.0.0.1/api/health'),
    headers: {},
    body: Buffer.alloc(0),
    route,
    sourceIp: '127.0.0.1',
  });
}

describe('the local function runner', () => {
  const health = registry.functions.find((fn) => fn.name === 'HealthApi');
  if (!health) throw new Error('HealthApi is in the registry');

  it("serves one local cloud per process, and says so when a second one's endpoints appear", async () => {
    process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:8001';
    const answer = (await invokeFunction(health, healthEvent())) as { statusCode: number };
    expect(answer.statusCode).toBe(200);
    expect(((await invokeFunction(health, healthEvent())) as { statusCode: number }).statusCode).toBe(200);
    process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:8002';
    await expect(invokeFunction(health, healthEvent())).rejects.toThrow('start one local cloud per process');
  });
});
