import { defineContentType, manyToOne } from './define.ts';

export const locationSchema = {
  ...defineContentType({
    singularName: 'location',
    pluralName: 'locations',
    displayName: 'Location',
    attributes: {
      // A column of the locations table (not a link table): positions are written in bulk, and a
      // resource's positions are read and deduplicated through the indexes below.
      resource: { ...manyToOne('resource'), useJoinTable: false },
      latitude: { type: 'float', required: true },
      longitude: { type: 'float', required: true },
      accuracy: { type: 'float' },
      recordedAt: { type: 'datetime', required: true },
      source: { type: 'enumeration', enum: ['app', 'manual'], default: 'app', required: true },
    },
  }),
  indexes: [
    // One position per technician and instant: a position sent twice is stored once.
    {
      name: 'enroute_locations_resource_recorded_uq',
      columns: ['resource_id', 'recorded_at'],
      type: 'unique',
    },
    // The retention purge deletes by age.
    { name: 'enroute_locations_recorded_idx', columns: ['recorded_at'] },
  ],
};
