import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// A real HTTP receiver on 127.0.0.1: one path per endpoint, each answering with a status the test sets.
// It counts TCP connections too, so a test can show that a refused target was never even connected to.
export class Receiver {
  readonly requests: Received[] = [];
  readonly answers = new Map<string, { status: number; body: string }>();
  connections = 0;
  private server!: Server;

  static async start(): Promise<Receiver> {
    const receiver = new Receiver();
    receiver.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '';
        receiver.requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const answer = receiver.answers.get(path) ?? { status: 204, body: '' };
        res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
      });
    });
    receiver.server.on('connection', () => receiver.connections++);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string): Received[] {
    return this.requests.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
