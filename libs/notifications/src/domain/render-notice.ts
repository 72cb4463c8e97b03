import { Block, Content, Copy, Facts, paragraph, present } from './copy/copy';
import { EN } from './copy/en';
import { IT } from './copy/it';
import { NL } from './copy/nl';
import { NoticeData, NoticeKind, NoticeRecipient, RenderedMessage } from './notice';
import { Due, dueOf, parseInstant, validTimeZone } from './notice-deadline';

// Notices, digests and letters in the recipient's language, as plain text and HTML. The wording lives in
// copy/<language>.ts; this file chooses it, fills it in and lays it out.

type Language = 'en' | 'nl' | 'it';

const COPY: Record<Language, Copy> = { en: EN, nl: NL, it: IT };

export function renderNotice(
  kind: NoticeKind,
  data: NoticeData,
  recipient: NoticeRecipient,
  now: Date,
): RenderedMessage {
  const language = languageOf(recipient.locale);
  const content = contentOf(kind, factsOf(data, recipient, now, language), language);
  const copy = COPY[language];
  const body: BodyBlock[] = [
    ...content.blocks,
    ...(data.missingCells?.length ? [paragraph(copy.missingCells(data.missingCells))] : []),
    { type: 'link', href: data.link },
    ...(data.templateLink
      ? [{ type: 'link' as const, href: data.templateLink, label: copy.templateLink }]
      : []),
  ];
  return compose(language, recipient, data.cityName, `${cityPrefix(data.cityName)}${content.summary}`, body);
}

export function renderDigest(
  items: { kind: NoticeKind; data: NoticeData }[],
  recipient: NoticeRecipient,
  now: Date,
): RenderedMessage {
  const language = languageOf(recipient.locale);
  const copy = COPY[language];
  const cities = [...new Set(items.map((item) => item.data.cityName))];
  // A digest normally covers one city; if it spans several, each line names its own.
  const sharedCity = cities.length === 1 ? cities[0] : undefined;
  const entries = items.map(({ kind, data }) => ({
    text: `${sharedCity === undefined ? cityPrefix(data.cityName) : ''}${
      contentOf(kind, factsOf(data, recipient, now, language), language).summary
    }`,
    href: data.link,
  }));
  const subject = `${sharedCity === undefined ? '' : cityPrefix(sharedCity)}${copy.digestSummary(items.length)}`;
  const body: BodyBlock[] =
    entries.length === 0
      ? [paragraph(copy.digestEmpty)]
      : [paragraph(copy.digestIntro), { type: 'list', entries }];
  return compose(language, recipient, sharedCity ?? '', subject, body);
}

// A message that is not a notice (account e-mails): paragraphs and one link, in the house style. English
// only for now; the greeting and closing follow the body's language.
export function renderLetter(
  recipient: NoticeRecipient,
  subject: string,
  paragraphs: string[],
  link: string,
): RenderedMessage {
  return compose('en', recipient, '', subject, [...paragraphs.map(paragraph), { type: 'link', href: link }]);
}

// --- language and facts ---

function languageOf(locale: string): Language {
  // 'nl-BE', 'it_IT', 'NL', 'it-IT.UTF-8' all name their language first.
  const primary = locale
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return primary === 'nl' || primary === 'it' ? primary : 'en';
}

// The recipient's regional conventions where the tag is usable for the chosen language (en-US gets a
// 12-hour clock, nl-BE Belgian formats); otherwise the language default.
function intlLocaleOf(locale: string, language: Language): string {
  const tag = locale.trim().replace(/_/g, '-').split(/[.@]/)[0];
  try {
    const parsed = new Intl.Locale(tag);
    if (parsed.language === language && parsed.region) return `${language}-${parsed.region}`;
  } catch {
    // Not a valid BCP 47 tag: use the language default below.
  }
  return COPY[language].defaultIntlLocale;
}

function factsOf(data: NoticeData, recipient: NoticeRecipient, now: Date, language: Language): Facts {
  const copy = COPY[language];
  const deadline = parseInstant(data.deadline);
  const timezone = validTimeZone(recipient.timezone);
  return {
    indicator: copy.indicator(data),
    ref:
      [present(data.indicatorCode) ?? present(data.indicatorName), present(data.periodCode)]
        .filter((part): part is string => part !== undefined)
        .join(' ') || copy.indicatorFallback,
    due: deadline ? dueOf(deadline, now, timezone, intlLocaleOf(recipient.locale, language)) : null,
    organisation: present(data.organisationName) ?? copy.organisationFallback,
    author: present(data.authorName) ?? null,
    holder: present(data.holderName) ?? null,
    reason: present(data.reason) ?? null,
    excerpt: present(data.commentExcerpt) ?? null,
    term: present(data.termLabel) ?? null,
    deprecated: data.termDeprecated === true,
    meeting: present(data.meetingTitle) ?? null,
    task: present(data.taskTitle) ?? copy.taskFallback,
  };
}

