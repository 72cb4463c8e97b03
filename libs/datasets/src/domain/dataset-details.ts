import { FieldError } from '@rl/kernel';
import { DatasetErrors } from './dataset.errors';
import { Assessment, CRITERIA, DatasetChanges, DatasetDetails } from './dataset.events';
import { canonicalLicence } from './spdx-licences';

// How large an entry may be (the DTOs read the same numbers).
export const DATASET_LIMITS = {
  title: 300,
  description: 5000,
  url: 2000,
  indicators: 50,
  spatialLabel: 200,
  spatialCode: 20,
  note: 2000,
  licence: 100,
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NUTS = /^[A-Z]{2}[A-Z0-9]{0,3}$/;
const LAU = /^[A-Z0-9_-]{1,20}$/;
// Published as links: only web addresses, never javascript: or data: ones.
const WEB = /^https?:\/\/\S+$/i;

const isDay = (text: string) =>
  DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

// Texts are stored with runs of white space folded, as people type them (a description keeps its lines).
export const fold = (text: string) =>
  text
    .normalize('NFC')
    .trim()
    .replace(/[^\S\n]+/g, ' ');

function checkTexts(details: DatasetDetails, errors: FieldError[]): void {
  const tooLong = (field: string, text: string | undefined, max: number) => {
    if (text !== undefined && text.length > max) errors.push({ field, message: `at most ${max} characters` });
  };
  if (details.title === '') errors.push({ field: 'title', message: 'must not be blank' });
  if (details.description === '') errors.push({ field: 'description', message: 'must not be blank' });
  tooLong('title', details.title, DATASET_LIMITS.title);
  tooLong('description', details.description, DATASET_LIMITS.description);
  tooLong('accessUrl', details.accessUrl, DATASET_LIMITS.url);
  if (details.accessUrl !== undefined && !WEB.test(details.accessUrl))
    errors.push({ field: 'accessUrl', message: 'must be an http or https address' });
  if (details.indicators.length > DATASET_LIMITS.indicators)
    errors.push({ field: 'indicators', message: `at most ${DATASET_LIMITS.indicators}` });
}

function checkCoverage(details: DatasetDetails, errors: FieldError[]): void {
  const { temporalCoverage: time, spatialCoverage: place } = details;
  for (const end of ['from', 'to'] as const) {
    const day = time?.[end];
    if (day !== undefined && !isDay(day))
      errors.push({ field: `temporalCoverage.${end}`, message: 'must be a day (YYYY-MM-DD)' });
  }
  if (time?.from && time.to && time.from > time.to)
    errors.push({ field: 'temporalCoverage.to', message: 'must not be before from' });
  for (const [end, day] of [
    ['issued', details.issued],
    ['modified', details.modified],
  ] as const)
    if (day !== undefined && !isDay(day)) errors.push({ field: end, message: 'must be a day (YYYY-MM-DD)' });
  if (!place) return;
  if (place.label === undefined && place.code === undefined)
    errors.push({ field: 'spatialCoverage', message: 'give a label, a code, or both' });
  if (place.label !== undefined && (place.label === '' || place.label.length > DATASET_LIMITS.spatialLabel))
    errors.push({
      field: 'spatialCoverage.label',
      message: `1 to ${DATASET_LIMITS.spatialLabel} characters`,
    });
  if ((place.code === undefined) !== (place.scheme === undefined))
    errors.push({ field: 'spatialCoverage.scheme', message: 'a code and its scheme go together' });
  else if (place.code !== undefined && !(place.scheme === 'NUTS' ? NUTS : LAU).test(place.code))
    errors.push({ field: 'spatialCoverage.code', message: `is not a ${place.scheme} code` });
}

// What a change may not clear: every field but the optional ones.
const REQUIRED: readonly (keyof DatasetDetails)[] = [
  'kind',
  'title',
  'description',
  'owner',
  'sector',
  'licence',
  'updateFrequency',
  'personalData',
  'indicators',
  'public',
];

export function assertNothingRequiredCleared(changes: DatasetChanges): void {
  const cleared = REQUIRED.filter((field) => (changes as Record<string, unknown>)[field] === null);
  if (cleared.length > 0)
    throw DatasetErrors.INVALID({
      errors: cleared.map((field) => ({ field, message: 'cannot be cleared' })),
    });
}

// A JSON body may send null for an absent optional member: it reads as absent.
const withoutNulls = <T extends object>(value: T): T =>
  Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== null && member !== undefined),
  ) as T;

