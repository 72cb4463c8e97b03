import { flagBreakdowns, flagDirections, flagSeriesBreak, flagStatus } from './caveats';
import type { CaveatCode } from './comparison.types';
import { normaliseUnits } from './normalisation';
import { Assessment, Mode, Participant, PopulationOf } from './participants';
import { flagDefinitions, flagMethodologies, referenceDefinition } from './similarity';
import { flagTerms } from './terms';

export interface Assessed {
  // The definition the others are judged against; null when nobody takes part.
  reference: Participant | null;
  // By city id.
  assessments: Map<string, Assessment>;
}

// Judges the participants against each other: the definition they share, the unit they are compared
// in, and what holds for each city's own observations.
export function assess(participants: Participant[], populationOf: PopulationOf, mode: Mode): Assessed {
  const assessments = new Map<string, Assessment>();
  if (participants.length === 0) return { reference: null, assessments };
  for (const p of participants) {
    assessments.set(p.def.cityId, { caveats: new Map(), normalised: [], normalisedUnit: null });
  }
  const note = (p: Participant, code: CaveatCode, message: string) => {
    const caveats = assessments.get(p.def.cityId)!.caveats;
    if (!caveats.has(code)) caveats.set(code, message);
  };

  const reference = referenceDefinition(participants);
  flagDirections(participants, reference, note);
  flagDefinitions(participants, reference, note);
  flagMethodologies(participants, reference, note);
  flagTerms(participants, reference, note);
  flagBreakdowns(participants, reference, note);

  normaliseUnits(participants, assessments, populationOf, mode, note);

  for (const p of participants) {
    flagSeriesBreak(p, mode, note);
    flagStatus(p, note);
  }
  return { reference, assessments };
}