// A reminder that runs late (queue backlog) or a deadline moved after it was scheduled would otherwise
// say "is due 2 days ago" or "overdue in 3 days"; the wording follows the actual deadline instead.
function effectiveKind(kind: NoticeKind, due: Due | null): NoticeKind {
  if (kind === 'reminder.upcoming' && due?.past) return 'reminder.overdue';
  if (kind === 'reminder.overdue' && due && !due.past) return 'reminder.upcoming';
  if (kind === 'task.due' && due?.past) return 'task.overdue';
  if (kind === 'task.overdue' && due && !due.past) return 'task.due';
  return kind;
}

function contentOf(kind: NoticeKind, facts: Facts, language: Language): Content {
  return COPY[language].kinds[effectiveKind(kind, facts.due)](facts);
}

function cityPrefix(cityName: string): string {
  return present(cityName) ? `[${cityName.trim()}] ` : '';
}

// --- rendering ---

type BodyBlock =
  | Block
  | { type: 'link'; href: string; label?: string }
  | { type: 'list'; entries: { text: string; href: string }[] };

function compose(
  language: Language,
  recipient: NoticeRecipient,
  cityName: string,
  subject: string,
  body: BodyBlock[],
): RenderedMessage {
  const copy = COPY[language];
  const greeting = copy.greeting(recipient.name.trim());
  const signature = present(cityName) ? copy.signature(cityName.trim()) : 'Rights Ledger';
  return {
    // Names and codes are user input: a line break in a subject would break the mail header.
    subject: subject.replace(/\s+/g, ' ').trim(),
    text: [greeting, ...body.map((block) => textBlock(block, copy)), `${copy.closing}\n${signature}`].join(
      '\n\n',
    ),
    html: htmlDocument(language, [
      `<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>`,
      ...body.map((block) => htmlBlock(block, copy)),
      `<p style="margin:24px 0 0;color:#555555">${escapeHtml(copy.closing)}<br>${escapeHtml(signature)}</p>`,
    ]),
  };
}

function textBlock(block: BodyBlock, copy: Copy): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'field':
      return `${block.label}: ${block.value}`;
    case 'quote':
      return block.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'link':
      // The URL on its own line so mail clients make it clickable and nothing sticks to it.
      return `${block.label ?? copy.openLink}\n${block.href}`;
    case 'list':
      // One line per item; angle brackets delimit a URL in plain text (RFC 3986, appendix C).
      return block.entries.map((entry) => `- ${entry.text} <${entry.href}>`).join('\n');
  }
}

function htmlBlock(block: BodyBlock, copy: Copy): string {
  switch (block.type) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${multiline(block.text)}</p>`;
    case 'field':
      return `<p style="margin:0 0 16px"><strong>${escapeHtml(block.label)}:</strong> ${multiline(block.value)}</p>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #c8c8c8;color:#333333">${multiline(block.text)}</blockquote>`;
    case 'link':
      return `<p style="margin:0 0 16px">${anchor(block.href, (block.label ?? copy.openLink).replace(/:$/, ''))}</p>`;
    case 'list':
      return `<ul style="margin:0 0 16px;padding-left:20px">${block.entries
        .map((entry) => `<li style="margin:0 0 8px">${anchor(entry.href, entry.text)}</li>`)
        .join('')}</ul>`;
  }
}

function anchor(href: string, label: string): string {
  // Only web links become clickable; anything else (javascript:, data:) is shown as inert text.
  if (!/^https?:\/\//i.test(href.trim())) return `${escapeHtml(label)} (${escapeHtml(href)})`;
  return `<a href="${escapeHtml(href.trim())}" style="color:#0b5394">${escapeHtml(label)}</a>`;
}

function multiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

function htmlDocument(language: Language, blocks: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"></head>',
    '<body style="margin:0;padding:24px;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    '<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;border-radius:4px">',
    ...blocks,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
