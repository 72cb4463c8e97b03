import { capitalise, Copy, field, joinIndicator, paragraph, plural, quote } from './copy';

export const EN: Copy = {
  defaultIntlLocale: 'en-GB',
  greeting: (name) => (name ? `Dear ${name},` : 'Dear colleague,'),
  closing: 'Kind regards,',
  signature: (city) => `Rights Ledger – ${city}`,
  openLink: 'Open in Rights Ledger:',
  indicator: (d) => joinIndicator(d, (period) => `for ${period}`, EN.indicatorFallback),
  indicatorFallback: 'the indicator',
  organisationFallback: 'An organisation',
  authorFallback: 'A colleague',
  taskFallback: 'a task',
  reasonLabel: 'Reason',
  templateLink: 'Or fill in the spreadsheet template and upload it:',
  missingCells: (cells) => `Still without a value: ${cells.map((c) => c || 'total').join(', ')}.`,
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
    'task.due': (f) => ({
      summary: `Task due ${f.due ? EN.relative(f.due.relative) : 'soon'}: ${f.task}`,
      blocks: [
        paragraph(
          f.due
            ? `The task “${f.task}” is due ${EN.relative(f.due.relative)}: ${f.due.at}.`
            : `The task “${f.task}” is due soon.`,
        ),
        paragraph('Please complete it, or update its status, before it is due.'),
      ],
    }),
    'task.overdue': (f) => ({
      summary: `Overdue task: ${f.task}`,
      blocks: [
        paragraph(
          f.due
            ? `The task “${f.task}” was due ${f.due.at}, ${EN.relative(f.due.relative)}.`
            : `The task “${f.task}” is overdue.`,
        ),
        paragraph('Please complete it as soon as possible, or update its status.'),
      ],
    }),
    'task.escalation': (f) => ({
      summary: `Escalation: task not done: ${f.task}`,
      blocks: [
        paragraph(`The task “${f.task}” of ${f.organisation} is not done.`),
        ...(f.due ? [paragraph(`It was due ${f.due.at}, ${EN.relative(f.due.relative)}.`)] : []),
        paragraph('As coordinator, you may want to follow up.'),
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
    'term.changed': (f) => ({
      summary: f.deprecated
        ? `Glossary term deprecated${f.term ? `: "${f.term}"` : ''} (${f.ref})`
        : `Glossary term changed${f.term ? `: "${f.term}"` : ''} (${f.ref})`,
      blocks: [
        paragraph(
          `${f.term ? `The glossary term "${f.term}"` : 'A glossary term'}, linked to ${f.indicator}, ${f.deprecated ? 'was deprecated' : 'has a newly adopted definition'}.`,
        ),
        paragraph('Check that the data you report still matches the definition.'),
      ],
    }),
    'mandate.expiring': (f) => ({
      summary: `Mandate ending: ${f.holder ?? 'a member'} for ${f.organisation}`,
      blocks: [
        paragraph(
          `The mandate of ${f.holder ?? 'a member'} from ${f.organisation} ends ${f.due ? `${EN.relative(f.due.relative)}: ${f.due.at}` : 'soon'}.`,
        ),
        paragraph('Ask the organisation to renew it, so that their participation keeps its mandate.'),
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
    'meeting.invited': (f) => ({
      summary: `Invitation: ${f.meeting ?? 'a meeting'}${f.due ? ` on ${f.due.at}` : ''}`,
      blocks: [
        paragraph(`You are invited to ${f.meeting ?? 'a meeting'}${f.due ? `, starting ${f.due.at}` : ''}.`),
        paragraph(
          'The agenda and the online link are on the meeting page; it is also in your calendar feed.',
        ),
      ],
    }),
    'meeting.rescheduled': (f) => ({
      summary: `Moved: ${f.meeting ?? 'a meeting'}${f.due ? ` now on ${f.due.at}` : ''}`,
      blocks: [
        paragraph(
          `${f.meeting ?? 'A meeting'} you are invited to was moved${f.due ? `; it now starts ${f.due.at}` : ''}.`,
        ),
      ],
    }),
    'meeting.cancelled': (f) => ({
      summary: `Cancelled: ${f.meeting ?? 'a meeting'}`,
      blocks: [
        paragraph(`${f.meeting ?? 'A meeting'} you were invited to was cancelled.`),
        ...field(EN.reasonLabel, f.reason),
      ],
    }),
  },
  digestSummary: (count) => plural(count, 'notification', 'notifications'),
  digestIntro: 'Here is a summary of your notifications:',
  digestEmpty: 'You have no new notifications.',
};
