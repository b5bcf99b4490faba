import type { Channel, ChannelSetting } from 'strapi-plugin-enroute/contracts';

export function channelsFor(setting: ChannelSetting): Channel[] {
  if (setting === 'both') return ['email', 'sms'];
  return [setting];
}
