/** The run's own Appium server: the arguments it gets, and how the worker waits for it. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { appiumArgs, waitForAppium } from '../../src/runner/appium-process.js';
import { freePort } from '../../src/runner/ports.js';

void describe('appiumArgs', () => {
  void it('binds loopback on the run port, logs to the scratch file with timestamps (the console copy in <out>/logs shows when each command took its time), loads only the platform driver, and passes insecure features and log filters', () => {
    const args = appiumArgs({ port: 4723, logFile: '/s/appium.log', consoleFile: '/o/logs/appium.log', driver: 'uiautomator2', allowInsecure: ['uiautomator2:adb_shell'], logFiltersFile: '/s/f.json' });
    assert.deepEqual(args, ['--address', '127.0.0.1', '--port', '4723', '--log', '/s/appium.log', '--log-level', 'debug:error', '--log-timestamp', '--use-drivers', 'uiautomator2', '--allow-insecure', 'uiautomator2:adb_shell', '--log-filters', '/s/f.json']);
    assert.deepEqual(appiumArgs({ port: 1, logFile: 'l', consoleFile: 'c', driver: 'chromium' }), ['--address', '127.0.0.1', '--port', '1', '--log', 'l', '--log-level', 'debug:error', '--log-timestamp', '--use-drivers', 'chromium']);
  });
});

void describe('waitForAppium', () => {
  void it('waits until /status answers, then resolves', async () => {
    const port = await freePort();
    const started = Date.now();
    setTimeout(() => createServer((_, res) => res.end('{"value":{"ready":true}}')).listen(port, '127.0.0.1').unref(), 400);
    await waitForAppium(port, 5000);
    assert.ok(Date.now() - started >= 350);
  });

  void it('rejects with one sentence naming the port when nothing answers in time', async () => {
    const port = await freePort();
    await assert.rejects(waitForAppium(port, 300), (e: Error) => e.message.includes(String(port)) && !e.message.includes('\n'));
  });
});
