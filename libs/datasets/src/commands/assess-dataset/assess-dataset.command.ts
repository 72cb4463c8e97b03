import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedAssessmentView } from '../../dataset.view';
import { AssessmentDto } from '../assessment.dto';

export class AssessDatasetCommand extends Command<CreatedAssessmentView> {
  constructor(
    readonly cityId: CityId,
    readonly datasetId: string,
    readonly input: AssessmentDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
