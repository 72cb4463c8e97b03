import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Reactor, ReactorDefinition } from '@rl/projections';
import { ComparisonWakeups, FrameworkCode } from '../comparison-wakeups';
import { PublicationProjection, PUBLICATION_PROJECTION } from '../projections/publication.projection';

export const COMPARISON_WAKEUPS_REACTOR = 'comparison-wakeups';

// Once the publication projection has committed a batch, wakes the recomputation of every comparison
// marked dirty (comparison_dirty, written in the projection's transaction, cleared by the
// recomputation): the codes this batch concerned among them, whichever city published them. Wake-ups
// are deduplicated per code, so waking twice is harmless; if Redis is down the batch is retried and the
// comparison sweep wakes what stays dirty.
@Injectable()
@ReactorDefinition()
export class ComparisonWakeupsReactor implements Reactor {
  readonly name = COMPARISON_WAKEUPS_REACTOR;
  readonly follows = PUBLICATION_PROJECTION;
  readonly handles: readonly string[];
  // A rebuild rewrites the city's published rows and marks their codes dirty: they need recomputing.
  readonly afterRebuild = 'replay';

  constructor(
    publication: PublicationProjection,
    private readonly wakeups: ComparisonWakeups,
  ) {
    this.handles = publication.handles;
  }

  async react(em: EntityManager): Promise<void> {
    const dirty = await em.query<FrameworkCode[]>(`SELECT framework, code FROM comparison_dirty`);
    await this.wakeups.wake(dirty);
  }
}