// The details as stored: texts folded, the licence as SPDX spells it, indicators once each; refuses
// what breaks a rule, naming every field at fault.
export function checkedDetails(given: DatasetDetails): DatasetDetails {
  const details = withoutNulls(given);
  const licence = canonicalLicence(details.licence);
  if (licence === undefined)
    throw DatasetErrors.UNKNOWN_LICENCE({
      message: `"${details.licence.slice(0, DATASET_LIMITS.licence)}" is not an SPDX licence id of this catalogue`,
      errors: [{ field: 'licence', message: 'must be an SPDX licence id such as CC-BY-4.0 or ODbL-1.0' }],
    });
  const place = details.spatialCoverage && withoutNulls(details.spatialCoverage);
  const time = details.temporalCoverage && withoutNulls(details.temporalCoverage);
  const normalised: DatasetDetails = {
    ...details,
    title: fold(details.title),
    description: details.description.normalize('NFC').trim(),
    licence,
    ...(details.accessUrl !== undefined && { accessUrl: details.accessUrl.trim() }),
    temporalCoverage: time && Object.keys(time).length > 0 ? time : undefined,
    ...(place && {
      spatialCoverage: {
        ...place,
        ...(place.label !== undefined && { label: fold(place.label) }),
        ...(place.code !== undefined && { code: place.code.trim().toUpperCase() }),
      },
    }),
    indicators: [...new Set(details.indicators)],
  };
  const errors: FieldError[] = [];
  checkTexts(normalised, errors);
  checkCoverage(normalised, errors);
  if (errors.length > 0) throw DatasetErrors.INVALID({ errors });
  return normalised;
}

// The details after a change (null clears an optional field).
export function applyChanges(details: DatasetDetails, changes: DatasetChanges): DatasetDetails {
  const next: Record<string, unknown> = { ...details };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as unknown as DatasetDetails;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// The fields whose value differs from the current details: what a revision records.
export function changedFields(before: DatasetDetails, after: DatasetDetails): DatasetChanges {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof DatasetDetails>;
  const changes: Record<string, unknown> = {};
  for (const field of fields) if (!same(before[field], after[field])) changes[field] = after[field] ?? null;
  return changes;
}

// An assessment as stored: notes folded, empty ones left out; every score a whole number from 1 to 5.
export function checkedAssessment(assessment: Assessment): Assessment {
  const errors: FieldError[] = [];
  const notes: Assessment['notes'] = {};
  for (const criterion of CRITERIA) {
    const score = assessment.scores[criterion];
    if (!Number.isInteger(score) || score < 1 || score > 5)
      errors.push({ field: `checklist.${criterion}.score`, message: 'must be a whole number from 1 to 5' });
    const note = assessment.notes[criterion]?.trim();
    if (note && note.length > DATASET_LIMITS.note)
      errors.push({
        field: `checklist.${criterion}.note`,
        message: `at most ${DATASET_LIMITS.note} characters`,
      });
    if (note) notes[criterion] = note;
  }
  const summary = assessment.summary?.trim();
  if (summary && summary.length > DATASET_LIMITS.note)
    errors.push({ field: 'summary', message: `at most ${DATASET_LIMITS.note} characters` });
  if (errors.length > 0) throw DatasetErrors.INVALID({ errors });
  const scores = Object.fromEntries(CRITERIA.map((c) => [c, assessment.scores[c]])) as Assessment['scores'];
  return { scores, notes, verdict: assessment.verdict, ...(summary && { summary }) };
}
