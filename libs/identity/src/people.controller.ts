import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ERASED } from '@rl/event-store';
import { ApiErrors, CommandContext, CommandMetadata, OperatorOnly, uuidParam } from '@rl/web';
import { ErasePersonCommand, ErasureView } from './commands/erase-person/erase-person.command';
import { PersonErrors } from './domain/identity.errors';

@ApiTags('platform')
@Controller('v1/platform/people')
export class PeopleController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':userId/erasure')
  @OperatorOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase a person's personal data in every city (GDPR art. 17)",
    description:
      "Deletes the person's data keys in every city and records a PersonDataErased event (ids only) in each " +
      `city that had some. Their comment bodies, notes and reasons then read "${ERASED}" in every read ` +
      '(threads, submissions, the audit log), also after a rebuild; the events keep their ciphertext, so ' +
      'the hash chain still verifies. Repeating the call is harmless (no city is listed then). The account ' +
      'itself (users table) is not deleted.',
  })
  @ApiOkResponse({ type: ErasureView })
  @ApiErrors(PersonErrors.NOT_FOUND)
  erase(
    @CommandContext() metadata: CommandMetadata,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<ErasureView> {
    return this.commands.execute(new ErasePersonCommand(metadata, userId));
  }
}
