import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// People are platform-wide: one account can hold memberships in several cities.
@Entity('users')
@Index('uq_users_email', ['email'], { unique: true })
export class UserRecord {
  @PrimaryColumn('uuid')
  id!: string;

  // Stored lower-cased; e-mail addresses are compared case-insensitively.
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  locale!: string | null;

  // Null until the person accepts an invitation and chooses a password.
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'is_operator', type: 'boolean', default: false })
  isOperator!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
