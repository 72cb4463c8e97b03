import { NoticeData, NoticeKind, NoticeRecipient, RenderedMessage } from './notice';

type Language = 'en' | 'nl' | 'it';

// Where the deadline lies relative to `now`; days are calendar days in the recipient's zone.
type Relative =
  | { kind: 'in-days'; days: number }
  | { kind: 'in-hours'; hours: number }
  | { kind: 'within-hour' }
  | { kind: 'earlier-today' }
  | { kind: 'days-ago'; days: number };

interface Due {
  // "Monday, 31 March 2025 at 17:00 (Europe/Brussels)"
  at: string;
  relative: Relative;
  past: boolean;
}

// What every kind's wording is built from: trimmed values, absent ones as null or a fallback word.
interface Facts {
  // "EDU-01 – Access to education for 2025" (body) and "EDU-01 2025" (subject).
  indicator: string;
  ref: string;
  // null when the notice has no (valid) deadline.
  due: Due | null;
  organisation: string;
  // null when unknown: the subject then leaves the author out instead of using the fallback word.
  author: string | null;
  reason: string | null;
  excerpt: string | null;
}

// Content is plain text; the HTML renderer escapes all of it, so no template string can inject markup.
type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'field'; label: string; value: string }
  | { type: 'quote'; text: string };

interface Content {
  // The subject without the city prefix; also the line used in a digest.
  summary: string;
  blocks: Block[];
}

interface Copy {
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
  reasonLabel: string;
  relative(relative: Relative): string;
  kinds: Record<NoticeKind, (facts: Facts) => Content>;
  digestSummary(count: number): string;
  digestIntro: string;
  digestEmpty: string;
}

const paragraph = (text: string): Block => ({ type: 'paragraph', text });
// Optional values become blocks only when present, so nothing renders "undefined" or an empty label.
const field = (label: string, value: string | null): Block[] =>
  value ? [{ type: 'field', label, value }] : [];
const quote = (text: string | null): Block[] => (text ? [{ type: 'quote', text }] : []);
const plural = (count: number, one: string, other: string): string => `${count} ${count === 1 ? one : other}`;

