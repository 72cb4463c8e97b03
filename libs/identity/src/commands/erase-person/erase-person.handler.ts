import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PERSON_DATA_ERASED, PersonDataErasedData, personStream } from '@rl/event-store';
import { asCityId } from '@rl/kernel';
import { PersonErrors } from '../../domain/identity.errors';
import { IdentityStore } from '../../persistence/identity.repository';
import { ErasedCityView, ErasePersonCommand, ErasureView } from './erase-person.command';

@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand, ErasureView> {
  constructor(private readonly store: IdentityStore) {}

  async execute({ metadata, userId }: ErasePersonCommand): Promise<ErasureView> {
    const cities = await this.store.platform(async (tx) => {
      if (!(await tx.users.byId(userId))) throw PersonErrors.NOT_FOUND();
      return tx.cities();
    });
    // Idempotent by nature: a repeated call finds no key left and appends nothing. The client's key
    // would clash with itself across cities, so the appends go without it.
    const { idempotencyKey: _key, requestFingerprint: _fingerprint, ...recorded } = metadata;
    const erased: ErasedCityView[] = [];
    // City by city: each city's keys go with its erasure event in one transaction (row-level security
    // hides other cities' keys).
    for (const city of cities) {
      const done = await this.store.inCity(asCityId(city.id), async (tx) => {
        const keyIds = await tx.destroyPersonalKeys(userId);
        if (keyIds.length === 0) return null;
        const data: PersonDataErasedData = { subjectId: userId, keyIds };
        const { position } = await tx.append(
          personStream(userId),
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
