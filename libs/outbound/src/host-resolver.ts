import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  address: string;
  family: number;
}

// Name resolution of the guarded client: the system resolver (as any connect would use). A provider of
// its own so that tests can stand in for DNS, e.g. to rebind a name between registration and delivery.
@Injectable()
export class HostResolver {
  resolve(host: string): Promise<ResolvedAddress[]> {
    return lookup(host, { all: true, verbatim: true });
  }
}
