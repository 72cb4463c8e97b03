import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { MATCH_KINDS, MatchKind } from '../../domain/glossary-term.events';

export class MatchTermDto {
  @ApiProperty({ description: "The other city's slug", example: 'padua' })
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiProperty({ format: 'uuid', description: "An adopted term of that city's published glossary" })
  @IsUUID()
  termId!: string;

  @ApiProperty({
    enum: MATCH_KINDS,
    description:
      'exactMatch only when truly interchangeable; never with broadMatch or relatedMatch on one pair',
  })
  @IsIn(MATCH_KINDS)
  kind!: MatchKind;
}
