import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class CitySettingsDto {
  @ApiProperty({
    description:
      'Four eyes: whoever submitted or last corrected a submission cannot validate it (default true)',
  })
  @IsBoolean()
  fourEyes!: boolean;
}
