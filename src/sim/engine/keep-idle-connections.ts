/**
 * An on-device automation server (UiAutomator2's, WebDriverAgent) keeps an idle connection open, and Appium's
 * proxy reuses its sockets (a keep-alive agent). Node's default closes a connection after 5 s idle: a command
 * sent just then met a reset socket ("read ECONNRESET when running source" after the 5.6 s cold start of a
 * simulated session). The doubles keep them; they drop when the server quits or the device stops.
 */
import type { Server } from 'node:http';

export function keepIdleConnections(server: Server): void {
  server.keepAliveTimeout = 0;
}
