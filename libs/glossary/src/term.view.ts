import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';
import { MATCH_KINDS, MatchKind, TERM_STATUSES, TermStatus } from './domain/glossary-term.events';

const LANG_MAP = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { en: 'Participation', nl: 'Participatie' },
} as const;
const LANG_LIST = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: 'string' } },
  example: { en: ['Civic participation'] },
} as const;

export class ActorView {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) id!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'collector' }) role!: string | null;
}

export class TermSourceView {
  @ApiProperty({ example: 'Glossary of human rights terms' }) title!: string;
  @ApiPropertyOptional({ example: 'https://www.ohchr.org/' }) url?: string;
  @ApiPropertyOptional({ example: 'OHCHR' }) standard?: string;
}

export class TermMatchView {
  @ApiProperty({ description: "The other city's slug", example: 'padua' }) city!: string;
  @ApiProperty({ format: 'uuid' }) termId!: string;
  @ApiProperty({ enum: MATCH_KINDS }) kind!: MatchKind;
}

export class ProposalView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['creation', 'revision'] }) kind!: 'creation' | 'revision';
  @ApiProperty({ description: 'The fields it sets (a creation: the whole term)', type: Object })
  changes!: Record<string, unknown>;
  @ApiProperty() rationale!: string;
  @ApiProperty({ enum: ['open', 'adopted', 'rejected', 'superseded'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The decision note, or why it was superseded' })
  note!: string | null;
  @ApiProperty({ description: 'Members who support it' }) support!: number;
  @ApiProperty({ description: 'Members who object to it' }) objection!: number;
  @ApiProperty({ type: ActorView }) proposedBy!: ActorView;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: ActorView, nullable: true }) decidedBy!: ActorView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
}

export class TermView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: TERM_STATUSES }) status!: TermStatus;
  @ApiProperty(LANG_MAP) prefLabel!: Record<string, string>;
  @ApiProperty(LANG_LIST) altLabels!: Record<string, string[]>;
  @ApiProperty(LANG_LIST) hiddenLabels!: Record<string, string[]>;
  @ApiProperty(LANG_MAP) definition!: Record<string, string>;
  @ApiProperty(LANG_MAP) scopeNote!: Record<string, string>;
  @ApiProperty(LANG_LIST) examples!: Record<string, string[]>;
  @ApiProperty({ type: [TermSourceView] }) sources!: TermSourceView[];
  @ApiProperty({ type: [String], description: 'Ids of broader terms' }) broader!: string[];
  @ApiProperty({ type: [String], description: 'Ids of the adopted terms that name this one broader' })
  narrower!: string[];
  @ApiProperty({ type: [String] }) related!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) replacedBy!: string | null;
  @ApiProperty({ type: [TermMatchView] }) matches!: TermMatchView[];
  @ApiProperty({ description: 'How many proposals were adopted' }) revision!: number;
  @ApiProperty({ type: [ProposalView] }) proposals!: ProposalView[];
  @ApiProperty({ description: 'Stream version; send it as If-Match to adopt, reject or deprecate' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedTermView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['proposed'] }) status!: 'proposed';
}

export class ProposalWrittenView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
}

export class TermRevisionView {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'GlossaryProposalAdopted' }) type!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ActorView }) actor!: ActorView;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) proposalId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Rationale, decision note or reason' })
  why!: string | null;
  @ApiProperty({ description: 'What the event says (changes, content, stance, match…)', type: Object })
  data!: Record<string, unknown>;
}

export class GlossaryPublicationView extends WriteResultView {
  @ApiProperty() public!: boolean;
}

export class ImportedTermView {
  @ApiProperty({ description: 'The concept as the file names it' }) concept!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'GLOSSARY_TERM.LABEL_TAKEN' }) skipped!:
    string | null;
}

export class GlossaryImportView {
  @ApiProperty({
    description: "The city's event position of the last term proposed (0 if none); pass it as minPosition",
  })
  position!: number;
  @ApiProperty({ description: 'Terms proposed' }) proposed!: number;
  @ApiProperty({ description: 'Concepts skipped, with the code of the reason' }) skippedCount!: number;
  @ApiProperty({ type: [ImportedTermView] }) concepts!: ImportedTermView[];
}
