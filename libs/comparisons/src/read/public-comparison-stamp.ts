import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ExtraReadStamp, ReadStamp } from '@rl/web';
import { ComparisonReadModel } from '../persistence/comparison-results.repository';

// A public comparison is read from comparison_results, which a job recomputes after the publication
// projections moved: its computation time joins their positions in the ETag, so the tag moves again
// when the recomputed answer lands.
@Injectable()
export class PublicComparisonStamp implements ExtraReadStamp {
  constructor(private readonly readModel: ComparisonReadModel) {}

  async of(req: Request): Promise<ReadStamp> {
    const { framework, code } = req.query;
    // Not validated yet (the pipes run after the interceptor): anything else is a 400 without a tag.
    if (typeof framework !== 'string' || typeof code !== 'string') return { key: 'none', modifiedAt: null };
    const computedAt = await this.readModel.computedAt({ audience: 'public', framework, code });
    return { key: `computed@${computedAt?.toISOString() ?? 'never'}`, modifiedAt: computedAt };
  }
}
