import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LangMap, TermContent, TermMatch, TermStatus } from '../domain/glossary-term.events';
import type { ProposalRecord } from '../projections/term-row';

// Read model of the glossary-terms projection; written only by it. The public reader roles see only
// the published columns of adopted and deprecated terms of a city whose glossary is public.
@Entity('glossary_terms')
export class GlossaryTermRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: TermStatus;

  @Column({ type: 'jsonb' })
  content!: TermContent;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'jsonb' })
  proposals!: ProposalRecord[];

  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy!: string | null;

  @Column({ type: 'jsonb' })
  matches!: TermMatch[];

  // The stream version this row reflects; replays of older events are ignored.
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

// Write side: what commands check a term against (labels, links), kept in the transaction that appends
// under the city's glossary lock. Not a read model.
@Entity('glossary_term_keys')
@Index('IDX_glossary_term_keys_labels', { synchronize: false })
export class GlossaryTermKeyRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'term_id', type: 'uuid' })
  termId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: TermStatus;

  @Column({ name: 'pref_label', type: 'jsonb' })
  prefLabel!: LangMap;

  // Adopted broader links only: the hierarchy cycles are checked on.
  @Column({ type: 'jsonb' })
  broader!: string[];

  // The living preferred labels as prefLabelKeys ("en:participation"), so a command finds the terms that
  // hold its labels by index (a GIN index, made by the migration) instead of reading every term.
  @Column({ name: 'label_keys', type: 'text', array: true, default: () => "'{}'" })
  labelKeys!: string[];
}

// Whether the city publishes its glossary (adopted and deprecated terms) to everyone; written with the
// GlossaryPublicationChanged event, read by the public reader roles' policies.
@Entity('glossary_publication')
export class GlossaryPublicationRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'boolean' })
  public!: boolean;
}

export const GLOSSARY_ENTITIES = [GlossaryTermRecord, GlossaryTermKeyRecord, GlossaryPublicationRecord];
