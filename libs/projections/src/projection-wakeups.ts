import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Queue } from 'bullmq';
import { EventsAppended } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { QueueName } from '@rl/queue';
import { ProjectionRegistry } from './projection-registry';

@Injectable()
export class ProjectionWakeups {
  constructor(
    @InjectQueue(QueueName.Projections) private readonly queue: Queue,
    private readonly registry: ProjectionRegistry,
  ) {}

  // At most one waiting wake-up per (city, projection); one arriving while a catch-up runs is kept and
  // runs after it, so an append that lands mid-run is never left waiting for the sweep.
  async wake(cityId: CityId, projection: string): Promise<void> {
    await this.queue.add(
      'projections.catch-up',
      { cityId, projection },
      { deduplication: { id: `${cityId}:${projection}`, keepLastIfActive: true } },
    );
  }

  // After a projection committed: its reactors may go on. A lost wake-up only delays them until the
  // sweep, so it fails nothing.
  async wakeFollowers(cityId: CityId, projection: string): Promise<void> {
    await Promise.allSettled(this.registry.followersOf(projection).map((r) => this.wake(cityId, r.name)));
  }
}

@EventsHandler(EventsAppended)
export class WakeProjectionsOnAppend implements IEventHandler<EventsAppended> {
  constructor(
    private readonly registry: ProjectionRegistry,
    private readonly wakeups: ProjectionWakeups,
  ) {}

  async handle({ cityId, types }: EventsAppended): Promise<void> {
    // A lost wake-up only delays the projection until the next sweep; it must not fail the command.
    await Promise.allSettled(this.registry.handling(types).map((p) => this.wakeups.wake(cityId, p.name)));
  }
}
