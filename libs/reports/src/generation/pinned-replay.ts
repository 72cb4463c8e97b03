import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ScratchReplay } from '@rl/projections';
import { ReportPin } from '../domain/report.events';

// The read models exactly as they stood at one position of the city's log: in one REPEATABLE READ
// transaction that always rolls back, the log up to the position is folded into copies of the read
// models (ScratchReplay, as the read-model verifier does), so what `read` sees depends on the position
// alone — never on events that came later, nor on how far the live projections have got.
@Injectable()
export class PinnedReplay {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly scratch: ScratchReplay,
  ) {}

  // `upTo` defaults to the city's head when the transaction starts.
  at<T>(
    cityId: CityId,
    read: (em: EntityManager, pin: ReportPin) => Promise<T>,
    options: { upTo?: number; progress?: (percent: number) => Promise<void> } = {},
  ): Promise<T> {
    return this.db.inCityScratch(cityId, async (em) => {
      const head = await this.events.headPosition(cityId, em);
      const pin = await pinAt(em, cityId, Math.min(options.upTo ?? head, head));
      const { progress } = options;
      await this.scratch.fold(
        em,
        cityId,
        () => pin.position,
        progress && ((reached, end) => progress(Math.floor((reached / end) * 90))),
      );
      return read(em, pin);
    });
  }
}

// The position's chain hash and instant, and the latest signed checkpoint at or before it.
async function pinAt(em: EntityManager, cityId: CityId, position: number): Promise<ReportPin> {
  const [event] = await em.query<{ hash: string; recorded_at: Date }[]>(
    `SELECT hash, recorded_at FROM events WHERE tenant_id = $1 AND position = $2`,
    [cityId, position],
  );
  const [checkpoint] = await em.query<
    { position: string; head_hash: string; signed_at: Date; key_id: string }[]
  >(
    `SELECT position, head_hash, signed_at, key_id FROM audit_checkpoints
      WHERE tenant_id = $1 AND position <= $2 ORDER BY position DESC, signed_at DESC LIMIT 1`,
    [cityId, position],
  );
  return {
    position,
    headHash: event?.hash ?? '',
    generatedAt: (event?.recorded_at ?? new Date(0)).toISOString(),
    checkpoint: checkpoint
      ? {
          position: Number(checkpoint.position),
          headHash: checkpoint.head_hash,
          signedAt: new Date(checkpoint.signed_at).toISOString(),
          keyId: checkpoint.key_id,
        }
      : null,
  };
}
