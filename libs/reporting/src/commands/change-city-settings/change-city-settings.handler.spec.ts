import { commandMetadata } from '@rl/web/testing';
import { InMemoryReportingLedger } from '../../testing';
import { ghent } from '../../testing/reporting-fixtures';
import { ChangeCitySettingsCommand } from './change-city-settings.command';
import { ChangeCitySettingsHandler } from './change-city-settings.handler';

const stream = `city-settings-${ghent}`;
const change = (fourEyes: boolean) =>
  new ChangeCitySettingsCommand(ghent, { fourEyes }, commandMetadata({ actorRole: 'coordinator' }));

describe('ChangeCitySettingsHandler', () => {
  it('turns four eyes off as an audited event', async () => {
    const { aggregates } = new InMemoryReportingLedger();
    const view = await new ChangeCitySettingsHandler(aggregates).execute(change(false));
    expect(view).toEqual({ fourEyes: false, version: 1, position: 1 });
    expect(aggregates.eventsOf(ghent, stream)).toEqual([
      { type: 'CitySettingsChanged', data: { fourEyes: false } },
    ]);
  });

  it('records nothing when the settings already are what is asked for (four eyes by default)', async () => {
    const { aggregates } = new InMemoryReportingLedger();
    const view = await new ChangeCitySettingsHandler(aggregates).execute(change(true));
    expect(view).toEqual({ fourEyes: true, version: 0, position: 0 });
    expect(aggregates.eventsOf(ghent, stream)).toEqual([]);
  });
});
