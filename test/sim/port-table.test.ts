/** The simulated device's forward table: `adb forward --remove` as adb answers it. */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { describe, it } from 'node:test';
import { PortTable } from '../../src/sim/engine/port-table.js';
import { freePort } from '../../src/runner/ports.js';

void describe('PortTable forwards', () => {
  void it('removes a forward at once while a keep-alive connection through it is open, and frees the host port', async () => {
    const device = http.createServer((_req, res) => res.end('ok'));
    device.keepAliveTimeout = 60_000;
    const table = new PortTable({ deviceListener: (port) => (port === 6790 ? device : undefined) });
    const hostPort = await freePort();
    await table.forward(`tcp:${hostPort}`, 'tcp:6790');
    const agent = new http.Agent({ keepAlive: true });
    const body = await new Promise<string>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: hostPort, agent }, (res) => {
        let data = '';
        res.on('data', (d: Buffer) => (data += d.toString()));
        res.on('end', () => resolve(data));
      }).on('error', reject);
    });
    assert.equal(body, 'ok');

    const started = Date.now();
    assert.equal(await table.removeForward(`tcp:${hostPort}`), true);
    assert.ok(Date.now() - started < 1000, `answered in ${Date.now() - started} ms, not after the connection's keep-alive`);
    assert.equal(await table.removeForward(`tcp:${hostPort}`), false, 'the forward is gone');
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(hostPort, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(false); });
      socket.once('error', () => resolve(true));
    });
    assert.ok(refused, 'nothing listens on the host port any more');
    agent.destroy();
    device.closeAllConnections();
    await table.closeAll();
  });

  void it('drops the connections to a device port when its server quits, and closes with an idle connection open', async () => {
    const device = http.createServer((_req, res) => res.end('ok'));
    device.keepAliveTimeout = 0; // the on-device server keeps idle connections (keep-idle-connections.ts)
    const table = new PortTable({ deviceListener: (port) => (port === 6790 ? device : undefined) });
    const hostPort = await freePort();
    await table.forward(`tcp:${hostPort}`, 'tcp:6790');
    const agent = new http.Agent({ keepAlive: true });
    await get(hostPort, agent);
    const [socket] = Object.values(agent.freeSockets).flat();
    assert.ok(socket, 'the agent keeps the connection');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    table.dropConnections(6791);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(socket.destroyed, false, 'a connection to another device port stays');
    table.dropConnections(6790);
    await closed;

    await get(hostPort, agent);
    const started = Date.now();
    await table.closeAll();
    assert.ok(Date.now() - started < 1000, `closed in ${Date.now() - started} ms with a keep-alive connection open`);
    agent.destroy();
  });

  void it('hands new connections of a re-pointed forward to the new device port', async () => {
    const first = http.createServer((_req, res) => res.end('first'));
    const second = http.createServer((_req, res) => res.end('second'));
    const table = new PortTable({ deviceListener: (port) => (port === 6790 ? first : port === 6791 ? second : undefined) });
    const hostPort = await freePort();
    await table.forward(`tcp:${hostPort}`, 'tcp:6790');
    assert.equal(await get(hostPort), 'first');
    await table.forward(`tcp:${hostPort}`, 'tcp:6791');
    assert.equal(await get(hostPort), 'second');
    await table.closeAll();
  });
});

function get(port: number, agent: http.Agent | false = false): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, agent }, (res) => {
      let data = '';
      res.on('data', (d: Buffer) => (data += d.toString()));
      res.on('end', () => resolve(data));
    }).on('error', reject);
  });
}
