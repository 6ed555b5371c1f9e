import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveFromEnv, folderArchive, s3Archive } from '../../shared/webhooks/archive';
import { archivableHeaders, archiveKeyOf } from '../../shared/webhooks/archived-delivery';

const dir = mkdtempSync(join(tmpdir(), 'seed-crm-archive-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('archive keys', () => {
  it('file a delivery by workspace, source and UTC day', () => {
    expect(
      archiveKeyOf('acme-1', 'shopify', new Date('2025-05-14T23:59:59.999Z'), '01J9ZK3T5Q8W6N4M2P0R7S9V1X'),
    ).toBe('webhooks/acme-1/shopify/2025-05-14/01J9ZK3T5Q8W6N4M2P0R7S9V1X.json');
  });

  it('keep every header but credentials, with lower-cased names', () => {
    expect(
      archivableHeaders({
        'X-Shopify-Topic': 'orders/create',
        Authorization: 'Bearer x',
        cookie: 'a=b',
        empty: undefined,
      }),
    ).toEqual({ 'x-shopify-topic': 'orders/create' });
  });
});

describe('the folder archive (local cloud)', () => {
  const archive = folderArchive(dir);

  it('writes each key as a file and reads it back', async () => {
    await archive.put('webhooks/acme/shop/2025-05-14/a.json', '{"a":1}');
    expect(readFileSync(join(dir, 'webhooks/acme/shop/2025-05-14/a.json'), 'utf8')).toBe('{"a":1}');
    expect(await archive.get('webhooks/acme/shop/2025-05-14/a.json')).toBe('{"a":1}');
  });

  it('writes a key only if it is absent, and leaves no partial file behind', async () => {
    const key = 'webhooks-unmatched/shop/2025-05-14/0830-3.json';
    expect(await archive.putIfAbsent(key, '{"first":true}')).toBe(true);
    expect(await archive.putIfAbsent(key, '{"second":true}')).toBe(false);
    expect(await archive.get(key)).toBe('{"first":true}');
    expect(readdirSync(join(dir, 'webhooks-unmatched/shop/2025-05-14'))).toEqual(['0830-3.json']);
  });

  it.each(['../escape.json', 'webhooks/../../x.json', '/abs.json', 'webhooks//x.json', 'web hooks/x.json'])(
    'refuses the key %j',
    async (key) => {
      await expect(archive.put(key, '{}')).rejects.toThrow(/archive key/);
    },
  );
});

describe('the S3 archive (AWS)', () => {
  it('puts JSON objects in the bucket and gets them back', async () => {
    const sent: unknown[] = [];
    const client = {
      async send(command: unknown) {
        sent.push(command);
        if (command instanceof GetObjectCommand)
          return { Body: { transformToString: async () => '{"stored":true}' } };
        return {};
      },
    } as unknown as S3Client;
    const archive = s3Archive('archive-bucket', client);
    await archive.put('webhooks/acme/shop/2025-05-14/a.json', '{"a":1}');
    expect(await archive.get('webhooks/acme/shop/2025-05-14/a.json')).toBe('{"stored":true}');
    expect(sent[0]).toBeInstanceOf(PutObjectCommand);
    expect((sent[0] as PutObjectCommand).input).toEqual({
      Bucket: 'archive-bucket',
      Key: 'webhooks/acme/shop/2025-05-14/a.json',
      Body: '{"a":1}',
      ContentType: 'application/json',
    });
  });

  it('writes if absent with If-None-Match, and says false when S3 answers 412 or 409', async () => {
    const answers = [undefined, 412, 409];
    const sent: PutObjectCommand[] = [];
    const client = {
      async send(command: PutObjectCommand) {
        sent.push(command);
        const status = answers[sent.length - 1];
        if (status) throw Object.assign(new Error('precondition'), { $metadata: { httpStatusCode: status } });
        return {};
      },
    } as unknown as S3Client;
    const archive = s3Archive('archive-bucket', client);
    const key = 'webhooks-unmatched/shop/2025-05-14/0830-3.json';
    expect(await archive.putIfAbsent(key, '{}')).toBe(true);
    expect(await archive.putIfAbsent(key, '{}')).toBe(false);
    expect(await archive.putIfAbsent(key, '{}')).toBe(false);
    expect(sent[0]?.input).toMatchObject({ Bucket: 'archive-bucket', Key: key, IfNoneMatch: '*' });
  });

  it('is chosen by ARCHIVE_BUCKET, the folder by ARCHIVE_DIR, and neither fails closed', async () => {
    const local = archiveFromEnv({ ARCHIVE_DIR: dir });
    await local.put('webhooks/x/shop/2025-05-14/b.json', '{}');
    expect(await local.get('webhooks/x/shop/2025-05-14/b.json')).toBe('{}');
    await expect(archiveFromEnv({}).put('webhooks/x.json', '{}')).rejects.toThrow(
      /ARCHIVE_BUCKET or ARCHIVE_DIR/,
    );
  });
});
