import { Injectable, Logger } from '@nestjs/common';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { Checkpoints } from './checkpoints';
import { WORKER_ID } from './projection-runner';
import { Reactor } from './reactor';
import { sideEffectsAllowed } from './scratch-fold';

const DEFAULT_BATCH = 1_000;

interface Step {
  position: number;
  // A full batch below the projection's checkpoint: more may follow at once.
  more: boolean;
}

// Brings one reactor of one city up to the checkpoint its projection has committed, batch by batch. Each
// batch runs in one transaction that holds the (reactor, city) advisory lock — one active owner at a
// time; others skip — reads the projection's committed checkpoint, reacts to the events up to it and
// only then moves the reactor's checkpoint. A failing side effect (Redis down) rolls that move back and
// fails this city's job alone; its retry or the sweep runs the batch again.
@Injectable()
export class ReactorRunner {
  private readonly logger = new Logger('Reactors');

  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly checkpoints: Checkpoints,
  ) {}

  // Returns the checkpoint reached, or null when another worker owns the reactor right now.
  async catchUp(cityId: CityId, reactor: Reactor, batchSize = DEFAULT_BATCH): Promise<number | null> {
    // A scratch fold (the read-model verification) never commits: nothing may leave it.
    if (!sideEffectsAllowed()) return null;
    for (;;) {
      const step = await this.step(cityId, reactor, batchSize).catch((error: unknown) => {
        this.logger.warn({ cityId, reactor: reactor.name, err: error }, 'Reaction failed; retrying later');
        throw error;
      });
      if (step === null) return null;
      if (!step.more) return step.position;
    }
  }

  private step(cityId: CityId, reactor: Reactor, batchSize: number): Promise<Step | null> {
    return this.db.inCity(cityId, async (em) => {
      const [{ locked }] = await em.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked`,
        [reactor.name, cityId],
      );
      if (!locked) return null;
      const from = await this.checkpoints.read(em, cityId, reactor.name);
      const upTo = await this.checkpoints.committed(em, cityId, reactor.follows);
      if (upTo <= from) return { position: from, more: false };
      const read = await this.events.readLog(cityId, from, Math.min(batchSize, upTo - from), em);
      const events = read.filter((event) => event.position <= upTo);
      if (events.length === 0) return { position: from, more: false };
      const relevant = events.filter((event) => reactor.handles.includes(event.type));
      if (relevant.length > 0) await reactor.react(em, cityId, relevant);
      const to = events[events.length - 1].position;
      await this.checkpoints.advance(em, cityId, reactor.name, from, to, WORKER_ID);
      return { position: to, more: to < upTo };
    });
  }
}
