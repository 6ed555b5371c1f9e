import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from './free-port';

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  constructor(detail = '') {
    super(
      `A Java 17 or newer JDK is needed to run DynamoDB Local (its javac builds the launcher that keeps it on 127.0.0.1): install one (e.g. \`apt-get install openjdk-17-jdk-headless\`) and try again.${detail ? `\n${detail}` : ''}`,
    );
  }
}

/** The official DynamoDB Local jar, as shipped in the npm package amplify-dynamodb-simulator. */
function emulatorDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new JavaMissingError();
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`DynamoDB Local exited with code ${child.exitCode}: ${output()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
    throw new Error(`DynamoDB Local did not answer within 60 s: ${output()}`);
  } finally {
    client.destroy();
  }
}

/**
 * DynamoDB Local's own main listens on every interface with no authentication, and has no host option:
 * this small Java launcher binds it to 127.0.0.1 and refuses requests whose Host is not a loopback name
 * (DNS rebinding). It is compiled once per version of its source into node_modules/.cache.
 */
const launcherSource = join(import.meta.dirname, 'loopback-dynamodb-local.java');
const launcherClass = 'LoopbackDynamoDbLocal';
const cacheDir = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'seed-crm');

function compiledLauncher(jar: string): string {
  const version = createHash('sha256').update(readFileSync(launcherSource)).digest('hex').slice(0, 16);
  const classDir = join(cacheDir, `dynamodb-local-launcher-${version}`);
  if (existsSync(join(classDir, `${launcherClass}.class`))) return classDir;
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, 'launcher-'));
  const javac = spawnSync('javac', ['-cp', jar, '-d', staging, launcherSource], { encoding: 'utf8' });
  if (javac.error || javac.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new JavaMissingError(javac.stderr?.trim() || javac.error?.message);
  }
  try {
    renameSync(staging, classDir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another start compiled it meanwhile
  }
  return classDir;
}

/**
 * The jar matches a request's Origin exactly against the `-cors` list (and answers without
 * Access-Control-Allow-Origin otherwise); an origin is `scheme://host[:port]` or `null`, never this.
 */
export const noBrowserOrigin = 'no-browser-origin';

/**
 * Starts DynamoDB Local with the machine's Java: in memory, or keeping its data in `dataDir`.
 * `-sharedDb` makes every access key and region see the same tables. It listens on 127.0.0.1 only.
 */
export async function startDynamoDbLocal(
  options: { dataDir?: string; port?: number } = {},
): Promise<DynamoDbLocal> {
  assertJava();
  const dir = emulatorDir();
  const jar = join(dir, 'DynamoDBLocal.jar');
  const port = options.port || (await freePort());
  const workDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'crm-dynamodb-'));
  mkdirSync(workDir, { recursive: true });
  const storage = options.dataDir ? ['-dbPath', workDir] : ['-inMemory'];
  const child = spawn(
    'java',
    [
      '-Xmx256m',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-cp',
      [jar, compiledLauncher(jar)].join(delimiter),
      launcherClass,
      '-port',
      String(port),
      '-sharedDb',
      // no web page may call it: an allow-list whose one entry no browser sends as its Origin
      '-cors',
      noBrowserOrigin,
      '-disableTelemetry',
      ...storage,
    ],
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // if this process ends without stop() (killed, crashed), the JVM must not outlive it
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