const EN: Copy = {
  defaultIntlLocale: 'en-GB',
  greeting: (name) => (name ? `Dear ${name},` : 'Dear colleague,'),
  closing: 'Kind regards,',
  signature: (city) => `Rights Ledger – ${city}`,
  openLink: 'Open in Rights Ledger:',
  indicator: (d) => joinIndicator(d, (period) => `for ${period}`, EN.indicatorFallback),
  indicatorFallback: 'the indicator',
  organisationFallback: 'An organisation',
  authorFallback: 'A colleague',
  reasonLabel: 'Reason',
  relative: (r) => {
    switch (r.kind) {
      case 'in-days':
        return r.days === 1 ? 'tomorrow' : `in ${r.days} days`;
      case 'in-hours':
        return `in ${plural(r.hours, 'hour', 'hours')}`;
      case 'within-hour':
        return 'within the hour';
      case 'earlier-today':
        return 'earlier today';
      case 'days-ago':
        return r.days === 1 ? 'yesterday' : `${r.days} days ago`;
    }
  },
  kinds: {
    'reminder.upcoming': (f) => ({
      summary: `Reminder: ${f.ref} is due ${f.due ? EN.relative(f.due.relative) : 'soon'}`,
      blocks: [
        paragraph(
          f.due
            ? `${capitalise(f.indicator)} is due ${EN.relative(f.due.relative)}: ${f.due.at}.`
            : `${capitalise(f.indicator)} is due soon.`,
        ),
        paragraph('Please submit your data before the deadline.'),
      ],
    }),
    'reminder.overdue': (f) => ({
      summary: f.due ? `Overdue: ${f.ref} was due ${EN.relative(f.due.relative)}` : `Overdue: ${f.ref}`,
      blocks: [
        paragraph(
          f.due
            ? `The deadline for ${f.indicator} was ${f.due.at}, ${EN.relative(f.due.relative)}.`
            : `The deadline for ${f.indicator} has passed.`,
        ),
        paragraph('We have not yet received your submission. Please submit it as soon as possible.'),
      ],
    }),
    'reminder.escalation': (f) => ({
      summary: `Escalation: ${f.organisation} has not submitted ${f.ref}`,
      blocks: [
        paragraph(`${f.organisation} has not submitted ${f.indicator}.`),
        ...(f.due
          ? [paragraph(`It has been overdue since ${f.due.at}, ${EN.relative(f.due.relative)}.`)]
          : []),
        paragraph('As coordinator, you may want to follow up with the organisation.'),
      ],
    }),
    'reminder.please-correct': (f) => ({
      summary: `Please correct: ${f.ref}`,
      blocks: [
        paragraph(`Your submission for ${f.indicator} was returned for correction.`),
        ...field(EN.reasonLabel, f.reason),
        paragraph(
          !f.due
            ? 'Please correct it and submit it again before the deadline.'
            : f.due.past
              ? `Please correct it and submit it again as soon as possible. The deadline was ${f.due.at}, ${EN.relative(f.due.relative)}.`
              : `Please correct it and submit it again before the deadline: ${f.due.at}, ${EN.relative(f.due.relative)}.`,
        ),
      ],
    }),
    'submission.returned': (f) => ({
      summary: `Submission returned: ${f.ref}`,
      blocks: [
        paragraph(`Your submission for ${f.indicator} has been returned.`),
        ...field(EN.reasonLabel, f.reason),
        paragraph('Please review the comments and submit a corrected version.'),
      ],
    }),
    'submission.validated': (f) => ({
      summary: `Submission validated: ${f.ref}`,
      blocks: [
        paragraph(`Your submission for ${f.indicator} has been validated.`),
        paragraph('Thank you for your contribution.'),
      ],
    }),
    'comment.posted': (f) => ({
      summary: f.author ? `New comment from ${f.author} on ${f.ref}` : `New comment on ${f.ref}`,
      blocks: [
        paragraph(`${f.author ?? EN.authorFallback} commented on ${f.indicator}${f.excerpt ? ':' : '.'}`),
        ...quote(f.excerpt),
      ],
    }),
    'audit.checkpoint': () => ({
      summary: "Checkpoint of the city's log signed",
      blocks: [
        paragraph(
          "The current head of the city's event log was signed. Keep the checkpoint: it lets anyone detect a later rewrite of the log.",
        ),
      ],
    }),
  },
  digestSummary: (count) => plural(count, 'notification', 'notifications'),
  digestIntro: 'Here is a summary of your notifications:',
  digestEmpty: 'You have no new notifications.',
};

