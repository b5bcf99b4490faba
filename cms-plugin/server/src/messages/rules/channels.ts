import type { Channel, ChannelSetting } from '../../../../shared/contracts/index.ts';

export function channelsFor(setting: ChannelSetting): Channel[] {
  if (setting === 'both') return ['email', 'sms'];
  return [setting];
}
