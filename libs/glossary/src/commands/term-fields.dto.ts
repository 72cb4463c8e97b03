import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import type { LangList, LangMap } from '../domain/glossary-term.events';
import { TERM_LIMITS as L } from '../domain/term-content';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const isText = (value: unknown, max: number) =>
  typeof value === 'string' && /\S/.test(value) && value.length <= max;
const isLanguageObject = (value: unknown): value is Record<string, unknown> =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length <= L.languages &&
  Object.keys(value).every((lang) => LANGUAGE.test(lang));

// { <language>: text }: one text per language (a preferred label, a definition, a scope note).
export const IsLangMap = (max: number) =>
  ValidateBy({
    name: 'isLangMap',
    validator: {
      validate: (value: unknown) =>
        isLanguageObject(value) && Object.values(value).every((t) => isText(t, max)),
      defaultMessage: (args) =>
        `${args?.property} must be an object of language tag (such as nl or en-GB) to a non-blank text of at most ${max} characters`,
    },
  });

// { <language>: [text…] }: several texts per language (alternative labels, examples).
const IsLangList = (max: number) =>
  ValidateBy({
    name: 'isLangList',
    validator: {
      validate: (value: unknown) =>
        isLanguageObject(value) &&
        Object.values(value).every(
          (list) =>
            Array.isArray(list) && list.length <= L.labelsPerLanguage && list.every((t) => isText(t, max)),
        ),
      defaultMessage: (args) =>
        `${args?.property} must be an object of language tag to a list of at most ${L.labelsPerLanguage} non-blank texts of at most ${max} characters`,
    },
  });

export const LANG_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;
const LANG_LIST = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: 'string' } },
} as const;

export class TermSourceDto {
  @ApiProperty({ example: 'OHCHR, Human rights indicators: a guide to measurement and implementation' })
  @IsString()
  @Length(1, L.sourceTitle)
  title!: string;

  @ApiPropertyOptional({ example: 'https://www.ohchr.org/en/publications' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(L.url)
  url?: string;

  @ApiPropertyOptional({ example: 'OHCHR' })
  @IsOptional()
  @IsString()
  @Length(1, L.sourceStandard)
  standard?: string;
}

// The optional fields of a term; a new term adds its required preferred label and definition, a revision
// makes those optional too.
export class TermFieldsDto {
  @ApiPropertyOptional({ ...LANG_LIST, example: { en: ['Civic participation'] } })
  @IsOptional()
  @IsLangList(L.label)
  altLabels?: LangList;

  @ApiPropertyOptional({ ...LANG_LIST, description: 'Labels found by search but never shown (misspellings)' })
  @IsOptional()
  @IsLangList(L.label)
  hiddenLabels?: LangList;

  @ApiPropertyOptional(LANG_MAP)
  @IsOptional()
  @IsLangMap(L.text)
  scopeNote?: LangMap;

  @ApiPropertyOptional(LANG_LIST)
  @IsOptional()
  @IsLangList(L.example)
  examples?: LangList;

  @ApiPropertyOptional({ type: [TermSourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.sources)
  @ValidateNested({ each: true })
  @Type(() => TermSourceDto)
  sources?: TermSourceDto[];

  @ApiPropertyOptional({ type: [String], description: 'Ids of broader terms of this city' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.broader)
  @IsUUID('all', { each: true })
  broader?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Ids of related terms of this city' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.related)
  @IsUUID('all', { each: true })
  related?: string[];
}

export const PREF_LABEL = { ...LANG_MAP, example: { en: 'Participation', nl: 'Participatie' } };
export const DEFINITION = { ...LANG_MAP, example: { en: 'Taking part in public decisions.' } };
export const RATIONALE = {
  maxLength: 5000,
  example: 'The working session of 12 March agreed on this wording',
};