const NL: Copy = {
  defaultIntlLocale: 'nl-NL',
  greeting: (name) => (name ? `Beste ${name},` : 'Beste collega,'),
  closing: 'Met vriendelijke groet,',
  signature: (city) => `Rights Ledger – ${city}`,
  openLink: 'Openen in Rights Ledger:',
  indicator: (d) => joinIndicator(d, (period) => `voor ${period}`, NL.indicatorFallback),
  indicatorFallback: 'de indicator',
  organisationFallback: 'Een organisatie',
  authorFallback: 'Een collega',
  reasonLabel: 'Reden',
  relative: (r) => {
    switch (r.kind) {
      case 'in-days':
        return r.days === 1 ? 'morgen' : `over ${r.days} dagen`;
      case 'in-hours':
        // "uur" is both singular and plural after a number.
        return `over ${r.hours} uur`;
      case 'within-hour':
        return 'binnen het uur';
      case 'earlier-today':
        return 'eerder vandaag';
      case 'days-ago':
        return r.days === 1 ? 'gisteren' : `${r.days} dagen geleden`;
    }
  },
  kinds: {
    'reminder.upcoming': (f) => ({
      summary: `Herinnering: ${f.ref} – deadline ${f.due ? NL.relative(f.due.relative) : 'nadert'}`,
      blocks: [
        paragraph(
          f.due
            ? `De deadline voor ${f.indicator} verstrijkt ${NL.relative(f.due.relative)}: ${f.due.at}.`
            : `De deadline voor ${f.indicator} nadert.`,
        ),
        paragraph('Wij vragen u uw gegevens vóór de deadline in te dienen.'),
      ],
    }),
    'reminder.overdue': (f) => ({
      summary: f.due
        ? `Te laat: ${f.ref} – deadline ${NL.relative(f.due.relative)} verstreken`
        : `Te laat: ${f.ref}`,
      blocks: [
        paragraph(
          f.due
            ? `De deadline voor ${f.indicator} was ${f.due.at}, ${NL.relative(f.due.relative)}.`
            : `De deadline voor ${f.indicator} is verstreken.`,
        ),
        paragraph(
          'Wij hebben uw gegevens nog niet ontvangen. Wij vragen u ze zo snel mogelijk in te dienen.',
        ),
      ],
    }),
    'reminder.escalation': (f) => ({
      summary: `Escalatie: ${f.organisation} heeft ${f.ref} niet ingediend`,
      blocks: [
        paragraph(`${f.organisation} heeft ${f.indicator} nog niet ingediend.`),
        ...(f.due
          ? [paragraph(`De inzending is te laat sinds ${f.due.at}, ${NL.relative(f.due.relative)}.`)]
          : []),
        paragraph('Als coördinator kunt u contact opnemen met de organisatie.'),
      ],
    }),
    'reminder.please-correct': (f) => ({
      summary: `Correctie gevraagd: ${f.ref}`,
      blocks: [
        paragraph(`Uw inzending voor ${f.indicator} is teruggestuurd voor correctie.`),
        ...field(NL.reasonLabel, f.reason),
        paragraph(
          !f.due
            ? 'Wij vragen u de gegevens te corrigeren en opnieuw in te dienen vóór de deadline.'
            : f.due.past
              ? `Wij vragen u de gegevens zo snel mogelijk te corrigeren en opnieuw in te dienen. De deadline was ${f.due.at}, ${NL.relative(f.due.relative)}.`
              : `Wij vragen u de gegevens te corrigeren en opnieuw in te dienen vóór de deadline: ${f.due.at}, ${NL.relative(f.due.relative)}.`,
        ),
      ],
    }),
    'submission.returned': (f) => ({
      summary: `Inzending teruggestuurd: ${f.ref}`,
      blocks: [
        paragraph(`Uw inzending voor ${f.indicator} is teruggestuurd.`),
        ...field(NL.reasonLabel, f.reason),
        paragraph('Bekijk de opmerkingen en dien een gecorrigeerde versie in.'),
      ],
    }),
    'submission.validated': (f) => ({
      summary: `Inzending gevalideerd: ${f.ref}`,
      blocks: [
        paragraph(`Uw inzending voor ${f.indicator} is gevalideerd.`),
        paragraph('Hartelijk dank voor uw bijdrage.'),
      ],
    }),
    'comment.posted': (f) => ({
      summary: f.author ? `Nieuwe reactie van ${f.author} op ${f.ref}` : `Nieuwe reactie op ${f.ref}`,
      blocks: [
        paragraph(
          `${f.author ?? NL.authorFallback} heeft gereageerd op ${f.indicator}${f.excerpt ? ':' : '.'}`,
        ),
        ...quote(f.excerpt),
      ],
    }),
    'audit.checkpoint': () => ({
      summary: 'Controlepunt van het logboek van de stad ondertekend',
      blocks: [
        paragraph(
          'De huidige kop van het gebeurtenissenlogboek van de stad werd ondertekend. Bewaar het controlepunt: daarmee kan iedereen een latere herschrijving van het logboek vaststellen.',
        ),
      ],
    }),
  },
  digestSummary: (count) => plural(count, 'melding', 'meldingen'),
  digestIntro: 'Hier is een overzicht van uw meldingen:',
  digestEmpty: 'U hebt geen nieuwe meldingen.',
};

