import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One response: the HTML in chunks, one chunk every `intervalMs` (a page streaming in over the network). */
export interface Streamed {
  chunks: string[];
  intervalMs: number;
}

/** Splits HTML into `count` chunks of about equal size. */
export function chunked(html: string, count: number, totalMs: number): Streamed {
  const size = Math.ceil(html.length / count);
  const chunks = Array.from({ length: count }, (_, i) => html.slice(i * size, (i + 1) * size)).filter(
    Boolean,
  );
  return { chunks, intervalMs: Math.round(totalMs / chunks.length) };
}

/** A throw-away self-signed key and certificate for a local HTTPS server (Chromium is told to ignore it). */
export function selfSignedTls(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'tagveil-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=tagveil-test',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const tls = { key: readFileSync(key), cert: readFileSync(cert) };
  rmSync(dir, { recursive: true, force: true });
  return tls;
}

/**
 * A local HTTPS server that answers for every host (Chromium maps them all to 127.0.0.1 with
 * --host-resolver-rules), so a page streams in at its real https:// address. Port 443: the real
 * sites' port, which needs root (as on CI and the development machines).
 */
export async function startSiteServer(routes: (url: URL) => Streamed | null): Promise<{ close(): void }> {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(selfSignedTls(), (req, res) => {
    const page = routes(new URL(req.url ?? '/', `https://${req.headers.host}`));
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    let i = 0;
    const next = () => {
      const chunk = page.chunks[i++];
      if (chunk === undefined) {
        res.end();
        return;
      }
      res.write(chunk);
      const timer = setTimeout(next, page.intervalMs);
      timers.add(timer);
    };
    next();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, '127.0.0.1', resolve);
  });
  return {
    close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Chromium flags that send every host to the local server above. */
export const LOCAL_SITE_ARGS = ['--host-resolver-rules=MAP * 127.0.0.1', '--ignore-certificate-errors'];
