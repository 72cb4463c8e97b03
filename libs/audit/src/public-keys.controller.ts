import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRead } from '@rl/web';
import { PublicKeyView } from './checkpoints/checkpoint.view';
import { ListPublicKeysQuery } from './queries/list-public-keys/list-public-keys.query';

// The keys that verify signed checkpoints, for anyone: witnesses and auditors check with these.
@ApiTags('audit')
@Controller('v1/public')
export class PublicKeysController {
  constructor(private readonly queries: QueryBus) {}

  @Get('keys')
  @ApiOperation({ summary: 'List the checkpoint signing keys' })
  // Keys are no read model: the tag hashes the list itself.
  @PublicRead({ projections: [] })
  @ApiOkResponse({
    type: [PublicKeyView],
    description: 'Every key that signed or signs checkpoints, the retired ones too, oldest first',
  })
  keys(): Promise<PublicKeyView[]> {
    return this.queries.execute(new ListPublicKeysQuery());
  }
}
