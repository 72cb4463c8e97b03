import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { SigningKeys } from '../../checkpoints/signing-keys';
import { PublicKeyView } from '../../checkpoints/checkpoint.view';
import { ListPublicKeysQuery } from './list-public-keys.query';

@QueryHandler(ListPublicKeysQuery)
export class ListPublicKeysHandler implements IQueryHandler<ListPublicKeysQuery, PublicKeyView[]> {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: SigningKeys,
  ) {}

  async execute(): Promise<PublicKeyView[]> {
    const keys = await this.db.platform((em) => this.keys.all(em));
    return keys.map((k) => ({ keyId: k.keyId, algorithm: 'Ed25519', publicKey: k.publicKey }));
  }
}
