/** Loopback ports: a free one for each server of the run, or a clear error for a taken one. */
import { createServer } from 'node:net';
import { AuditError } from '../core/errors.js';

/** Resolves to a port the OS says is free on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Throws port-in-use when `port` cannot be bound on 127.0.0.1. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new AuditError('port-in-use', `Port ${port} for ${what} is already in use on 127.0.0.1; stop the process using it or choose another port (omit the option to pick a free one).`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
