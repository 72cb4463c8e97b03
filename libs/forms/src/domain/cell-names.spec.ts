import { cellQuestionNames } from './cell-names';

describe('XLSForm question names of disaggregation cells', () => {
  it('names the total, single and crossed cells by their dimension/value pairs in dimension order', () => {
    const names = cellQuestionNames([{}, { sex: 'F' }, { sex: 'M', age: '0-17' }]);
    expect([...names.keys()]).toEqual(['total', 'sex_F', 'age_0_17__sex_M']);
    expect(names.get('age_0_17__sex_M')).toEqual({ sex: 'M', age: '0-17' });
  });

  it('cleans accents and symbols into XML names and keeps names unique in the given order', () => {
    const names = cellQuestionNames([{ età: '65+' }, { età: '65' }, { '1st': 'Née' }]);
    expect([...names.keys()]).toEqual(['eta_65', 'eta_65_2', 'q_1st_Nee']);
  });

  it('gives the same names for the same cells every time', () => {
    const cells = [{ district: 'Sint-Amandsberg' }, { district: 'Sint Amandsberg' }];
    expect([...cellQuestionNames(cells).keys()]).toEqual([...cellQuestionNames(cells).keys()]);
    expect([...cellQuestionNames(cells).keys()]).toEqual([
      'district_Sint_Amandsberg',
      'district_Sint_Amandsberg_2',
    ]);
  });
});
