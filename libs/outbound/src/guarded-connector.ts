import { LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { HostResolver } from './host-resolver';
import { OutboundRefusedError } from './outbound-failure';
import { bareHost, isLiteralAddress } from './outbound-url';

// undici's connector (a plain socket, or TLS) given a DNS lookup of its own.
export type BaseConnector = (lookup: LookupFunction) => buildConnector.connector;

const undiciConnector =
  (timeoutMs: number): BaseConnector =>
  (lookup) =>
    buildConnector({ timeout: timeoutMs, lookup });

// Opens sockets only to allowed addresses, checked three times: a literal host before connecting,
// every address a name resolves to before connecting, and the address the socket actually reached
// before anything is sent (what counts, whatever a resolver said a moment earlier).
export function guardedConnector(
  allowed: (address: string) => boolean,
  resolver: HostResolver,
  timeoutMs: number,
  base: BaseConnector = undiciConnector(timeoutMs),
): buildConnector.connector {
  // Every address must be allowed: with a mix, the connect could pick the bad one.
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolver.resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        } else if (!addresses.every((a) => allowed(a.address))) {
          callback(new OutboundRefusedError('blocked_address'), '');
        } else if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
  const connect = base(lookup);
  return (options, callback) => {
    const host = bareHost(options.hostname);
    if (isLiteralAddress(host) && !allowed(host)) {
      callback(new OutboundRefusedError('blocked_address'), null);
      return;
    }
    connect(options, (error, socket) => {
      if (error !== null) return callback(error, null);
      const remote = socket.remoteAddress;
      if (remote === undefined || !allowed(remote)) {
        socket.destroy();
        return callback(new OutboundRefusedError('blocked_address'), null);
      }
      callback(null, socket);
    });
  };
}
