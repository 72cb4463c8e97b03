import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { AppConfig } from '@rl/config';
import { isAllowedAddress } from './address-policy';
import { HostResolver } from './host-resolver';
import { guardedConnector } from './guarded-connector';
import { categorise, OutboundFailure } from './outbound-failure';
import { isLiteralAddress, parseTarget, targetOrThrow } from './outbound-url';

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  // How much of the response body is read; the rest is never read (default 4 KiB).
  maxBodyBytes?: number;
}

export type OutboundResult =
  { kind: 'response'; status: number; body: Buffer } | { kind: 'failed'; failure: OutboundFailure };

const DEFAULT_BODY_BYTES = 4_096;
const REFUSED_HOST =
  'must have a host that resolves to a public address (not loopback, private, link-local or other internal)';

// The one HTTP client for calls out of the platform (webhooks, later imports from other servers). It
// refuses internal addresses where it counts, at connect time: a resolved name is checked before the
// socket opens, a literal address too, and the address actually connected to before anything is sent
// (so DNS rebinding between a check and the connect gains nothing). Redirects are never followed.
@Injectable()
export class OutboundHttp implements OnModuleDestroy {
  private readonly agent: Agent;

  constructor(
    private readonly config: AppConfig,
    private readonly resolver: HostResolver,
  ) {
    const { timeoutMs } = config.outbound;
    this.agent = new Agent({
      connect: guardedConnector((address) => this.allowed(address), resolver, timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connections: 8,
    });
  }

  async send(outbound: OutboundRequest): Promise<OutboundResult> {
    try {
      const { url } = targetOrThrow(outbound.url, this.config.outbound);
      const response = await request(url, {
        dispatcher: this.agent,
        method: outbound.method,
        headers: outbound.headers,
        body: outbound.body,
        signal: AbortSignal.timeout(2 * this.config.outbound.timeoutMs),
      });
      const body = await readStart(response.body, outbound.maxBodyBytes ?? DEFAULT_BODY_BYTES);
      return { kind: 'response', status: response.statusCode, body };
    } catch (error) {
      return { kind: 'failed', failure: categorise(error) };
    }
  }

  // Why a URL may not be registered as a target, or null. A courtesy to whoever registers it (the
  // name may resolve elsewhere later): the connect-time check in `send` is the guard.
  async refusal(raw: string): Promise<string | null> {
    const target = parseTarget(raw, this.config.outbound);
    if (typeof target === 'string') return target;
    let addresses: string[] = [];
    try {
      addresses = isLiteralAddress(target.host) ? [target.host] : await this.resolve(target.host);
    } catch {
      // One answer for both: which internal names exist is not for a caller to learn.
    }
    const usable = addresses.length > 0 && addresses.every((address) => this.allowed(address));
    return usable ? null : REFUSED_HOST;
  }

  onModuleDestroy(): Promise<void> {
    return this.agent.close();
  }

  private allowed(address: string): boolean {
    return isAllowedAddress(address, this.config.outbound.allowPrivate);
  }

  private async resolve(host: string): Promise<string[]> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('DNS timeout')), this.config.outbound.timeoutMs);
    });
    try {
      const addresses = await Promise.race([this.resolver.resolve(host), deadline]);
      return addresses.map((a) => a.address);
    } finally {
      clearTimeout(timer);
    }
  }
}

// The first `maxBytes` of a body; the rest is left unread and the stream destroyed.
async function readStart(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    if (maxBytes > 0) {
      for await (const chunk of body) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size >= maxBytes) break;
      }
    }
  } catch {
    // A body cut short (timeout, reset) still leaves the status, which is the answer.
  } finally {
    // Destroying an unfinished body emits an abort error: expected here, not a failure.
    body.on('error', () => undefined).destroy();
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}
