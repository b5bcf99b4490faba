import { z } from 'zod';

const HourlySpeeds = z
  .array(z.number().positive().max(200))
  .length(24, 'needs one speed (km/h) for each hour of the day, 0 to 23');

/** Average door-to-door driving speed (km/h) for each local hour, standing in for traffic. */
export const SpeedProfile = z.object({
  weekday: HourlySpeeds,
  weekend: HourlySpeeds,
});
export type SpeedProfile = z.infer<typeof SpeedProfile>;

// Urban field-service trips: free roads at night, slow in the morning (7–10) and evening (16–19)
// rush hours on weekdays, steady in between. Weekends have no rush hours.
// prettier-ignore
export const defaultSpeedProfile: SpeedProfile = {
  //        0   1   2   3   4   5   6   7   8   9  10  11  12  13  14  15  16  17  18  19  20  21  22  23
  weekday: [55, 55, 55, 55, 55, 50, 42, 28, 25, 32, 40, 40, 38, 40, 40, 36, 30, 26, 28, 38, 45, 50, 52, 55],
  weekend: [55, 55, 55, 55, 55, 55, 52, 48, 45, 42, 40, 38, 38, 38, 40, 40, 40, 40, 40, 42, 45, 50, 52, 55],
};

export function speedKmh(profile: SpeedProfile, weekday: number, hour: number): number {
  const hours = weekday === 0 || weekday === 6 ? profile.weekend : profile.weekday;
  return hours[hour] ?? hours[0] ?? 40;
}
