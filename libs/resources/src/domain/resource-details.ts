import { FieldError } from '@rl/kernel';
import { ResourceErrors } from './resource.errors';
import { Availability, Money, ResourceChanges, ResourceDetails, ResourceLink } from './resource.events';

// How large a resource may be; the DTOs read the same numbers.
export const RESOURCE_LIMITS = {
  title: 200,
  description: 5000,
  availabilityNote: 500,
  contactRole: 100,
  links: 50,
  // A city's budget is far below this; above it a value is a typo or a probe.
  amount: 1_000_000_000_000,
} as const;

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

// Texts are stored with runs of white space folded, as people type them.
const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ');
const foldOrNull = (text: string | null | undefined) => {
  const folded = text === null || text === undefined ? '' : fold(text);
  return folded === '' ? null : folded;
};
// Descriptions keep their line breaks: only trailing space and surrounding blank lines go.
const trimOrNull = (text: string | null | undefined) => {
  const trimmed = text?.normalize('NFC').trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function normaliseAvailability(availability: Availability | null | undefined): Availability | null {
  if (!availability) return null;
  const note = foldOrNull(availability.note);
  const result: Availability = {
    ...(availability.from && { from: availability.from }),
    ...(availability.until && { until: availability.until }),
    ...(note !== null && { note }),
  };
  return Object.keys(result).length === 0 ? null : result;
}

// One link per target, in the order first given.
const uniqueLinks = (links: readonly ResourceLink[]): ResourceLink[] => [
  ...new Map(
    links.map((l) => [`${l.kind}/${l.id.toLowerCase()}`, { kind: l.kind, id: l.id.toLowerCase() }]),
  ).values(),
];

// What a client sends: optional fields may be left out or null.
export type ResourceInput = Pick<ResourceDetails, 'kind' | 'title'> & {
  [F in Exclude<keyof ResourceDetails, 'kind' | 'title'>]?: ResourceDetails[F] | null;
};

export const normaliseDetails = (input: ResourceInput): ResourceDetails => ({
  kind: input.kind,
  title: fold(input.title),
  description: trimOrNull(input.description),
  availability: normaliseAvailability(input.availability),
  amount: input.amount ? { value: input.amount.value, currency: input.amount.currency } : null,
  contactRole: foldOrNull(input.contactRole),
  links: uniqueLinks(input.links ?? []),
});

// The fields a revision names, normalised as on an offer (null clears an optional field).
export function normaliseChanges(changes: Partial<ResourceInput>): ResourceChanges {
  const named = Object.entries(changes).filter(([, value]) => value !== undefined);
  const whole = normaliseDetails({ kind: 'material', title: '', ...Object.fromEntries(named) });
  return Object.fromEntries(
    named
      .filter(([field]) => field in whole)
      .map(([field]) => [field, whole[field as keyof ResourceDetails]]),
  );
}

const decimalsOf = (value: number) => {
  const [, fraction = ''] = String(value).split('.');
  return String(value).includes('e') ? Infinity : fraction.length;
};

function checkAmount(amount: Money, errors: FieldError[]): void {
  const { value, currency } = amount;
  if (!CURRENCIES.has(currency)) {
    errors.push({ field: 'amount.currency', message: `${currency} is not an ISO 4217 currency` });
    return;
  }
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits as number;
  if (!Number.isFinite(value) || value < 0 || value > RESOURCE_LIMITS.amount)
    errors.push({ field: 'amount.value', message: `must be between 0 and ${RESOURCE_LIMITS.amount}` });
  else if (decimalsOf(value) > digits)
    errors.push({ field: 'amount.value', message: `${currency} has ${digits} decimals at most` });
}

function checkSizes(details: ResourceDetails): void {
  const errors: FieldError[] = [];
  const max = (field: string, text: string | null | undefined, limit: number) => {
    if (text && text.length > limit) errors.push({ field, message: `at most ${limit} characters` });
  };
  max('title', details.title, RESOURCE_LIMITS.title);
  max('description', details.description, RESOURCE_LIMITS.description);
  max('availability.note', details.availability?.note, RESOURCE_LIMITS.availabilityNote);
  max('contactRole', details.contactRole, RESOURCE_LIMITS.contactRole);
  if (details.links.length > RESOURCE_LIMITS.links)
    errors.push({ field: 'links', message: `at most ${RESOURCE_LIMITS.links}` });
  if (errors.length > 0) throw ResourceErrors.TOO_LARGE({ errors });
}

// An e-mail address, or a run of digits as in a phone number: personal contact data has no place here.
const CONTACT_DATA = /@|(\d[\s./()-]*){6,}/;

// Every rule a resource's details keep, whichever way they come in.
export function checkDetails(details: ResourceDetails): void {
  checkSizes(details);
  const { amount, availability, contactRole } = details;
  if (amount && details.kind !== 'financial')
    throw ResourceErrors.AMOUNT_NOT_FINANCIAL({
      message: `A ${details.kind} resource has no amount; only a financial one does`,
      errors: [{ field: 'amount', message: 'only for a financial resource' }],
    });
  const errors: FieldError[] = [];
  if (amount) checkAmount(amount, errors);
  if (errors.length > 0) throw ResourceErrors.INVALID_AMOUNT({ errors });
  if (availability?.from && availability.until && availability.until < availability.from)
    throw ResourceErrors.INVALID_AVAILABILITY({
      errors: [{ field: 'availability.until', message: 'is before availability.from' }],
    });
  if (contactRole && CONTACT_DATA.test(contactRole))
    throw ResourceErrors.CONTACT_DATA({
      errors: [{ field: 'contactRole', message: 'is a role, not an e-mail address or phone number' }],
    });
}
