import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface StaticHost {
  /** Origin plus base path, e.g. `http://127.0.0.1:41234/news/`. */
  url: string;
  origin: string;
  stop(): Promise<void>;
}

export function nginxPath(): string {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].filter(Boolean) as string[];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error(
      'nginx was not found. Static-host tests serve the built site with a real nginx: install it with `sudo apt-get install nginx-light`, or set NGINX_PATH.',
    );
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port}:\n${log()}`);
}

export interface NginxOptions {
  /** Directives added to the server block, e.g. README's `add_header` lines. */
  serverDirectives?: string;
}

/**
 * Serves a built `dist/` with nginx on 127.0.0.1, at the site root or under `basePath`, the
 * way a deployer would: directory URLs, `404.html` for unknown paths, nothing else.
 */
export async function serveWithNginx(distDir: string, basePath = '/', options: NginxOptions = {}): Promise<StaticHost> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-'));
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  // The site root is a folder in which dist/ sits at the base path.
  const webRoot = path.join(prefix, 'www');
  const siteRoot = path.join(webRoot, base);
  fs.mkdirSync(path.dirname(siteRoot.replace(/\/$/, '')), { recursive: true });
  fs.symlinkSync(path.resolve(distDir), siteRoot.replace(/\/$/, ''));
  const port = await freePort();
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  const conf = `
${user}
worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  types { application/wasm wasm; application/manifest+json webmanifest; }
  default_type application/octet-stream;
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  gzip on;
  gzip_types text/css application/javascript application/json application/xml text/xml application/rss+xml application/ld+json image/svg+xml;
  server {
    listen 127.0.0.1:${port};
    root ${webRoot};
    disable_symlinks off;
    absolute_redirect off;
    index index.html;
    error_page 404 ${base}404.html;
    ${options.serverDirectives ?? ''}
    location / { try_files $uri $uri/ =404; }
  }
}
`;
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  const child = spawn(nginxPath(), ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: 'ignore' });
  const log = () =>
    fs.existsSync(path.join(prefix, 'error.log')) ? fs.readFileSync(path.join(prefix, 'error.log'), 'utf8') : '';
  await waitForPort(port, child, log);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(prefix, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGQUIT');
      }),
  };
}
