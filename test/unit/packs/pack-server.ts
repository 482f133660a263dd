import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Pack } from '../../../lib/model';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface PackServer {
  origin: string;
  url(path: string): string;
  /** Every request seen, for asserting conditional headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** Replaces the routes (each test sets its own). */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 (random port): every connection is destroyed on close, so tests stay bounded. */
export async function startPackServer(): Promise<PackServer> {
  const routes = new Map<string, Handler>();
  const sockets = new Set<Socket>();
  const requests: PackServer['requests'] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Serves fixed bytes with an ETag and Last-Modified, answering 304 to matching validators. */
export function serveStatic(
  body: string | Uint8Array,
  { type = 'application/json', etag, lastModified }: { type?: string; etag?: string; lastModified?: string } = {},
): Handler {
  return (request, response) => {
    const fresh =
      (etag !== undefined && request.headers['if-none-match'] === etag) ||
      (etag === undefined && lastModified !== undefined && request.headers['if-modified-since'] === lastModified);
    const headers: Record<string, string> = { 'content-type': type };
    if (etag) headers.etag = etag;
    if (lastModified) headers['last-modified'] = lastModified;
    if (fresh) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, headers);
    response.end(body);
  };
}

export function samplePack(overrides: Partial<Pack> = {}, templateCount = 2): Pack {
  return {
    format: 'sufler-pack',
    formatVersion: 1,
    id: 'team',
    name: 'Команда поддержки',
    version: '1',
    description: '',
    locale: 'ru',
    templates: Array.from({ length: templateCount }, (_, i) => ({
      id: `t${i + 1}`,
      title: `Шаблон ${i + 1}`,
      body: `Здравствуйте, [Имя]! Ответ номер ${i + 1}.`,
      tags: ['общее'],
      category: 'Общее',
    })),
    rules: [],
    policy: {},
    ...overrides,
  };
}
