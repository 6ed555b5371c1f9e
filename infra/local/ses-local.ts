import type { AddressInfo } from 'node:net';
import sesEmulator from 'aws-ses-v2-local';
import { freePort } from './free-port';

export interface SesLocal {
  endpoint: string;
  stop(): Promise<void>;
}

// a CommonJS module: under Node's ESM loader its default export sits one level down
const startSesEmulator = (sesEmulator as unknown as { default?: typeof sesEmulator }).default ?? sesEmulator;

/** The SES v2 emulator (aws-ses-v2-local), in process: mail is kept in memory and readable at /store. */
export async function startSesLocal(options: { port?: number } = {}): Promise<SesLocal> {
  const server = await startSesEmulator({ host: '127.0.0.1', port: options.port || (await freePort()) });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
