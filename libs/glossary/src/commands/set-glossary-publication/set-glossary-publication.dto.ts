import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SetGlossaryPublicationDto {
  @ApiProperty({
    description:
      'Open the adopted and deprecated terms to everyone (GET /v1/public/cities/:city/glossary) and to other cities’ matches',
  })
  @IsBoolean()
  public!: boolean;
}
