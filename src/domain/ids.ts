import { z } from "zod";

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const idOf = <B extends string>(what: string) =>
  z
    .string()
    .regex(idPattern, `${what} id: letters, digits and . _ : - only, starting with a letter or digit`)
    .brand<B>();

export const siteIdSchema = idOf<"SiteId">("site");
export const cargoIdSchema = idOf<"CargoId">("cargo");
export const groupIdSchema = idOf<"GroupId">("personnel group");
export const aircraftTypeIdSchema = idOf<"AircraftTypeId">("aircraft type");
export const fleetIdSchema = idOf<"FleetId">("fleet");
export const routeIdSchema = idOf<"RouteId">("road route");
export const serviceIdSchema = idOf<"ServiceId">("commercial service");
/** ISO 3166-1 alpha-2 country code, e.g. NE for Niger. */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, "use the ISO 3166-1 alpha-2 code in capitals, e.g. NE")
  .brand<"CountryCode">();

export type SiteId = z.output<typeof siteIdSchema>;
export type CargoId = z.output<typeof cargoIdSchema>;
export type GroupId = z.output<typeof groupIdSchema>;
export type AircraftTypeId = z.output<typeof aircraftTypeIdSchema>;
export type FleetId = z.output<typeof fleetIdSchema>;
export type RouteId = z.output<typeof routeIdSchema>;
export type ServiceId = z.output<typeof serviceIdSchema>;
export type CountryCode = z.output<typeof countryCodeSchema>;
