import type { Type } from '@nestjs/common';
import type { Request } from 'express';
import type { ReadStamp } from './public-surface';

// Which cities' read models an answer is read from: the `:city` of the path, or every city.
export type StampScope = { city: string } | 'all';

// Port: where named projections stand (libs/projections reads their checkpoints). null: no such city.
export abstract class ReadStamps {
  abstract of(scope: StampScope, projections: readonly string[]): Promise<ReadStamp | null>;
}

// A read model that is not a projection (recomputed by a job, say) but that the answer also depends on.
export interface ExtraReadStamp {
  of(req: Request): Promise<ReadStamp>;
}

export interface PublicReadOptions {
  // The projections the answer reads (its city's, or every city's with cities: 'all'). None: the answer
  // reads no read model, and its ETag is a hash of its body (Express's own).
  projections: readonly string[];
  // Every city's positions even where the path names one (default: the path's :city if it has one).
  cities?: 'all';
  // Any other read model the answer depends on.
  also?: Type<ExtraReadStamp>;
}

export const PUBLIC_READ = 'rights-ledger:public-read';
