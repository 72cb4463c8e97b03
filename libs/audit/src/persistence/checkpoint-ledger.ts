import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { Checkpoint, CityId, CursorKey } from '@rl/kernel';
import { NoticeOutbox, nothingRecorded, Recorded } from '@rl/notifications';
import { TenantDb } from '@rl/persistence';
import {
  checkpointPage,
  firstEventAt,
  insertCheckpoint,
  latestCheckpoint,
  readHead,
} from '../checkpoints/checkpoint-store';
import { SigningKeys } from '../checkpoints/signing-keys';
import { ChainStanding } from '../domain/checkpoint-schedule';

// A city's signed checkpoints, as signing needs them.
export abstract class CheckpointLedger {
  // Where the chain and its checkpoints stand, for a look that decides nothing (the sweep).
  abstract inspect<T>(cityId: CityId, look: (standing: ChainStanding) => Promise<T>): Promise<T>;
  // One signer per city at a time: `decide` sees where things stand and returns the checkpoint to keep,
  // or null; the ledger stores it with the key that signed it and hands it to the witnesses.
  abstract sign(
    cityId: CityId,
    decide: (standing: ChainStanding) => Promise<Checkpoint | null>,
  ): Promise<Checkpoint | null>;
  // Newest first, each with its keyset key.
  abstract page(
    cityId: CityId,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<(Checkpoint & { key: CursorKey })[]>;
}

// Checkpoints in audit_checkpoints; the witnesses are every webhook subscribed to `audit.checkpoint`
// (recorded with the checkpoint, sent after commit).
@Injectable()
export class PgCheckpointLedger implements CheckpointLedger {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: SigningKeys,
    private readonly outbox: NoticeOutbox,
    private readonly config: AppConfig,
  ) {}

  inspect<T>(cityId: CityId, look: (standing: ChainStanding) => Promise<T>): Promise<T> {
    return this.db.inCity(cityId, async (em) => look(await this.standing(em, cityId)));
  }

  async sign(
    cityId: CityId,
    decide: (standing: ChainStanding) => Promise<Checkpoint | null>,
  ): Promise<Checkpoint | null> {
    const recorded = nothingRecorded();
    const checkpoint = await this.db.inCity(cityId, async (em) => {
      // So that two workers never sign the same due head twice.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('audit-checkpoint'), hashtext($1))`, [cityId]);
      const signed = await decide(await this.standing(em, cityId));
      if (signed === null) return null;
      await this.keys.remember(em);
      await insertCheckpoint(em, signed);
      await this.recordWitnesses(em, cityId, signed, recorded);
      return signed;
    });
    await this.outbox.wake(cityId, recorded);
    return checkpoint;
  }

  page(
    cityId: CityId,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<(Checkpoint & { key: CursorKey })[]> {
    return this.db.inCity(cityId, (em) => checkpointPage(em, cityId, after, limit));
  }

  private async standing(em: EntityManager, cityId: CityId): Promise<ChainStanding> {
    return {
      head: await readHead(em, cityId),
      last: await latestCheckpoint(em, cityId),
      firstEventAt: () => firstEventAt(em, cityId),
    };
  }

  private async recordWitnesses(
    em: EntityManager,
    cityId: CityId,
    checkpoint: Checkpoint,
    recorded: Recorded,
  ): Promise<void> {
    const [city] = await em.query<{ slug: string; name: string }[]>(
      `SELECT slug, name FROM cities WHERE id = $1`,
      [cityId],
    );
    await this.outbox.record(
      em,
      cityId,
      {
        key: `audit.checkpoint:${checkpoint.position}:${checkpoint.signedAt}`,
        kind: 'audit.checkpoint',
        data: {
          citySlug: city.slug,
          cityName: city.name,
          link: `${this.config.notifications.appUrl}/cities/${city.slug}/audit/checkpoints`,
          checkpoint,
        },
        // Witnesses are webhooks; auditors read the list (a notice per signature would be noise).
        recipients: [],
        quietHours: null,
      },
      new Date(checkpoint.signedAt),
      recorded,
    );
  }
}
