import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';
import { ReportContributionsDto } from './report-contributions.dto';

export class ReportContributionsCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly callId: string,
    readonly projectId: string,
    readonly expectedVersion: number,
    readonly input: ReportContributionsDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
