import { DeciderSpecification } from '@rl/kernel/testing';
import { resourceDecider, ResourceActor } from './resource.decider';
import {
  aVenue,
  CSO_ID,
  INDICATOR_ID,
  offered,
  OTHER_ORG_ID,
  RESOURCE_ID,
} from './testing/resource-factories';

const spec = DeciderSpecification.for(resourceDecider);
const coordinator: ResourceActor = { role: 'coordinator', organisationId: null };
const ownCollector: ResourceActor = { role: 'collector', organisationId: CSO_ID };
const otherCollector: ResourceActor = { role: 'collector', organisationId: OTHER_ORG_ID };
const offer = (details: Record<string, unknown>, actor = coordinator, offeredBy = CSO_ID) => ({
  type: 'OfferResource' as const,
  resourceId: RESOURCE_ID,
  offeredBy,
  details: { ...aVenue(), ...details },
  actor,
});
const revise = (changes: Record<string, unknown>, actor = coordinator) => ({
  type: 'ReviseResource' as const,
  changes,
  actor,
});
const grant = { kind: 'financial', title: 'Small grant', amount: { value: 2500.5, currency: 'EUR' } };

describe('resource decider', () => {
  it('offers a resource with its texts folded and its links once each', () => {
    spec
      .given([])
      .when(
        offer(
          {
            title: '  Meeting   room for 40 ',
            description: '  First line\nsecond line  ',
            contactRole: ' Volunteer  coordinator ',
            availability: { from: '2026-01-01', note: ' Weekday  evenings ' },
            links: [
              { kind: 'indicator', id: INDICATOR_ID.toUpperCase() },
              { kind: 'indicator', id: INDICATOR_ID },
            ],
          },
          ownCollector,
        ),
      )
      .then([offered(aVenue({ description: 'First line\nsecond line' }))]);
  });

  it('keeps a financial amount in its currency', () => {
    spec
      .given([])
      .when(offer({ ...grant, availability: null, contactRole: null, links: [] }))
      .then([
        offered({
          kind: 'financial',
          title: 'Small grant',
          description: null,
          availability: null,
          amount: { value: 2500.5, currency: 'EUR' },
          contactRole: null,
          links: [],
        }),
      ]);
  });

  it("refuses a collector offering another organisation's resource", () => {
    spec.given([]).when(offer({}, otherCollector)).thenThrows('RESOURCE.NOT_YOUR_ORGANISATION');
  });

  it('refuses an amount on anything but a financial resource, naming amount', () => {
    spec
      .given([])
      .when(offer({ amount: { value: 10, currency: 'EUR' } }))
      .thenThrows('RESOURCE.AMOUNT_NOT_FINANCIAL', (e) => expect(e.errors[0].field).toBe('amount'));
  });

  it.each([
    ['an unknown currency', { value: 10, currency: 'XYZ' }, 'amount.currency'],
    ['more decimals than the currency has', { value: 10.123, currency: 'EUR' }, 'amount.value'],
    ['decimals of a currency without minor unit', { value: 10.5, currency: 'JPY' }, 'amount.value'],
    ['a negative value', { value: -1, currency: 'EUR' }, 'amount.value'],
    ['a huge value', { value: 1e16, currency: 'EUR' }, 'amount.value'],
  ])('refuses %s', (_, amount, field) => {
    spec
      .given([])
      .when(offer({ ...grant, amount }))
      .thenThrows('RESOURCE.INVALID_AMOUNT', (e) => expect(e.errors[0].field).toBe(field));
  });

  it('refuses an availability that ends before it starts', () => {
    spec
      .given([])
      .when(offer({ availability: { from: '2026-03-01', until: '2026-02-01' } }))
      .thenThrows('RESOURCE.INVALID_AVAILABILITY', (e) =>
        expect(e.errors[0].field).toBe('availability.until'),
      );
  });

  it.each(['volunteers@cso.example', '+32 9 123 45 67'])('refuses contact data as a role: %s', (role) => {
    spec
      .given([])
      .when(offer({ contactRole: role }))
      .thenThrows('RESOURCE.CONTACT_DATA', (e) => expect(e.errors[0].field).toBe('contactRole'));
  });

  it('refuses fields longer than the limits', () => {
    spec
      .given([])
      .when(offer({ title: 'x'.repeat(201) }))
      .thenThrows('RESOURCE.TOO_LARGE', (e) => expect(e.errors[0].field).toBe('title'));
  });

  it('refuses to offer the same resource twice', () => {
    spec.given([offered()]).when(offer({})).thenThrows('RESOURCE.ALREADY_EXISTS');
  });

  it('revises only the fields that change, clearing an optional one with null', () => {
    spec
      .given([offered()])
      .when(
        revise({ title: 'Meeting room for 40', contactRole: null, description: 'Step-free' }, ownCollector),
      )
      .then([
        {
          type: 'ResourceRevised',
          data: { resourceId: RESOURCE_ID, changes: { contactRole: null, description: 'Step-free' } },
        },
      ]);
  });

  it('checks the resource as revised: a financial one turned material must lose its amount', () => {
    const grantOffered = offered(aVenue({ kind: 'financial', amount: { value: 100, currency: 'EUR' } }));
    spec
      .given([grantOffered])
      .when(revise({ kind: 'material' }))
      .thenThrows('RESOURCE.AMOUNT_NOT_FINANCIAL');
    spec
      .given([grantOffered])
      .when(revise({ kind: 'material', amount: null }))
      .then([
        {
          type: 'ResourceRevised',
          data: { resourceId: RESOURCE_ID, changes: { kind: 'material', amount: null } },
        },
      ]);
  });

  it('records nothing when nothing changes, and refuses a revision naming no field', () => {
    spec
      .given([offered()])
      .when(revise({ title: ' Meeting room  for 40' }))
      .thenNothingHappens();
    spec.given([offered()]).when(revise({})).thenThrows('RESOURCE.NOTHING_TO_CHANGE');
  });

  it('reads a field left undefined (as a DTO holds it) as not named', () => {
    spec
      .given([offered()])
      .when(revise({ kind: undefined, title: undefined, description: 'Step-free' }))
      .then([
        { type: 'ResourceRevised', data: { resourceId: RESOURCE_ID, changes: { description: 'Step-free' } } },
      ]);
    spec
      .given([offered()])
      .when(revise({ title: undefined }))
      .thenThrows('RESOURCE.NOTHING_TO_CHANGE');
  });

  it("refuses another organisation's collector, and a resource that does not exist", () => {
    spec
      .given([offered()])
      .when(revise({ title: 'X' }, otherCollector))
      .thenThrows('RESOURCE.NOT_YOUR_ORGANISATION');
    spec
      .given([])
      .when(revise({ title: 'X' }))
      .thenThrows('RESOURCE.NOT_FOUND');
  });

  it('withdraws once; a withdrawn resource no longer changes', () => {
    const withdraw = { type: 'WithdrawResource' as const, actor: ownCollector };
    const withdrawn = { type: 'ResourceWithdrawn' as const, data: { resourceId: RESOURCE_ID } };
    spec.given([offered()]).when(withdraw).then([withdrawn]);
    spec.given([offered(), withdrawn]).when(withdraw).thenNothingHappens();
    spec
      .given([offered(), withdrawn])
      .when(revise({ title: 'X' }))
      .thenThrows('RESOURCE.WITHDRAWN');
    spec
      .given([offered()])
      .when({ type: 'WithdrawResource', actor: otherCollector })
      .thenThrows('RESOURCE.NOT_YOUR_ORGANISATION');
  });

  it('evolves to the revised details and the withdrawn status', () => {
    const state = spec
      .given([
        offered(),
        { type: 'ResourceRevised', data: { resourceId: RESOURCE_ID, changes: { title: 'Hall' } } },
        { type: 'ResourceWithdrawn', data: { resourceId: RESOURCE_ID } },
      ])
      .state();
    expect(state).toEqual({
      exists: true,
      resourceId: RESOURCE_ID,
      offeredBy: CSO_ID,
      details: aVenue({ title: 'Hall' }),
      status: 'withdrawn',
    });
  });
});
