import { Query } from '@nestjs/cqrs';
import { PublicKeyView } from '../../checkpoints/checkpoint.view';

export class ListPublicKeysQuery extends Query<PublicKeyView[]> {}
