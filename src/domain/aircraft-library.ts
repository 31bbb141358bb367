import { z } from "zod";
import libraryFile from "../../data/aircraft-types.json" with { type: "json" };
import { type AircraftType, aircraftTypeSchema } from "./aircraft-type.ts";

/** The built-in aircraft library (data/aircraft-types.json), parsed once; a bad entry is a bug, so it throws. */
export const AIRCRAFT_LIBRARY: readonly AircraftType[] = z
  .strictObject({ $comment: z.string().optional(), aircraftTypes: z.array(aircraftTypeSchema) })
  .parse(libraryFile).aircraftTypes;
