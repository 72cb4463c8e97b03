import { indicatorStream } from '@rl/indicators';
import { asCityId } from '@rl/kernel';
import { organisationStream } from '@rl/stakeholders';
import { InMemoryBudgetLedger } from './in-memory-budget-ledger';

export const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
export const padua = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
export const [ind1, ind2] = ['a1', 'a2'].map((n) => `0192f0aa-0000-7000-8000-0000000000${n}`);
export const organisationId = '0192f0aa-0000-7000-8000-0000000000e1';

// A ledger whose Ghent has two indicators and an organisation (their streams in its log).
export function ghentLedger(): InMemoryBudgetLedger {
  const ledger = new InMemoryBudgetLedger();
  const probe = [{ type: 'Probe', data: {} }];
  for (const id of [ind1, ind2]) ledger.aggregates.given(ghent, indicatorStream(id), probe);
  ledger.aggregates.given(ghent, organisationStream(organisationId), probe);
  return ledger;
}

export const lineInput = (fields: object = {}) => ({
  code: 'SOC-1',
  title: 'Inclusion grants',
  year: 2025,
  amount: { value: 1000, currency: 'EUR' },
  indicators: [ind1, ind2],
  ...fields,
});
