/**
 * Port forwards between host and device (`adb forward`/`reverse`; hdc's `fport`/`rport` work the same way). A forward opens its host listener only when the command arrives (the driver
 * refuses a host port that is already listening) and hands each connection to whatever listens on the device
 * port; a connection to a device port nobody listens on is closed at once, as adbd does. A reverse makes a
 * host port reachable from the device's loopback (how a lab proxy set by `settings put global http_proxy
 * 127.0.0.1:PORT` is reached).
 */
import net from 'node:net';
import type { Server as HttpServer } from 'node:http';

interface Forward {
  local: string;
  remote: string;
  server: net.Server;
}

/** Something that can tell whether the device listens on a port. */
export interface DevicePorts {
  deviceListener(port: number): HttpServer | undefined;
}

/** The forward/reverse tables of one device. */
export class PortTable {
  private readonly forwards = new Map<number, Forward>();
  private readonly reverses = new Map<string, string>();
  /** Open connections handed to a device listener, with the device port each reached. */
  private readonly connections = new Map<net.Socket, number>();

  constructor(private readonly device: DevicePorts) {}

  /** `adb forward tcp:L tcp:R`: listens on host port L. Rejects when L is taken. */
  async forward(local: string, remote: string): Promise<void> {
    const hostPort = tcpPort(local);
    tcpPort(remote); // rejects a spec adb would refuse, before anything listens
    const existing = this.forwards.get(hostPort);
    if (existing) {
      existing.remote = remote;
      return;
    }
    const entry: Forward = { local, remote, server: net.createServer((socket) => this.connect(socket, tcpPort(entry.remote))) };
    await new Promise<void>((resolve, reject) => {
      entry.server.once('error', reject);
      entry.server.listen(hostPort, '127.0.0.1', () => resolve());
    });
    this.forwards.set(hostPort, entry);
  }

  /** Hands a forwarded connection to what listens on the device port, or closes it at once (nobody listens). */
  private connect(socket: net.Socket, devicePort: number): void {
    const listener = this.device.deviceListener(devicePort);
    if (!listener) {
      socket.destroy();
      return;
    }
    this.connections.set(socket, devicePort);
    socket.once('close', () => this.connections.delete(socket));
    listener.emit('connection', socket);
  }

  /**
   * The process listening on a device port quit: its connections drop, as the device's TCP stack resets them.
   * (A server that was handed its connections never listened, so Node's `closeAllConnections` does not see them.)
   */
  dropConnections(devicePort: number): void {
    for (const [socket, port] of this.connections) if (port === devicePort) socket.destroy();
  }

  /**
   * `adb forward --remove tcp:L`; false when there was no such forward. As adb does, it stops listening and
   * answers at once: connections already made stay with the device side until their ends close them (waiting
   * for them cost every simulated UiAutomator2 session 5.6 s at its end, the keep-alive of Appium's proxy).
   */
  async removeForward(local: string): Promise<boolean> {
    const port = tcpPort(local);
    const fwd = this.forwards.get(port);
    if (!fwd) return false;
    this.forwards.delete(port);
    await stopListening(fwd.server);
    return true;
  }

  /** `adb forward --list` lines. */
  listForwards(serial: string): string {
    return [...this.forwards.values()].map((f) => `${serial} ${f.local} ${f.remote}\n`).join('');
  }

  /** `adb reverse tcp:R tcp:L`. */
  reverse(remote: string, local: string): void {
    this.reverses.set(remote, local);
  }

  /** `adb reverse --remove tcp:R`. */
  removeReverse(remote: string): boolean {
    return this.reverses.delete(remote);
  }

  /** `adb reverse --remove-all`. */
  removeAllReverses(): void {
    this.reverses.clear();
  }

  /** `adb reverse --list` lines. */
  listReverses(): string {
    return [...this.reverses].map(([r, l]) => `UsbFfs ${r} ${l}\n`).join('');
  }

  /**
   * Where a device-side proxy address leads from this host: a loopback address only through a reverse (null:
   * nothing listens there on the device), any other address as it is.
   */
  resolveProxy(deviceAddress: string): string | null {
    const m = /^(.+):(\d+)$/.exec(deviceAddress);
    if (!m) return null;
    if (!['127.0.0.1', 'localhost', '::1'].includes(m[1]!)) return deviceAddress;
    const local = this.reverses.get(`tcp:${m[2]}`);
    return local ? `127.0.0.1:${tcpPort(local)}` : null;
  }

  /** Closes every forward listener. */
  async closeAll(): Promise<void> {
    const servers = [...this.forwards.values()].map((f) => f.server);
    for (const socket of this.connections.keys()) socket.destroy();
    this.forwards.clear();
    this.reverses.clear();
    await Promise.all(servers.map(closeServer));
  }
}

/** `tcp:8200` → 8200; throws on anything else. */
export function tcpPort(spec: string): number {
  const m = /^tcp:(\d+)$/.exec(spec);
  if (!m) throw new Error(`error: cannot bind listener: unsupported socket spec '${spec}'`);
  return Number(m[1]);
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Closes the listener and resolves once the port is free, without waiting for its open connections. */
function stopListening(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close();
    setImmediate(resolve);
  });
}
