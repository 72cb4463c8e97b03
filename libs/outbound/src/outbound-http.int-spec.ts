import { createServer, Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { AppConfig, loadConfig } from '@rl/config';
import { isPublicAddress } from './address-policy';
import { guardedConnector } from './guarded-connector';
import { HostResolver, ResolvedAddress } from './host-resolver';
import { OutboundHttp } from './outbound-http';

// DNS as the test says: each name answers the next entry of its list (the last one repeats); an entry
// may list several addresses, comma-separated.
class ScriptedResolver extends HostResolver {
  readonly script = new Map<string, string[]>();
  override resolve(host: string): Promise<ResolvedAddress[]> {
    const answers = this.script.get(host);
    if (!answers) return super.resolve(host);
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    return Promise.resolve(
      answer.split(',').map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  }
}

// A real server on 127.0.0.1 that counts TCP connections as well as requests.
async function startServer(handler: Parameters<typeof createServer>[1]) {
  const counts = { connections: 0, requests: [] as string[] };
  const server: Server = createServer((req, res) => {
    counts.requests.push(req.url ?? '');
    handler!(req, res);
  });
  server.on('connection', () => counts.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { counts, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('OutboundHttp against real sockets', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const clients: OutboundHttp[] = [];
  const client = (
    allowPrivate: boolean,
    resolver = new ScriptedResolver(),
    patch: Partial<AppConfig> = {},
  ) => {
    const config = loadConfig({
      NODE_ENV: 'test',
      WEBHOOK_ALLOW_PRIVATE: String(allowPrivate),
      OUTBOUND_TIMEOUT_MS: '300',
    });
    const http = new OutboundHttp({ ...config, ...patch }, resolver);
    clients.push(http);
    return http;
  };
  const post = (http: OutboundHttp, url: string) => http.send({ method: 'POST', url, body: '{"a":1}' });

  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/big') res.writeHead(500).end('x'.repeat(100_000));
      else if (req.url === '/redirect') res.writeHead(302, { location: '/target' }).end();
      else if (req.url === '/silent')
        return; // never answers
      else res.writeHead(204).end();
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.onModuleDestroy()));
    await server.close();
  });

  it('delivers to a local receiver when private targets are allowed, reading at most 4 KiB', async () => {
    const http = client(true);
    expect(await post(http, `http://127.0.0.1:${server.port}/ok`)).toEqual({
      kind: 'response',
      status: 204,
      body: Buffer.alloc(0),
    });
    const big = await post(http, `http://127.0.0.1:${server.port}/big`);
    expect(big.kind === 'response' && big.status).toBe(500);
    expect(big.kind === 'response' && big.body.length).toBe(4_096);
    // Webhooks read none of it: only the status counts.
    const unread = await http.send({
      method: 'GET',
      url: `http://127.0.0.1:${server.port}/big`,
      maxBodyBytes: 0,
    });
    expect(unread).toEqual({ kind: 'response', status: 500, body: Buffer.alloc(0) });
  });

  it('does not follow redirects', async () => {
    const result = await post(client(true), `http://127.0.0.1:${server.port}/redirect`);
    expect(result).toEqual(expect.objectContaining({ kind: 'response', status: 302 }));
    expect(server.counts.requests).not.toContain('/target');
  });

  it('names failures by category: refused, timeout, tls, invalid_url', async () => {
    const http = client(true);
    const closed = await startServer(() => undefined);
    await closed.close();
    expect(await post(http, `http://127.0.0.1:${closed.port}/`)).toEqual({
      kind: 'failed',
      failure: 'refused',
    });
    const started = Date.now();
    expect(await post(http, `http://127.0.0.1:${server.port}/silent`)).toEqual({
      kind: 'failed',
      failure: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await post(http, `https://127.0.0.1:${server.port}/ok`)).toEqual({
      kind: 'failed',
      failure: 'tls',
    });
    expect(await post(http, `ftp://127.0.0.1:${server.port}/`)).toEqual({
      kind: 'failed',
      failure: 'invalid_url',
    });
    const httpsOnly = client(true, undefined, {
      outbound: { allowPrivate: true, httpsOnly: true, timeoutMs: 300 },
    });
    expect(await post(httpsOnly, `http://127.0.0.1:${server.port}/ok`)).toEqual({
      kind: 'failed',
      failure: 'invalid_url',
    });
  });

  it('refuses loopback literals and names that resolve to it, without opening a connection', async () => {
    const http = client(false);
    const before = server.counts.connections;
    for (const url of [
      `http://127.0.0.1:${server.port}/ok`,
      `http://[::ffff:127.0.0.1]:${server.port}/ok`,
      `http://2130706433:${server.port}/ok`,
      `http://0177.0.0.1:${server.port}/ok`,
      `http://localhost:${server.port}/ok`,
      `http://[::1]:${server.port}/ok`,
      `http://0.0.0.0:${server.port}/ok`,
    ]) {
      expect([url, await post(http, url)]).toEqual([url, { kind: 'failed', failure: 'blocked_address' }]);
      expect(await http.refusal(url)).toMatch(/public address/);
    }
    expect(server.counts.connections).toBe(before);
  });

  it('checks the address at connect time: a name rebound to loopback after registration is refused', async () => {
    const resolver = new ScriptedResolver();
    resolver.script.set('hooks.rebind.test', ['93.184.215.14', '127.0.0.1']);
    const http = client(false, resolver);
    const url = `http://hooks.rebind.test:${server.port}/ok`;
    expect(await http.refusal(url)).toBeNull();
    const before = server.counts.connections;
    expect(await post(http, url)).toEqual({ kind: 'failed', failure: 'blocked_address' });
    expect(server.counts.connections).toBe(before);

    // One bad address among good ones is enough to refuse.
    resolver.script.set('mixed.rebind.test', ['93.184.215.14,127.0.0.1']);
    expect(await http.refusal(`https://mixed.rebind.test/`)).toMatch(/public address/);
    // A name that does not resolve gets the same answer: no oracle for internal names.
    expect(await http.refusal('https://nowhere.invalid/')).toBe(
      await http.refusal(`https://mixed.rebind.test/`),
    );
    expect(await http.refusal('https://user:pw@example.org/')).toBe('must not contain credentials');
  });

  it('checks the address a socket actually reached, even when the lookup said otherwise', async () => {
    const resolver = new ScriptedResolver();
    resolver.script.set('lying.rebind.test', ['93.184.215.14']);
    // A connect path that asks the guarded lookup, then lands on 127.0.0.1 regardless (as a rebind
    // between the lookup and the connect, or a hosts file, would).
    const connector = guardedConnector(isPublicAddress, resolver, 300, (lookup) => (options, callback) => {
      lookup(options.hostname, {}, (error) => {
        if (error) return callback(error, null);
        const socket = connect(server.port, '127.0.0.1', () => callback(null, socket));
      });
    });
    const before = { ...server.counts, requests: server.counts.requests.length };
    const outcome = await new Promise<unknown>((resolve) =>
      connector(
        { hostname: 'lying.rebind.test', protocol: 'http:', port: String(server.port) },
        (...args) => {
          args[1]?.destroy(); // only if it (wrongly) handed the socket over
          resolve(args[0]);
        },
      ),
    );
    expect(outcome).toEqual(expect.objectContaining({ failure: 'blocked_address' }));
    // It connected (that is how it found out) and sent nothing.
    expect(server.counts.connections).toBe(before.connections + 1);
    expect(server.counts.requests).toHaveLength(before.requests);
  });
});
