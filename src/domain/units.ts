/**
 * Branded SI units. Inside Drawdown every mass is kg, every length cm, every distance km,
 * every duration minutes; files may state other units, converted once at the boundary.
 * A unit mix-up (`Kg` where `Km` is expected) is a compile error.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Kg = Brand<number, "kg">;
export type Cm = Brand<number, "cm">;
export type Km = Brand<number, "km">;
export type Minutes = Brand<number, "minutes">;
/** Speed over the ground, km per hour. */
export type KmPerHour = Brand<number, "km/h">;

export const kg = (n: number): Kg => n as Kg;
export const cm = (n: number): Cm => n as Cm;
export const km = (n: number): Km => n as Km;
export const minutes = (n: number): Minutes => n as Minutes;
export const kmh = (n: number): KmPerHour => n as KmPerHour;

/** Exact factors from the international yard and pound agreement (1959) and the nautical mile (1929). */
export const MASS_UNITS = { kg: 1, t: 1000, lb: 0.45359237, short_ton: 907.18474 } as const;
export const LENGTH_UNITS = { cm: 1, mm: 0.1, m: 100, in: 2.54, ft: 30.48 } as const;
export const DISTANCE_UNITS = { km: 1, nm: 1.852, mi: 1.609344 } as const;
export const DURATION_UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
export const SPEED_UNITS = { "km/h": 1, kn: 1.852, mph: 1.609344 } as const;

export type MassUnit = keyof typeof MASS_UNITS;
export type LengthUnit = keyof typeof LENGTH_UNITS;
export type DistanceUnit = keyof typeof DISTANCE_UNITS;
export type DurationUnit = keyof typeof DURATION_UNITS;
export type SpeedUnit = keyof typeof SPEED_UNITS;

export const toKg = (value: number, unit: MassUnit): Kg => kg(value * MASS_UNITS[unit]);
export const toCm = (value: number, unit: LengthUnit): Cm => cm(value * LENGTH_UNITS[unit]);
export const toKm = (value: number, unit: DistanceUnit): Km => km(value * DISTANCE_UNITS[unit]);
export const toMinutes = (value: number, unit: DurationUnit): Minutes => minutes(value * DURATION_UNITS[unit]);
export const toKmh = (value: number, unit: SpeedUnit): KmPerHour => kmh(value * SPEED_UNITS[unit]);

/** Inverse conversions, for people who think in pounds and inches. */
export const kgTo = (value: Kg, unit: MassUnit): number => value / MASS_UNITS[unit];
export const cmTo = (value: Cm, unit: LengthUnit): number => value / LENGTH_UNITS[unit];

/** Flight time in minutes for a distance at a block speed. */
export const travelMinutes = (distance: Km, speed: KmPerHour): Minutes => minutes((distance / speed) * 60);
