/**
 * The device process's local endpoint for the `hdc` script: `POST /hdc` with the arguments, each ended by a NUL
 * byte (the script writes the request itself, without curl), answers hdc's output.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runHdc } from './hdc-commands.js';
import type { SimHarmony } from './sim-harmonyos.js';

/** The arguments of a request body: each one ended by a NUL byte. */
export function nullSeparatedArgs(body: Buffer): string[] {
  const args = body.toString('utf8').split('\0');
  args.pop();
  return args;
}

async function readArgs(req: http.IncomingMessage): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return nullSeparatedArgs(Buffer.concat(chunks));
}

/** Starts the endpoint on a free loopback port; resolves with its URL and a close function. */
export async function startHdcServer(sim: SimHarmony): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    void readArgs(req)
      .then((args) => runHdc(sim, args))
      .catch((error: unknown) => `[Fail]${error instanceof Error ? error.message : String(error)}\n`)
      .then((text) => {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(text);
      });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
