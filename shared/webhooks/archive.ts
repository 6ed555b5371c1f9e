import { link, mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { region } from '../platform/aws-clients';

/**
 * Where raw webhook deliveries are kept before they are processed: S3 in AWS, a folder in the local cloud.
 * Keys are relative paths (`webhooks/<ws>/<source>/<day>/<id>.json`, `webhooks-unmatched/...`).
 */
export interface Archive {
  put(key: string, body: string): Promise<void>;
  /** Writes only if nothing is stored under the key yet; false when something is (nothing written). */
  putIfAbsent(key: string, body: string): Promise<boolean>;
  get(key: string): Promise<string>;
  /** Removes an object (erasure); removing one that is gone already is no error. */
  delete(key: string): Promise<void>;
}

const keyPattern = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

function checkedKey(key: string): string {
  if (!keyPattern.test(key) || key.split('/').some((part) => part === '.' || part === '..'))
    throw new Error(`not an archive key: ${key}`);
  return key;
}

/** The S3 bucket of the data stack; objects are encrypted by the bucket's default. */
export function s3Archive(bucket: string, client: S3Client = new S3Client({})): Archive {
  const putObject = (key: string, body: string, condition: { IfNoneMatch?: '*' } = {}) =>
    new PutObjectCommand({
      Bucket: bucket,
      Key: checkedKey(key),
      Body: body,
      ContentType: 'application/json',
      ...condition,
    });
  return {
    async put(key, body) {
      await client.send(putObject(key, body));
    },
    // S3 conditional write: 412 when the key exists, 409 when another write to it is under way
    async putIfAbsent(key, body) {
      try {
        await client.send(putObject(key, body, { IfNoneMatch: '*' }));
        return true;
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (status === 412 || status === 409) return false;
        throw error;
      }
    },
    async get(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: checkedKey(key) }));
      if (!object.Body) throw new Error(`archive object ${key} has no body`);
      return object.Body.transformToString('utf8');
    },
    // the bucket is versioned: a plain delete would only hide the delivery, so every version goes
    async delete(key) {
      const Key = checkedKey(key);
      let page: ListObjectVersionsCommandOutput | undefined;
      do {
        page = await client.send(
          new ListObjectVersionsCommand({
            Bucket: bucket,
            Prefix: Key,
            KeyMarker: page?.NextKeyMarker,
            VersionIdMarker: page?.NextVersionIdMarker,
          }),
        );
        const versions = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
          .filter((version) => version.Key === Key && version.VersionId)
          .map((version) => ({ Key, VersionId: version.VersionId }));
        if (versions.length === 0) continue;
        const deleted = await client.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: versions, Quiet: true } }),
        );
        if (deleted.Errors?.length) {
          throw new Error(
            `archive: ${deleted.Errors.length} versions of ${Key} not deleted (${deleted.Errors[0]?.Code})`,
          );
        }
      } while (page.IsTruncated);
    },
  };
}

/** A folder on this machine (the local cloud): each key is a file, written whole or not at all. */
export function folderArchive(dir: string): Archive {
  const root = resolve(dir);
  const pathOf = (key: string) => {
    const path = join(root, ...checkedKey(key).split('/'));
    if (!path.startsWith(root + sep)) throw new Error(`archive key ${key} leaves the archive folder`);
    return path;
  };
  const writePartial = async (path: string, body: string) => {
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
    await writeFile(partial, body, 'utf8');
    return partial;
  };
  return {
    async put(key, body) {
      const path = pathOf(key);
      await rename(await writePartial(path, body), path);
    },
    // link() fails when the name exists, atomically: the folder's If-None-Match
    async putIfAbsent(key, body) {
      const path = pathOf(key);
      const partial = await writePartial(path, body);
      try {
        await link(partial, path);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      } finally {
        await unlink(partial);
      }
    },
    get: (key) => readFile(pathOf(key), 'utf8'),
    delete: (key) => rm(pathOf(key), { force: true }),
  };
}

/** ARCHIVE_BUCKET in AWS, ARCHIVE_DIR in the local cloud; without either, archiving fails (and so intake). */
export function archiveFromEnv(env: NodeJS.ProcessEnv = process.env): Archive {
  if (env.ARCHIVE_BUCKET) return s3Archive(env.ARCHIVE_BUCKET, new S3Client({ region: region(env) }));
  if (env.ARCHIVE_DIR) return folderArchive(env.ARCHIVE_DIR);
  const missing = () => Promise.reject(new Error('no webhook archive: set ARCHIVE_BUCKET or ARCHIVE_DIR'));
  return { put: missing, putIfAbsent: missing, get: missing, delete: missing };
}
