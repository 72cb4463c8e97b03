import type { NoticeData, NoticeKind } from '../notice';
import type { Due, Relative } from '../notice-deadline';

// The shape every language's wording table fills in, and the pieces the tables are built from.

// What every kind's wording is built from: trimmed values, absent ones as null or a fallback word.
export interface Facts {
  // "EDU-01 – Access to education for 2025" (body) and "EDU-01 2025" (subject).
  indicator: string;
  ref: string;
  // null when the notice has no (valid) deadline.
  due: Due | null;
  organisation: string;
  // null when unknown: the subject then leaves the author out instead of using the fallback word.
  author: string | null;
  // The person a mandate notice is about; null when unknown.
  holder: string | null;
  reason: string | null;
  excerpt: string | null;
  // term.changed: the term's label (quoted by the wording) and whether it was deprecated.
  term: string | null;
  deprecated: boolean;
  // The meeting's title (meeting.*), or null.
  meeting: string | null;
  // task.*: the task's title, or a fallback word.
  task: string;
}

// Content is plain text; the HTML renderer escapes all of it, so no template string can inject markup.
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'field'; label: string; value: string }
  | { type: 'quote'; text: string };

export interface Content {
  // The subject without the city prefix; also the line used in a digest.
  summary: string;
  blocks: Block[];
}

export interface Copy {
  // Date formatting for a bare language tag (en-GB: a 24-hour clock for an international audience).
  defaultIntlLocale: string;
  greeting(name: string): string;
  closing: string;
  signature(cityName: string): string;
  openLink: string;
  indicator(data: NoticeData): string;
  indicatorFallback: string;
  organisationFallback: string;
  authorFallback: string;
  taskFallback: string;
  reasonLabel: string;
  // Reminders: the template download and the cells still missing ('' is the total).
  templateLink: string;
  missingCells(cells: string[]): string;
  relative(relative: Relative): string;
  kinds: Record<NoticeKind, (facts: Facts) => Content>;
  digestSummary(count: number): string;
  digestIntro: string;
  digestEmpty: string;
}

export const paragraph = (text: string): Block => ({ type: 'paragraph', text });
// Optional values become blocks only when present, so nothing renders "undefined" or an empty label.
export const field = (label: string, value: string | null): Block[] =>
  value ? [{ type: 'field', label, value }] : [];
export const quote = (text: string | null): Block[] => (text ? [{ type: 'quote', text }] : []);
export const plural = (count: number, one: string, other: string): string =>
  `${count} ${count === 1 ? one : other}`;

export function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function joinIndicator(
  data: NoticeData,
  forPeriod: (period: string) => string,
  fallback: string,
): string {
  const code = present(data.indicatorCode);
  const name = present(data.indicatorName);
  const period = present(data.periodCode);
  const indicator = code && name ? `${code} – ${name}` : (code ?? name ?? fallback);
  return period ? `${indicator} ${forPeriod(period)}` : indicator;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
