// A city's review rules, event-sourced so that every change is in the audit log with who made it.
export interface CitySettings {
  // Whoever submitted or last corrected a submission may not validate it.
  fourEyes: boolean;
}

export const DEFAULT_CITY_SETTINGS: CitySettings = { fourEyes: true };

export type CitySettingsEvent = { type: 'CitySettingsChanged'; data: CitySettings };

export const citySettingsStream = (cityId: string) => `city-settings-${cityId}`;

export const evolveCitySettings = (state: CitySettings, event: CitySettingsEvent): CitySettings => ({
  ...state,
  ...event.data,
});

// Nothing to append when the settings already are what is asked for.
export function decideCitySettings(wanted: CitySettings, state: CitySettings): CitySettingsEvent[] {
  return wanted.fourEyes === state.fourEyes ? [] : [{ type: 'CitySettingsChanged', data: wanted }];
}
