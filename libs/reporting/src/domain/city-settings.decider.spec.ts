import { DeciderSpecification } from '@rl/kernel/testing';
import { citySettingsDecider } from './city-settings.decider';

const spec = DeciderSpecification.for(citySettingsDecider);

describe('city settings decider', () => {
  it('starts with four eyes on and records a change', () => {
    spec
      .given([])
      .when({ type: 'ChangeCitySettings', fourEyes: false })
      .then([{ type: 'CitySettingsChanged', data: { fourEyes: false } }]);
  });

  it('records nothing when the settings already are what is asked for', () => {
    spec
      .given([{ type: 'CitySettingsChanged', data: { fourEyes: false } }])
      .when({ type: 'ChangeCitySettings', fourEyes: false })
      .thenNothingHappens();
  });
});
