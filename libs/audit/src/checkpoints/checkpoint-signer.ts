import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { CityId } from '@rl/kernel';
import { NoticeOutbox, nothingRecorded, Recorded } from '@rl/notifications';
import { TenantDb } from '@rl/persistence';
import { Checkpoint } from '../domain/checkpoint';
import { ChainHead } from '../domain/hash-chain';
import { firstEventAt, insertCheckpoint, latestCheckpoint, readHead } from './checkpoint-store';
import { SigningKeys } from './signing-keys';

// Signs a city's current head, stores the checkpoint and hands it to the witnesses outside the database:
// every webhook subscribed to `audit.checkpoint` (recorded with the checkpoint, sent after commit).
@Injectable()
export class CheckpointSigner {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: SigningKeys,
    private readonly outbox: NoticeOutbox,
    private readonly config: AppConfig,
  ) {}

  async signNow(cityId: CityId): Promise<Checkpoint> {
    const checkpoint = await this.signed(cityId, () => Promise.resolve(true));
    if (checkpoint === null) throw new Error('A checkpoint signed on demand is always due');
    return checkpoint;
  }

  // null when not due (another worker signed it meanwhile).
  signIfDue(cityId: CityId): Promise<Checkpoint | null> {
    return this.signed(cityId, (em, head) => this.due(em, cityId, head));
  }

  // The worker's rule: once the head moved checkpointEveryEvents past the last checkpoint, or moved at
  // all and checkpointEveryMinutes passed since the last checkpoint (or, before the first, since the
  // city's first event).
  async due(em: EntityManager, cityId: CityId, head?: ChainHead): Promise<boolean> {
    const { checkpointEveryEvents, checkpointEveryMinutes } = this.config.audit;
    const { lastPosition } = head ?? (await readHead(em, cityId));
    const last = await latestCheckpoint(em, cityId);
    const moved = lastPosition - (last?.position ?? 0);
    if (moved <= 0) return false;
    if (moved >= checkpointEveryEvents) return true;
    const since = last?.signedAt ?? (await firstEventAt(em, cityId));
    return Date.now() - new Date(since).getTime() >= checkpointEveryMinutes * 60_000;
  }

  private async signed(
    cityId: CityId,
    due: (em: EntityManager, head: ChainHead) => Promise<boolean>,
  ): Promise<Checkpoint | null> {
    const recorded = nothingRecorded();
    const checkpoint = await this.db.inCity(cityId, async (em) => {
      // One signer per city at a time, so two workers never sign the same due head twice.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('audit-checkpoint'), hashtext($1))`, [cityId]);
      const head = await readHead(em, cityId);
      if (!(await due(em, head))) return null;
      await this.keys.remember(em);
      const signed = this.keys.sign({
        cityId,
        position: head.lastPosition,
        headHash: head.lastHash,
        signedAt: new Date().toISOString(),
        keyId: this.keys.keyId,
      });
      await insertCheckpoint(em, signed);
      await this.recordWitnesses(em, cityId, signed, recorded);
      return signed;
    });
    await this.outbox.wake(cityId, recorded);
    return checkpoint;
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
