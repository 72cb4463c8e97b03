import { ApiProperty } from '@nestjs/swagger';
import { CityRecord } from './persistence/city.entity';

export class CityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ghent' }) slug!: string;
  @ApiProperty({ example: 'Ghent' }) name!: string;
  @ApiProperty({ example: 'BE' }) countryCode!: string;
  @ApiProperty({ example: 'nl' }) defaultLocale!: string;
  @ApiProperty({ example: 'Europe/Brussels' }) timezone!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(record: CityRecord): CityView {
    return {
      id: record.id,
      slug: record.slug,
      name: record.name,
      countryCode: record.countryCode,
      defaultLocale: record.defaultLocale,
      timezone: record.timezone,
      createdAt: record.createdAt.toISOString(),
    };
  }
}
