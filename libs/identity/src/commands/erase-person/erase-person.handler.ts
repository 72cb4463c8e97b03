import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  EventStore,
  PERSON_DATA_ERASED,
  PersonalDataKeys,
  PersonDataErasedData,
  personStream,
} from '@rl/event-store';
import { asCityId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ErasedCityView, ErasePersonCommand, ErasureView } from './erase-person.command';

@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand, ErasureView> {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly keys: PersonalDataKeys,
  ) {}

  async execute({ metadata, userId }: ErasePersonCommand): Promise<ErasureView> {
    const cities = await this.db.platform(async (em) => {
      const [user] = await em.query<unknown[]>(`SELECT 1 FROM users WHERE id = $1`, [userId]);
      if (!user) throw new DomainError('not_found', 'PERSON.NOT_FOUND', 'No such person');
      return em.query<{ id: string; slug: string }[]>(`SELECT id, slug FROM cities ORDER BY slug`);
    });
    // Idempotent by nature: a repeated call finds no key left and appends nothing. The client's key
    // would clash with itself across cities, so the appends go without it.
    const { idempotencyKey: _key, requestFingerprint: _fingerprint, ...recorded } = metadata;
    const erased: ErasedCityView[] = [];
    // City by city: each city's keys go with its erasure event in one transaction (row-level security
    // hides other cities' keys).
    for (const city of cities) {
      const cityId = asCityId(city.id);
      const done = await this.events.transact(cityId, async (tx) => {
        const keyIds = await this.keys.destroy(tx.em, cityId, userId);
        if (keyIds.length === 0) return null;
        const data: PersonDataErasedData = { subjectId: userId, keyIds };
        const { position } = await tx.append(
          personStream(userId),
          'any',
          [{ type: PERSON_DATA_ERASED, data }],
          recorded,
        );
        return { city: city.slug, position, keysDeleted: keyIds.length };
      });
      if (done) erased.push(done);
    }
    return { userId, cities: erased };
  }
}
