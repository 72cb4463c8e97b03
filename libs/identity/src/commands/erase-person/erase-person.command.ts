import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { ERASED } from '@rl/event-store';
import { CommandMetadata } from '@rl/web';

export class ErasedCityView {
  @ApiProperty({ example: 'ghent', description: "The city's slug" })
  city!: string;

  @ApiProperty({ description: 'Position of the PersonDataErased event appended to the city' })
  position!: number;

  @ApiProperty({ description: "How many of the person's data keys were deleted there" })
  keysDeleted!: number;
}

export class ErasureView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({
    type: [ErasedCityView],
    description: `Cities whose data keys of the person were deleted by this call; their personal fields now read "${ERASED}". Empty when nothing was left to erase (a repeated call).`,
  })
  cities!: ErasedCityView[];
}

// Erases a person's personal data in every city (crypto-shredding: their data keys are deleted).
export class ErasePersonCommand extends Command<ErasureView> {
  constructor(
    readonly metadata: CommandMetadata,
    readonly userId: string,
  ) {
    super();
  }
}
