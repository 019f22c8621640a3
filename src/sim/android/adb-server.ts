/**
 * The device process's local endpoint for the `adb` script: `POST /adb` answers a finished command (body:
 * stdout; status 200 + exit code; `x-adb-stderr`: stderr on one line), `POST /stream` streams a long-running
 * one (logcat, am instrument) until the script is killed and the connection closes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runAdb } from './adb-commands.js';
import type { SimAndroid } from './sim-android.js';

async function readArgs(req: http.IncomingMessage): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8')).getAll('a');
}

async function handle(sim: SimAndroid, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const args = await readArgs(req);
  const result = await runAdb(sim, args).catch((error: unknown) => ({ kind: 'buffered' as const, stdout: '', stderr: `error: ${error instanceof Error ? error.message : String(error)}`, code: 1 }));
  if (result.kind === 'buffered') {
    const stderr = (result.stderr ?? '').replace(/[\r\n]+/g, ' ').trim();
    res.writeHead(200 + Math.min(99, Math.max(0, result.code)), {
      'content-type': 'application/octet-stream',
      ...(stderr ? { 'x-adb-stderr': stderr.replace(/[^\x20-\x7e]/g, '?') } : {}),
    });
    res.end(result.stdout);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  res.flushHeaders();
  let open = true;
  const stop = result.start({
    write: (chunk) => {
      if (open) res.write(chunk);
    },
    end: () => {
      if (open) res.end();
      open = false;
    },
  });
  res.on('close', () => {
    open = false;
    stop();
  });
}

/** Starts the endpoint on a free loopback port; resolves with its URL and a close function. */
export async function startAdbServer(sim: SimAndroid): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    void handle(sim, req, res);
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
