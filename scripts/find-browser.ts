/**
 * Finding a browser for `npm start` and the end-to-end tests: the one the user names (CHROMIUM_PATH,
 * FIREFOX_PATH), else one installed where browsers are installed; on a Debian machine with none where
 * packages can be installed (root, or sudo without a password), Debian's own package, installed in one
 * step that says so; otherwise a message with the one command to run. The decision is pure (`decide`,
 * tested with a made-up machine in tests/unit/find-browser.test.ts); `findBrowser` runs it for real.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';

/** What the decision needs to know about the machine. */
export interface Machine {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** The full path of a command on PATH, or null. */
  which(command: string): string | null;
  exists(path: string): boolean;
  /** Debian's packages can be installed: apt-get is there and we are root or have sudo without a password. */
  canInstall(): 'root' | 'sudo' | false;
}

export type Decision =
  | { kind: 'found'; path: string }
  | { kind: 'install'; commands: string[][]; say: string }
  | { kind: 'missing'; message: string };

interface Spec {
  envVar: string;
  /** Commands on PATH, most preferred first. */
  commands: string[];
  /** Where each platform installs it when it is not on PATH. */
  paths: Partial<Record<NodeJS.Platform, string[]>>;
  debianPackage: string;
  names: string;
}

const PROGRAM_FILES = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'];

const SPECS: Record<BrowserKind, Spec> = {
  // Chromium first: Google's own Chrome ignores --load-extension from version 137 on unless told not to
  // (CHROMIUM_ARGS), and Chromium is what the tests were made on.
  chromium: {
    envVar: 'CHROMIUM_PATH',
    commands: [
      'chromium',
      'chromium-browser',
      'google-chrome',
      'google-chrome-stable',
      'microsoft-edge',
      'microsoft-edge-stable',
      'brave-browser',
      'brave',
    ],
    paths: {
      linux: [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/opt/google/chrome/chrome',
        '/opt/microsoft/msedge/msedge',
        '/opt/brave.com/brave/brave',
      ],
      darwin: [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
      ],
      win32: [
        'Chromium\\Application\\chrome.exe',
        'Google\\Chrome\\Application\\chrome.exe',
        'Microsoft\\Edge\\Application\\msedge.exe',
        'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
      ],
    },
    debianPackage: 'chromium',
    names: 'Chromium, Chrome, Edge or Brave',
  },
  firefox: {
    envVar: 'FIREFOX_PATH',
    commands: ['firefox-esr', 'firefox'],
    paths: {
      linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox'],
      darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox'],
      win32: ['Mozilla Firefox\\firefox.exe'],
    },
    debianPackage: 'firefox-esr',
    names: 'Firefox',
  },
};

function candidates(spec: Spec, machine: Machine): string[] {
  const paths = spec.paths[machine.platform] ?? [];
  if (machine.platform !== 'win32') return paths;
  const roots = PROGRAM_FILES.map((v) => machine.env[v]).filter((r): r is string => Boolean(r));
  return roots.flatMap((root) => paths.map((p) => `${root}\\${p}`));
}

/** Which browser to use, or how to get one. */
export function decide(kind: BrowserKind, machine: Machine): Decision {
  const spec = SPECS[kind];
  const named = machine.env[spec.envVar];
  if (named) {
    if (machine.exists(named)) return { kind: 'found', path: named };
    return { kind: 'missing', message: `${spec.envVar} is ${named}, but there is no file there.` };
  }
  for (const command of spec.commands) {
    const path = machine.which(command);
    if (path) return { kind: 'found', path };
  }
  const installed = candidates(spec, machine).find((p) => machine.exists(p));
  if (installed) return { kind: 'found', path: installed };
  const apt = machine.platform === 'linux' && machine.which('apt-get') !== null;
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', spec.debianPackage];
  if (apt) {
    const how = machine.canInstall();
    if (how) {
      const sudo = how === 'sudo' ? ['sudo', '-n'] : [];
      return {
        kind: 'install',
        commands: [
          [...sudo, 'apt-get', 'update', '-q'],
          [...sudo, ...install],
        ],
        say: `No ${spec.names} found: installing Debian's ${spec.debianPackage} (${[...sudo, ...install].join(' ')}).`,
      };
    }
    return {
      kind: 'missing',
      message: `No ${spec.names} found. Install it with: sudo apt-get update && sudo ${install.join(' ')} (or set ${spec.envVar}).`,
    };
  }
  return {
    kind: 'missing',
    message: `No ${spec.names} found. Install ${kind === 'chromium' ? 'Chromium or Chrome' : 'Firefox'}, or set ${spec.envVar} to its program.`,
  };
}

function which(command: string, env: NodeJS.ProcessEnv): string | null {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const ext of exts) {
      const path = join(dir, command + ext);
      if (dir && existsSync(path)) return path;
    }
  }
  return null;
}

function runs(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const THIS_MACHINE: Machine = {
  env: process.env,
  platform: process.platform,
  which: (command) => which(command, process.env),
  exists: existsSync,
  canInstall: () => {
    if (process.getuid?.() === 0) return 'root';
    return which('sudo', process.env) && runs('sudo', ['-n', 'true']) ? 'sudo' : false;
  },
};

/** The browser's program; installs Debian's package first where it may (saying so), else throws the way to get one. */
export function findBrowser(kind: BrowserKind, machine: Machine = THIS_MACHINE): string {
  const decision = decide(kind, machine);
  if (decision.kind === 'found') return decision.path;
  if (decision.kind === 'missing') throw new Error(decision.message);
  console.log(decision.say);
  for (const [command, ...args] of decision.commands) {
    execFileSync(command as string, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const after = decide(kind, machine);
  if (after.kind !== 'found') throw new Error(`Installed, but still no ${SPECS[kind].names} found.`);
  return after.path;
}
