import { z } from "zod";

/** Apron parking classes: a C-17 takes a `heavy` spot, a C-130 a `medium` one (maximum on ground counts by class). */
export const parkingClassSchema = z.enum(["heavy", "medium", "light"]);
export type ParkingClass = z.output<typeof parkingClassSchema>;
