import { z } from "zod";
import { type FileIssue, parseLocatedJson, zodFileIssues } from "#domain/json-issues.ts";
import type { Orientation, PalletBox, PalletContainer } from "./box.ts";

/**
 * The instance files' orientation flags name which of the item's measurements (x, y, z) lies along
 * the container's x, y and z; ours name the box's length, width and height the same way, and the
 * files' x, y, z are our length, width, height.
 */
export const FLAG_TO_ORIENTATION: Readonly<Record<string, Orientation>> = {
  xyz: "lwh",
  yxz: "wlh",
  zyx: "hwl",
  xzy: "lhw",
  zxy: "hlw",
  yzx: "whl",
};

const positive = z.number().positive();
const measurement = z.object({ x: positive, y: positive, z: positive });
const flags = z
  .object(Object.fromEntries(Object.keys(FLAG_TO_ORIENTATION).map((k) => [k, z.boolean().optional()])))
  .refine((f) => Object.values(f).some((v) => v === true), "at least one orientation must be allowed");

/** A Bischoff–Ratcliff instance in the JSON of lucasguesserts/bischoff-and-ratcliff-instances (../shared/bench/br3d). */
const brFileSchema = z.object({
  large_object: z.object({ measurement }),
  small_items: z
    .array(
      z.object({
        measurement,
        quantity: z.number().int().positive(),
        constraint: z.object({ orientation: flags.optional() }).optional(),
      }),
    )
    .min(1),
});

/** A three-dimensional instance: the container and its boxes, one per unit. */
export interface BrInstance {
  readonly container: PalletContainer;
  readonly boxes: readonly PalletBox[];
}

export type BrRead = { readonly ok: true; readonly instance: BrInstance } | { readonly ok: false; readonly issues: readonly FileIssue[] };

/**
 * Reads a Bischoff–Ratcliff instance file. The files give no weights: each box weighs its volume in
 * thousandths (dm³ when measured in cm, as if of uniform density), which leaves the volume objective
 * as it is and gives the centre of gravity a meaning. Box ids are `t<item line>-<unit>`. Every problem
 * is reported with its JSON path and line:column.
 * @example parseBr(text).ok && parseBr(text).instance.container // { length: 587, width: 233, height: 220 }
 */
export function parseBr(text: string): BrRead {
  const located = parseLocatedJson(text);
  if (!located.ok) return { ok: false, issues: located.issues };
  const parsed = brFileSchema.safeParse(located.json.value);
  if (!parsed.success) return { ok: false, issues: zodFileIssues(located.json, parsed.error.issues) };
  const file = parsed.data;
  const m = file.large_object.measurement;
  const boxes: PalletBox[] = [];
  file.small_items.forEach((item, t) => {
    const allowed = item.constraint?.orientation;
    const orientations = allowed
      ? Object.entries(allowed).flatMap(([k, v]) => {
          const o = FLAG_TO_ORIENTATION[k];
          return v === true && o ? [o] : [];
        })
      : undefined;
    const { x, y, z: h } = item.measurement;
    for (let q = 0; q < item.quantity; q++)
      boxes.push({ id: `t${t}-${q}`, length: x, width: y, height: h, weight: (x * y * h) / 1000, ...(orientations ? { orientations } : {}) });
  });
  return { ok: true, instance: { container: { length: m.x, width: m.y, height: m.z }, boxes } };
}