// Formal register (Lei, capitalised "Suo"), as usual in Italian public-administration correspondence.
const IT: Copy = {
  defaultIntlLocale: 'it-IT',
  greeting: (name) => (name ? `Gentile ${name},` : 'Buongiorno,'),
  closing: 'Cordiali saluti,',
  signature: (city) => `Rights Ledger – ${city}`,
  openLink: 'Apri in Rights Ledger:',
  indicator: (d) => joinIndicator(d, (period) => `per il periodo ${period}`, IT.indicatorFallback),
  indicatorFallback: "l'indicatore",
  organisationFallback: "Un'organizzazione",
  authorFallback: 'Un collega',
  reasonLabel: 'Motivo',
  relative: (r) => {
    switch (r.kind) {
      case 'in-days':
        return r.days === 1 ? 'domani' : `tra ${r.days} giorni`;
      case 'in-hours':
        return `tra ${plural(r.hours, 'ora', 'ore')}`;
      case 'within-hour':
        return "entro un'ora";
      case 'earlier-today':
        return 'oggi';
      case 'days-ago':
        return r.days === 1 ? 'ieri' : `${r.days} giorni fa`;
    }
  },
  kinds: {
    'reminder.upcoming': (f) => ({
      summary: `Promemoria: ${f.ref} in scadenza${f.due ? ` ${IT.relative(f.due.relative)}` : ''}`,
      blocks: [
        paragraph(
          f.due
            ? `Il termine per l'invio dei dati di ${f.indicator} scade ${IT.relative(f.due.relative)}: ${f.due.at}.`
            : `Il termine per l'invio dei dati di ${f.indicator} scade a breve.`,
        ),
        paragraph('La preghiamo di inviare i dati entro la scadenza.'),
      ],
    }),
    'reminder.overdue': (f) => ({
      summary: f.due
        ? `Sollecito: ${f.ref} – termine scaduto ${IT.relative(f.due.relative)}`
        : `Sollecito: ${f.ref}`,
      blocks: [
        paragraph(
          f.due
            ? `Il termine per l'invio dei dati di ${f.indicator} era ${f.due.at}, ${IT.relative(f.due.relative)}.`
            : `Il termine per l'invio dei dati di ${f.indicator} è scaduto.`,
        ),
        paragraph('Non abbiamo ancora ricevuto i Suoi dati. La preghiamo di inviarli al più presto.'),
      ],
    }),
    'reminder.escalation': (f) => ({
      summary: `Segnalazione: ${f.organisation} non ha inviato ${f.ref}`,
      blocks: [
        paragraph(`${f.organisation} non ha ancora inviato i dati di ${f.indicator}.`),
        ...(f.due ? [paragraph(`Il termine era ${f.due.at}, ${IT.relative(f.due.relative)}.`)] : []),
        paragraph("Le suggeriamo di contattare l'organizzazione."),
      ],
    }),
    'reminder.please-correct': (f) => ({
      summary: `Correzione richiesta: ${f.ref}`,
      blocks: [
        paragraph(`I dati inviati per ${f.indicator} sono stati restituiti per una correzione.`),
        ...field(IT.reasonLabel, f.reason),
        paragraph(
          !f.due
            ? 'La preghiamo di correggerli e inviarli di nuovo entro la scadenza.'
            : f.due.past
              ? `La preghiamo di correggerli e inviarli di nuovo al più presto. Il termine era ${f.due.at}, ${IT.relative(f.due.relative)}.`
              : `La preghiamo di correggerli e inviarli di nuovo entro la scadenza: ${f.due.at}, ${IT.relative(f.due.relative)}.`,
        ),
      ],
    }),
    'submission.returned': (f) => ({
      summary: `Dati restituiti: ${f.ref}`,
      blocks: [
        paragraph(`I dati inviati per ${f.indicator} sono stati restituiti.`),
        ...field(IT.reasonLabel, f.reason),
        paragraph('La preghiamo di esaminare le osservazioni e di inviare una versione corretta.'),
      ],
    }),
    'submission.validated': (f) => ({
      summary: `Dati convalidati: ${f.ref}`,
      blocks: [
        paragraph(`I dati inviati per ${f.indicator} sono stati convalidati.`),
        paragraph('Grazie per il Suo contributo.'),
      ],
    }),
    'comment.posted': (f) => ({
      summary: f.author ? `Nuovo commento di ${f.author} su ${f.ref}` : `Nuovo commento su ${f.ref}`,
      blocks: [
        paragraph(`${f.author ?? IT.authorFallback} ha commentato ${f.indicator}${f.excerpt ? ':' : '.'}`),
        ...quote(f.excerpt),
      ],
    }),
    'audit.checkpoint': () => ({
      summary: 'Checkpoint del registro della città firmato',
      blocks: [
        paragraph(
          'La testa attuale del registro degli eventi della città è stata firmata. Conservi il checkpoint: permette a chiunque di rilevare una successiva riscrittura del registro.',
        ),
      ],
    }),
  },
  digestSummary: (count) => plural(count, 'notifica', 'notifiche'),
  digestIntro: 'Ecco un riepilogo delle Sue notifiche:',
  digestEmpty: 'Non ha nuove notifiche.',
};

