import { Checkpoint, CityId, CursorKey } from '@rl/kernel';
import { ChainStanding } from '../domain/checkpoint-schedule';
import { ChainHead, GENESIS_HASH } from '../domain/hash-chain';
import { CheckpointLedger } from '../persistence/checkpoint-ledger';

// Each city's head and checkpoints in memory; the first event is taken as recorded at `firstEventAt`.
export class InMemoryCheckpointLedger implements CheckpointLedger {
  readonly checkpoints: Checkpoint[] = [];
  private readonly heads = new Map<CityId, ChainHead>();

  constructor(private readonly firstEventAt = new Date(0)) {}

  headAt(cityId: CityId, head: ChainHead): this {
    this.heads.set(cityId, head);
    return this;
  }

  inspect<T>(cityId: CityId, look: (standing: ChainStanding) => Promise<T>): Promise<T> {
    return look(this.standing(cityId));
  }

  async sign(
    cityId: CityId,
    decide: (standing: ChainStanding) => Promise<Checkpoint | null>,
  ): Promise<Checkpoint | null> {
    const signed = await decide(this.standing(cityId));
    if (signed) this.checkpoints.push(signed);
    return signed;
  }

  // Newest first; the key is the checkpoint's place in the list.
  page(
    cityId: CityId,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<(Checkpoint & { key: CursorKey })[]> {
    const mine = this.checkpoints
      .map((checkpoint, i) => ({ ...checkpoint, key: [String(i)] }))
      .filter((c) => c.cityId === cityId && (after === undefined || Number(c.key[0]) < Number(after[0])))
      .reverse();
    return Promise.resolve(mine.slice(0, limit));
  }

  private standing(cityId: CityId): ChainStanding {
    const mine = this.checkpoints.filter((c) => c.cityId === cityId);
    return {
      head: this.heads.get(cityId) ?? { lastPosition: 0, lastHash: GENESIS_HASH },
      last: mine[mine.length - 1],
      firstEventAt: () => Promise.resolve(this.firstEventAt),
    };
  }
}
