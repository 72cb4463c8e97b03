import { Decider } from '@rl/kernel';

// A city's review rules, event-sourced so that every change is in the audit log with who made it.
export interface CitySettings {
  // Whoever submitted or last corrected a submission may not validate it.
  fourEyes: boolean;
}

export type CitySettingsEvent = { type: 'CitySettingsChanged'; data: CitySettings };

export type CitySettingsCommand = { type: 'ChangeCitySettings' } & CitySettings;

export const citySettingsStream = (cityId: string) => `city-settings-${cityId}`;

// Nothing to append when the settings already are what is asked for.
function decide({ fourEyes }: CitySettingsCommand, state: CitySettings): CitySettingsEvent[] {
  return fourEyes === state.fourEyes ? [] : [{ type: 'CitySettingsChanged', data: { fourEyes } }];
}

export const citySettingsDecider: Decider<CitySettings, CitySettingsCommand, CitySettingsEvent> = {
  initialState: () => ({ fourEyes: true }),
  decide,
  evolve: (state, event) => ({ ...state, ...event.data }),
  eventTypes: ['CitySettingsChanged'],
};
