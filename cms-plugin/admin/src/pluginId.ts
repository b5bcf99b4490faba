export const PLUGIN_ID = 'enroute';
