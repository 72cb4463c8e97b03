import { Copy, field, joinIndicator, paragraph, plural, quote } from './copy';

// Formal register (Lei, capitalised "Suo"), as usual in Italian public-administration correspondence.
export const IT: Copy = {
  defaultIntlLocale: 'it-IT',
  greeting: (name) => (name ? `Gentile ${name},` : 'Buongiorno,'),
  closing: 'Cordiali saluti,',
  signature: (city) => `Rights Ledger – ${city}`,
  openLink: 'Apri in Rights Ledger:',
  indicator: (d) => joinIndicator(d, (period) => `per il periodo ${period}`, IT.indicatorFallback),
  indicatorFallback: "l'indicatore",
  organisationFallback: "Un'organizzazione",
  authorFallback: 'Un collega',
  taskFallback: 'un compito',
  templateLink: 'Oppure compilate il modello di foglio di calcolo e caricatelo:',
  missingCells: (cells) => `Ancora senza valore: ${cells.map((c) => c || 'totale').join(', ')}.`,
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
    'task.due': (f) => ({
      summary: `Compito in scadenza ${f.due ? IT.relative(f.due.relative) : 'a breve'}: ${f.task}`,
      blocks: [
        paragraph(
          f.due
            ? `Il compito «${f.task}» scade ${IT.relative(f.due.relative)}: ${f.due.at}.`
            : `Il compito «${f.task}» scade a breve.`,
        ),
        paragraph('Completalo, o aggiornane lo stato, prima della scadenza.'),
      ],
    }),
    'task.overdue': (f) => ({
      summary: `Compito scaduto: ${f.task}`,
      blocks: [
        paragraph(
          f.due
            ? `Il compito «${f.task}» scadeva il ${f.due.at}, ${IT.relative(f.due.relative)}.`
            : `Il compito «${f.task}» è scaduto.`,
        ),
        paragraph('Completalo il prima possibile, o aggiornane lo stato.'),
      ],
    }),
    'task.escalation': (f) => ({
      summary: `Sollecito: compito non completato: ${f.task}`,
      blocks: [
        paragraph(`Il compito «${f.task}» di ${f.organisation} non è completato.`),
        ...(f.due ? [paragraph(`Scadeva il ${f.due.at}, ${IT.relative(f.due.relative)}.`)] : []),
        paragraph('In qualità di coordinatore, potresti volerlo seguire.'),
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
    'term.changed': (f) => ({
      summary: f.deprecated
        ? `Termine del glossario deprecato${f.term ? `: "${f.term}"` : ''} (${f.ref})`
        : `Termine del glossario modificato${f.term ? `: "${f.term}"` : ''} (${f.ref})`,
      blocks: [
        paragraph(
          `${f.term ? `Il termine del glossario "${f.term}"` : 'Un termine del glossario'}, collegato a ${f.indicator}, ${f.deprecated ? 'è stato deprecato' : 'ha una nuova definizione adottata'}.`,
        ),
        paragraph('La preghiamo di verificare che i dati riportati corrispondano ancora alla definizione.'),
      ],
    }),
    'mandate.expiring': (f) => ({
      summary: `Mandato in scadenza: ${f.holder ?? 'un membro'} per ${f.organisation}`,
      blocks: [
        paragraph(
          `Il mandato di ${f.holder ?? 'un membro'} da parte di ${f.organisation} scade ${f.due ? `${IT.relative(f.due.relative)}: ${f.due.at}` : 'a breve'}.`,
        ),
        paragraph(
          "Chieda all'organizzazione di rinnovarlo, affinché la sua partecipazione mantenga un mandato.",
        ),
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
    'meeting.invited': (f) => ({
      summary: `Invito: ${f.meeting ?? 'una riunione'}${f.due ? ` il ${f.due.at}` : ''}`,
      blocks: [
        paragraph(
          `È invitato/a a ${f.meeting ?? 'una riunione'}${f.due ? `, che inizia il ${f.due.at}` : ''}.`,
        ),
        paragraph(
          "L'ordine del giorno e il link online sono sulla pagina della riunione; è anche nel Suo calendario.",
        ),
      ],
    }),
    'meeting.rescheduled': (f) => ({
      summary: `Spostata: ${f.meeting ?? 'una riunione'}${f.due ? ` ora il ${f.due.at}` : ''}`,
      blocks: [
        paragraph(
          `${f.meeting ?? 'Una riunione'} a cui è invitato/a è stata spostata${f.due ? `; ora inizia il ${f.due.at}` : ''}.`,
        ),
      ],
    }),
    'meeting.cancelled': (f) => ({
      summary: `Cancellata: ${f.meeting ?? 'una riunione'}`,
      blocks: [
        paragraph(`${f.meeting ?? 'Una riunione'} a cui era invitato/a è stata cancellata.`),
        ...field(IT.reasonLabel, f.reason),
      ],
    }),
  },
  digestSummary: (count) => plural(count, 'notifica', 'notifiche'),
  digestIntro: 'Ecco un riepilogo delle Sue notifiche:',
  digestEmpty: 'Non ha nuove notifiche.',
};
