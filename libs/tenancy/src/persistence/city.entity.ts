import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

// The tenant registry: a platform table, readable by every request to resolve `:city` slugs.
@Entity('cities')
@Unique('uq_cities_slug', ['slug'])
export class CityRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 63 })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ name: 'default_locale', type: 'varchar', length: 16 })
  defaultLocale!: string;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
