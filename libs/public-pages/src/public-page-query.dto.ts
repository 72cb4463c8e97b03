import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PAGE_LANGUAGES, PageLanguage } from './render/messages';

export class PublicPageQueryDto {
  @ApiPropertyOptional({
    enum: PAGE_LANGUAGES,
    description: "The page's language instead of the city's default locale",
  })
  @IsOptional()
  @IsIn(PAGE_LANGUAGES)
  lang?: PageLanguage;
}
