import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { CityId, CLOCK, Clock } from '@rl/kernel';
import { Checkpoint } from '../domain/checkpoint';
import { ChainStanding, checkpointDue } from '../domain/checkpoint-schedule';
import { ChainHead } from '../domain/hash-chain';
import { CheckpointLedger } from '../persistence/checkpoint-ledger';
import { SigningKeys } from './signing-keys';

// Signs a city's current head, on demand or when due, and has the ledger keep it.
@Injectable()
export class CheckpointSigner {
  constructor(
    private readonly ledger: CheckpointLedger,
    private readonly keys: SigningKeys,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async signNow(cityId: CityId): Promise<Checkpoint> {
    const checkpoint = await this.ledger.sign(cityId, ({ head }) =>
      Promise.resolve(this.signed(cityId, head)),
    );
    if (checkpoint === null) throw new Error('A checkpoint signed on demand is always due');
    return checkpoint;
  }

  // null when not due (another worker signed it meanwhile).
  signIfDue(cityId: CityId): Promise<Checkpoint | null> {
    return this.ledger.sign(cityId, async (standing) =>
      (await this.isDue(standing)) ? this.signed(cityId, standing.head) : null,
    );
  }

  due(cityId: CityId): Promise<boolean> {
    return this.ledger.inspect(cityId, (standing) => this.isDue(standing));
  }

  private isDue(standing: ChainStanding): Promise<boolean> {
    const { checkpointEveryEvents, checkpointEveryMinutes } = this.config.audit;
    return checkpointDue(
      standing,
      { everyEvents: checkpointEveryEvents, everyMinutes: checkpointEveryMinutes },
      this.clock.now(),
    );
  }

  private signed(cityId: CityId, head: ChainHead): Checkpoint {
    return this.keys.sign({
      cityId,
      position: head.lastPosition,
      headHash: head.lastHash,
      signedAt: this.clock.now().toISOString(),
      keyId: this.keys.keyId,
    });
  }
}