const COPY: Record<Language, Copy> = { en: EN, nl: NL, it: IT };

export function renderNotice(
  kind: NoticeKind,
  data: NoticeData,
  recipient: NoticeRecipient,
  now: Date,
): RenderedMessage {
  const language = languageOf(recipient.locale);
  const content = contentOf(kind, factsOf(data, recipient, now, language), language);
  const body = [...content.blocks, { type: 'link' as const, href: data.link }];
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

// --- language, facts and time ---

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

function validTimeZone(timezone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    // A bad profile setting must not stop the notice; UTC is named in the text so it is not misread.
    return 'UTC';
  }
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
    reason: present(data.reason) ?? null,
    excerpt: present(data.commentExcerpt) ?? null,
  };
}

function joinIndicator(data: NoticeData, forPeriod: (period: string) => string, fallback: string): string {
  const code = present(data.indicatorCode);
  const name = present(data.indicatorName);
  const period = present(data.periodCode);
  const indicator = code && name ? `${code} – ${name}` : (code ?? name ?? fallback);
  return period ? `${indicator} ${forPeriod(period)}` : indicator;
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseInstant(value: string | undefined): Date | null {
  const text = present(value);
  if (text === undefined) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function formatDeadline(deadline: Date, timezone: string, intlLocale: string): string {
  const formatted = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: timezone,
  }).format(deadline);
  return `${formatted} (${timezone})`;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

// Days are counted as calendar days in the recipient's zone, so "in 3 days" matches their calendar
// even when the deadline is 2.5 × 24 hours away.
function relativeTo(deadline: Date, now: Date, timezone: string): Relative {
  const remaining = deadline.getTime() - now.getTime();
  const dayDifference = localDayNumber(deadline, timezone) - localDayNumber(now, timezone);
  if (remaining >= DAY_MS) return { kind: 'in-days', days: Math.max(1, dayDifference) };
  if (remaining >= HOUR_MS) return { kind: 'in-hours', hours: Math.floor(remaining / HOUR_MS) };
  if (remaining >= 0) return { kind: 'within-hour' };
  return dayDifference >= 0 ? { kind: 'earlier-today' } : { kind: 'days-ago', days: -dayDifference };
}

function localDayNumber(instant: Date, timezone: string): number {
  // en-CA formats as YYYY-MM-DD.
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(instant)
    .split('-')
    .map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function dueOf(deadline: Date, now: Date, timezone: string, intlLocale: string): Due {
  return {
    at: formatDeadline(deadline, timezone, intlLocale),
    relative: relativeTo(deadline, now, timezone),
    past: deadline.getTime() < now.getTime(),
  };
}

// A reminder that runs late (queue backlog) or a deadline moved after it was scheduled would otherwise
// say "is due 2 days ago" or "overdue in 3 days"; the wording follows the actual deadline instead.
function effectiveKind(kind: NoticeKind, due: Due | null): NoticeKind {
  if (kind === 'reminder.upcoming' && due?.past) return 'reminder.overdue';
  if (kind === 'reminder.overdue' && due && !due.past) return 'reminder.upcoming';
  return kind;
}

function contentOf(kind: NoticeKind, facts: Facts, language: Language): Content {
  return COPY[language].kinds[effectiveKind(kind, facts.due)](facts);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cityPrefix(cityName: string): string {
  return present(cityName) ? `[${cityName.trim()}] ` : '';
}

// --- rendering ---

type BodyBlock =
  Block | { type: 'link'; href: string } | { type: 'list'; entries: { text: string; href: string }[] };

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
      return `${copy.openLink}\n${block.href}`;
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
      return `<p style="margin:0 0 16px">${anchor(block.href, copy.openLink.replace(/:$/, ''))}</p>`;
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
