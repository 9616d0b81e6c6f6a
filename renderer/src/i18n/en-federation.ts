/** English strings of what the regional hub publishes: the keys of `it-federation.ts`. */
export const enFederation = {
  regional: {
    coursesTitle: 'Regional courses',
    coursesIntro: 'Courses offered by {{name}} (regional office), received through the consortium. Read only.',
    courseOf: 'Regional course — {{name}}',
    colTitle: 'Course',
    colDates: 'Dates',
    colHours: 'Hours',
    colProvider: 'Provider',
    reportTitle: 'Regional report {{year}}',
    reportIntro: 'Published by {{name}} on {{date}}. Read only.',
    colProvince: 'Provincial office',
    colMembers: 'Municipalities',
    colEntries: 'Entries',
    colServices: 'Usage by service',
    total: 'Region total',
    none: 'none',
  },
};
