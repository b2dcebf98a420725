/** Word pools for the synthetic archive. Last names are unique: they become people's aliases. */

export const FIRST_NAMES = [
  'Amara', 'Tomas', 'Ingrid', 'Kenji', 'Lucia', 'Mateo', 'Noor', 'Priya', 'Rafael', 'Sofia',
  'Yusuf', 'Elena', 'Farid', 'Greta', 'Hana', 'Ivan', 'Jonas', 'Keiko', 'Leila', 'Marek',
];

export const LAST_NAMES = [
  'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Ferreira', 'Kowalski', 'Haddad', 'Raman', 'Castillo', 'Novak',
  'Adeyemi', 'Brennan', 'Carvalho', 'Dimitrov', 'Eriksen', 'Fontaine', 'Gallagher', 'Horvath', 'Ishikawa', 'Jovanovic',
  'Kaplan', 'Larsen', 'Mbeki', 'Nakamura', 'Oyelaran', 'Petrov', 'Quintero', 'Rosales', 'Sandoval', 'Takahashi',
  'Ulrich', 'Valdez', 'Wojcik', 'Yamamoto', 'Zielinski', 'Abernathy', 'Bianchi', 'Cortez', 'Delacroix', 'Esposito',
  'Falkner', 'Grimaldi', 'Hoffmann', 'Iwasaki', 'Jansen', 'Kozlov', 'Lombardi', 'Marchetti', 'Nieminen', 'Olsen',
  'Pereira', 'Ramirez', 'Schneider', 'Thorsen', 'Underwood', 'Vasquez', 'Whitfield', 'Xavier', 'Yilmaz', 'Zamora',
];

export const ADJECTIVES = [
  'substantial', 'comprehensive', 'constructive', 'promising', 'durable', 'balanced', 'ambitious', 'workable',
  'detailed', 'solid', 'credible', 'pragmatic', 'productive', 'meaningful', 'robust', 'careful',
  'significant', 'practical', 'coherent', 'encouraging', 'serious', 'thorough', 'flexible', 'realistic',
];

export const PLACES: readonly (readonly [string, string])[] = [
  ['Kuala Lumpur', 'Malaysia'], ['Geneva', 'Switzerland'], ['Singapore', 'Singapore'], ['Jakarta', 'Indonesia'],
  ['Hanoi', 'Vietnam'], ['Bangkok', 'Thailand'], ['Manila', 'the Philippines'], ['Seoul', 'South Korea'],
  ['Tokyo', 'Japan'], ['Canberra', 'Australia'], ['Wellington', 'New Zealand'], ['Santiago', 'Chile'],
  ['Lima', 'Peru'], ['Nairobi', 'Kenya'], ['Lisbon', 'Portugal'], ['Oslo', 'Norway'],
  ['Doha', 'Qatar'], ['Istanbul', 'Turkey'], ['Vienna', 'Austria'], ['Stockholm', 'Sweden'],
];

export const GOODS = [
  'soybeans', 'corn', 'wheat', 'sorghum', 'pork', 'beef', 'cotton', 'lumber', 'natural gas', 'aircraft parts',
  'semiconductors', 'pharmaceuticals',
];
