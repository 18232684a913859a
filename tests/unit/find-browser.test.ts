import { describe, expect, it } from 'vitest';
import { decide, type Machine } from '../../scripts/find-browser';

/** A made-up machine: which commands are on PATH, which files exist, who we are. */
function machine(options: {
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
  onPath?: Record<string, string>;
  files?: string[];
  canInstall?: 'root' | 'sudo' | false;
}): Machine {
  const files = new Set([...(options.files ?? []), ...Object.values(options.onPath ?? {})]);
  return {
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    which: (command) => options.onPath?.[command] ?? null,
    exists: (path) => files.has(path),
    canInstall: () => options.canInstall ?? false,
  };
}

describe('finding a browser', () => {
  it('CHROMIUM_PATH first, even with Chromium installed; a wrong one says so', () => {
    const onPath = { chromium: '/usr/bin/chromium' };
    expect(
      decide('chromium', machine({ env: { CHROMIUM_PATH: '/x/chrome' }, files: ['/x/chrome'], onPath })),
    ).toEqual({
      kind: 'found',
      path: '/x/chrome',
    });
    expect(decide('chromium', machine({ env: { CHROMIUM_PATH: '/x/none' }, onPath }))).toEqual({
      kind: 'missing',
      message: 'CHROMIUM_PATH is /x/none, but there is no file there.',
    });
  });

  it('finds Chrome, Edge or Brave where a person has one, Chromium preferred', () => {
    expect(decide('chromium', machine({ onPath: { 'google-chrome': '/usr/bin/google-chrome' } }))).toEqual({
      kind: 'found',
      path: '/usr/bin/google-chrome',
    });
    expect(
      decide('chromium', machine({ onPath: { 'google-chrome': '/g', chromium: '/usr/bin/chromium' } })),
    ).toEqual({ kind: 'found', path: '/usr/bin/chromium' });
    expect(decide('chromium', machine({ files: ['/opt/brave.com/brave/brave'] }))).toEqual({
      kind: 'found',
      path: '/opt/brave.com/brave/brave',
    });
    expect(
      decide(
        'chromium',
        machine({
          platform: 'darwin',
          files: ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
        }),
      ),
    ).toEqual({ kind: 'found', path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' });
    expect(
      decide(
        'chromium',
        machine({
          platform: 'win32',
          env: { PROGRAMFILES: 'C:\\Program Files' },
          files: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
        }),
      ),
    ).toEqual({ kind: 'found', path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' });
  });

  it('on Debian with none, installs Debian’s chromium as root or with sudo, saying so', () => {
    const apt = { 'apt-get': '/usr/bin/apt-get' };
    expect(decide('chromium', machine({ onPath: apt, canInstall: 'root' }))).toEqual({
      kind: 'install',
      commands: [
        ['apt-get', 'update', '-q'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
      ],
      say: "No Chromium, Chrome, Edge or Brave found: installing Debian's chromium (apt-get install -y --no-install-recommends chromium).",
    });
    const sudo = decide('firefox', machine({ onPath: apt, canInstall: 'sudo' }));
    expect(sudo.kind === 'install' && sudo.commands).toEqual([
      ['sudo', '-n', 'apt-get', 'update', '-q'],
      ['sudo', '-n', 'apt-get', 'install', '-y', '--no-install-recommends', 'firefox-esr'],
    ]);
  });

  it('otherwise gives the one command to run', () => {
    expect(decide('firefox', machine({ onPath: { 'apt-get': '/usr/bin/apt-get' } }))).toEqual({
      kind: 'missing',
      message:
        'No Firefox found. Install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends firefox-esr (or set FIREFOX_PATH).',
    });
    expect(decide('chromium', machine({ platform: 'darwin' }))).toEqual({
      kind: 'missing',
      message:
        'No Chromium, Chrome, Edge or Brave found. Install Chromium or Chrome, or set CHROMIUM_PATH to its program.',
    });
  });
});
