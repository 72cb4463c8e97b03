import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SetPublicationDto {
  @ApiProperty({ description: 'Shared with the other cities of this instance (validated values only)' })
  @IsBoolean()
  comparable!: boolean;

  @ApiProperty({ description: 'Open to everyone, anonymous readers included (validated values only)' })
  @IsBoolean()
  public!: boolean;
}
