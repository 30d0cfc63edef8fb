/**
 * A dataset server for the browser tests: node:http on 127.0.0.1 (port 0),
 * serving files the test registers, slowly when asked, and recording every
 * request it saw. Nothing else answers; every response ends within
 * `MAX_RESPONSE_MS`, so a test that forgets a held download cannot hang.
 *
 * A served file is a plain mutable object: a test may change its pace, or
 * hold it at a byte count and let it go later (`holdAt = null`), while a
 * download is under way.
 */
import { createServer, type IncomingHttpHeaders, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  body: Uint8Array;
  contentType: string;
  /** Sends `Access-Control-Allow-Origin: *` (and exposes ETag). */
  cors: boolean;
  /** Answers CORS preflights (when `cors`); many servers that allow plain GETs do not. */
  preflight: boolean;
  etag?: string;
  lastModified?: string;
  /** Bytes per write, and the pause after each. */
  chunkBytes: number;
  delayMs: number;
  /** Stop sending once this many bytes are out, until set back to `null`. */
  holdAt: number | null;
  /** Take the request and never answer it, not even with headers (until `MAX_RESPONSE_MS`). */
  silent: boolean;
  /** Answer with a 302 to this URL (with the CORS headers, as Hugging Face's `resolve` does) instead of the body. */
  redirectTo?: string;
}

export interface ServedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
  bytesSent: number;
  /** The whole body went out. */
  finished: boolean;
  /** The client went away before the end. */
  aborted: boolean;
}

export interface DatasetServer {
  origin: string;
  url: (path: string) => string;
  /** Registers (or replaces) what `path` serves; returns the object to tune while it serves. */
  serve: (path: string, file: Partial<ServedFile> & Pick<ServedFile, 'body'>) => ServedFile;
  requests: ServedRequest[];
  /** The GET requests for `path` so far. */
  downloads: (path: string) => ServedRequest[];
  close: () => Promise<void>;
}

/** No response lasts longer than this; a held download is cut off then. */
export const MAX_RESPONSE_MS = 40_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function corsHeaders(file: ServedFile): Record<string, string> {
  return file.cors ? { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag, Last-Modified, Content-Length' } : {};
}

function isNotModified(file: ServedFile, headers: IncomingHttpHeaders): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined && file.etag !== undefined) {
    return ifNoneMatch.split(',').some((tag) => tag.trim() === file.etag);
  }
  const ifModifiedSince = headers['if-modified-since'];
  if (ifModifiedSince !== undefined && file.lastModified !== undefined) {
    return Date.parse(file.lastModified) <= Date.parse(ifModifiedSince);
  }
  return false;
}

/** Resolves when `response` can take more, or is gone. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

async function sendBody(file: ServedFile, response: ServerResponse, record: ServedRequest): Promise<void> {
  const deadline = Date.now() + MAX_RESPONSE_MS;
  const gone = () => record.aborted || response.destroyed || Date.now() > deadline;
  while (record.bytesSent < file.body.length && !gone()) {
    if (file.holdAt !== null && record.bytesSent >= file.holdAt) {
      await sleep(20);
      continue;
    }
    const end = Math.min(file.body.length, record.bytesSent + file.chunkBytes, file.holdAt ?? Number.POSITIVE_INFINITY);
    const chunk = file.body.subarray(record.bytesSent, end);
    record.bytesSent = end;
    if (!response.write(chunk)) await drained(response);
    if (file.delayMs > 0) await sleep(file.delayMs);
  }
  if (gone()) {
    response.destroy();
    return;
  }
  record.finished = true;
  await new Promise<void>((resolve) => response.end(resolve));
}

export interface DatasetServerOptions {
  /** Serve HTTPS with this key and certificate (PEM), for a stand-in of a real https host. */
  tls?: { key: string; cert: string };
  /** Listen on this port (default: any free one). */
  port?: number;
}

export async function startDatasetServer({ tls, port: wantedPort = 0 }: DatasetServerOptions = {}): Promise<DatasetServer> {
  const files = new Map<string, ServedFile>();
  const requests: ServedRequest[] = [];

  const handle: RequestListener = (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const record: ServedRequest = {
      method: request.method ?? 'GET',
      path,
      headers: request.headers,
      status: 0,
      bytesSent: 0,
      finished: false,
      aborted: false,
    };
    requests.push(record);
    response.on('close', () => {
      if (!record.finished) record.aborted = true;
    });
    const answer = (status: number, headers: Record<string, string>) => {
      record.status = status;
      response.writeHead(status, headers);
    };

    const file = files.get(path);
    if (!file) {
      answer(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
      response.end('not served here');
      record.finished = true;
      return;
    }
    if (record.method === 'OPTIONS') {
      if (file.cors && file.preflight) {
        answer(204, {
          ...corsHeaders(file),
          'access-control-allow-methods': 'GET, HEAD',
          'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
          'access-control-max-age': '0',
        });
      } else {
        answer(405, {});
      }
      response.end();
      record.finished = true;
      return;
    }
    if (file.redirectTo !== undefined && record.method === 'GET') {
      answer(302, { ...corsHeaders(file), location: file.redirectTo, 'cache-control': 'no-cache' });
      response.end();
      record.finished = true;
      return;
    }
    if (file.silent) {
      setTimeout(() => response.destroy(), MAX_RESPONSE_MS).unref();
      return;
    }
    const validators: Record<string, string> = {};
    if (file.etag !== undefined) validators.etag = file.etag;
    if (file.lastModified !== undefined) validators['last-modified'] = file.lastModified;
    if (isNotModified(file, request.headers)) {
      answer(304, { ...corsHeaders(file), ...validators, 'cache-control': 'no-cache' });
      response.end();
      record.finished = true;
      return;
    }
    answer(200, {
      ...corsHeaders(file),
      ...validators,
      'content-type': file.contentType,
      'content-length': String(file.body.length),
      'cache-control': 'no-cache',
    });
    if (record.method === 'HEAD') {
      response.end();
      record.finished = true;
      return;
    }
    void sendBody(file, response, record).catch(() => response.destroy());
  };
  const server = tls ? createTlsServer(tls, handle) : createServer(handle);
  server.requestTimeout = MAX_RESPONSE_MS;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    origin,
    url: (path) => `${origin}${path}`,
    serve(path, file) {
      const served: ServedFile = {
        contentType: 'application/octet-stream',
        cors: true,
        preflight: true,
        chunkBytes: 64 * 1024,
        delayMs: 0,
        holdAt: null,
        silent: false,
        ...file,
      };
      files.set(path, served);
      return served;
    },
    requests,
    downloads: (path) => requests.filter((request) => request.path === path && request.method === 'GET'),
    async close() {
      for (const file of files.values()) file.holdAt = null;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
