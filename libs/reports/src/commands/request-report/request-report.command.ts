import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { RequestedReportView } from '../../report.view';
import { RequestReportDto } from './request-report.dto';

export class RequestReportCommand extends Command<RequestedReportView> {
  constructor(
    readonly cityId: CityId,
    readonly timezone: string,
    readonly input: RequestReportDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
