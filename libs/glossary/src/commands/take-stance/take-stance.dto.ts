import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { STANCES, Stance } from '../../domain/glossary-term.events';

export class TakeStanceDto {
  @ApiProperty({ enum: STANCES, description: 'Yours alone on this proposal; a new stance replaces it' })
  @IsIn(STANCES)
  stance!: Stance;
}
