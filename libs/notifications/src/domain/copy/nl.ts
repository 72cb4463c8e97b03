import { Copy, field, joinIndicator, paragraph, plural, quote } from './copy';

export const NL: Copy = {
  defaultIntlLocale: 'nl-NL',
  greeting: (name) => (name ? `Beste ${name},` : 'Beste collega,'),
  closing: 'Met vriendelijke groet,',
  signature: (city) => `Rights Ledger – ${city}`,
  openLink: 'Openen in Rights Ledger:',
  indicator: (d) => joinIndicator(d, (period) => `voor ${period}`, NL.indicatorFallback),
  indicatorFallback: 'de indicator',
  organisationFallback: 'Een organisatie',
  authorFallback: 'Een collega',
  taskFallback: 'een taak',
  templateLink: 'Of vul het spreadsheetsjabloon in en laad het op:',
  missingCells: (cells) => `Nog zonder waarde: ${cells.map((c) => c || 'totaal').join(', ')}.`,
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
    'task.due': (f) => ({
      summary: `Taak ${f.due ? `vervalt ${NL.relative(f.due.relative)}` : 'vervalt binnenkort'}: ${f.task}`,
      blocks: [
        paragraph(
          f.due
            ? `De taak “${f.task}” vervalt ${NL.relative(f.due.relative)}: ${f.due.at}.`
            : `De taak “${f.task}” vervalt binnenkort.`,
        ),
        paragraph('Rond ze af, of werk de status bij, voor de vervaldatum.'),
      ],
    }),
    'task.overdue': (f) => ({
      summary: `Taak over tijd: ${f.task}`,
      blocks: [
        paragraph(
          f.due
            ? `De taak “${f.task}” verviel op ${f.due.at}, ${NL.relative(f.due.relative)}.`
            : `De taak “${f.task}” is over tijd.`,
        ),
        paragraph('Rond ze zo snel mogelijk af, of werk de status bij.'),
      ],
    }),
    'task.escalation': (f) => ({
      summary: `Escalatie: taak niet afgerond: ${f.task}`,
      blocks: [
        paragraph(`De taak “${f.task}” van ${f.organisation} is niet afgerond.`),
        ...(f.due ? [paragraph(`Ze verviel op ${f.due.at}, ${NL.relative(f.due.relative)}.`)] : []),
        paragraph('Als coördinator kunt u dit best opvolgen.'),
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
    'term.changed': (f) => ({
      summary: f.deprecated
        ? `Begrip uit de woordenlijst vervallen${f.term ? `: "${f.term}"` : ''} (${f.ref})`
        : `Begrip uit de woordenlijst gewijzigd${f.term ? `: "${f.term}"` : ''} (${f.ref})`,
      blocks: [
        paragraph(
          `${f.term ? `Het begrip "${f.term}"` : 'Een begrip'} uit de woordenlijst, gekoppeld aan ${f.indicator}, ${f.deprecated ? 'is vervallen' : 'heeft een nieuw aangenomen definitie'}.`,
        ),
        paragraph('Controleer of de gegevens die u rapporteert nog overeenkomen met de definitie.'),
      ],
    }),
    'mandate.expiring': (f) => ({
      summary: `Mandaat loopt af: ${f.holder ?? 'een lid'} voor ${f.organisation}`,
      blocks: [
        paragraph(
          `Het mandaat van ${f.holder ?? 'een lid'} van ${f.organisation} loopt af ${f.due ? `${NL.relative(f.due.relative)}: ${f.due.at}` : 'binnenkort'}.`,
        ),
        paragraph('Vraag de organisatie het te vernieuwen, zodat haar deelname een mandaat behoudt.'),
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
    'meeting.invited': (f) => ({
      summary: `Uitnodiging: ${f.meeting ?? 'een vergadering'}${f.due ? ` op ${f.due.at}` : ''}`,
      blocks: [
        paragraph(
          `U bent uitgenodigd voor ${f.meeting ?? 'een vergadering'}${f.due ? `, die begint op ${f.due.at}` : ''}.`,
        ),
        paragraph(
          'De agenda en de onlinelink staan op de pagina van de vergadering; ze staat ook in uw agendafeed.',
        ),
      ],
    }),
    'meeting.rescheduled': (f) => ({
      summary: `Verplaatst: ${f.meeting ?? 'een vergadering'}${f.due ? ` nu op ${f.due.at}` : ''}`,
      blocks: [
        paragraph(
          `${f.meeting ?? 'Een vergadering'} waarvoor u bent uitgenodigd, is verplaatst${f.due ? `; ze begint nu op ${f.due.at}` : ''}.`,
        ),
      ],
    }),
    'meeting.cancelled': (f) => ({
      summary: `Geannuleerd: ${f.meeting ?? 'een vergadering'}`,
      blocks: [
        paragraph(`${f.meeting ?? 'Een vergadering'} waarvoor u was uitgenodigd, is geannuleerd.`),
        ...field(NL.reasonLabel, f.reason),
      ],
    }),
  },
  digestSummary: (count) => plural(count, 'melding', 'meldingen'),
  digestIntro: 'Hier is een overzicht van uw meldingen:',
  digestEmpty: 'U hebt geen nieuwe meldingen.',
};
