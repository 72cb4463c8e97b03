import { Column, CreateDateColumn } from 'typeorm';

// The columns of a one-time or session token sent to a person (invitation, password reset, refresh):
// only its SHA-256 is stored, with when it stops working and when it was issued. Inherited by the
// entities; the schema is as if each declared them.
export abstract class HashedTokenRow {
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
