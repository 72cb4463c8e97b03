import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SetBudgetLinePublicationDto {
  @ApiProperty({
    description:
      'Open the line, its calls and their funded projects to everyone (GET /v1/public/cities/:city/budget)',
  })
  @IsBoolean()
  public!: boolean;
}
