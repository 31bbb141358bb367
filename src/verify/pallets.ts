import {
  PALLET_DECK_CM,
  PALLET_MAX_GROSS_KG,
  PALLET_MAX_HEIGHT_CM,
  PALLET_USABLE_LENGTH_CM,
  PALLET_USABLE_WIDTH_CM,
} from "#domain/standard-weights.ts";
import type { VerifyContext } from "./context.ts";
import { EPSILON, fmtKg, palletTrueGrossKg } from "./load-measure.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** Tolerance on a pallet's stated gross weight (rounding). */
const GROSS_TOLERANCE_KG = 1;

/**
 * Usable volume of a 463L pallet: the usable surface up to the height limit above the deck. The doc
 * gives no other height for it; a tighter check against the stated height would also be defensible.
 */
const USABLE_VOLUME_CM3 =
  PALLET_USABLE_LENGTH_CM * PALLET_USABLE_WIDTH_CM * (PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM);

const cm = (x: number) => `${Math.round(x * 10) / 10} cm`;

/**
 * `pallet.build`: a pallet holds only boxes of its own site; its stated gross is cargo + tare (± 1 kg)
 * and at most 10,000 lb; its pieces' volume fits the usable volume; its height is at most 96 in and at
 * least the tallest piece laid on its smallest side plus the deck. Returns the pallets checked.
 */
export function checkPallets(ctx: VerifyContext, sink: ViolationSink): number {
  for (const p of ctx.plan.pallets) {
    const about = { subject: p.id };
    let volume = 0;
    let tallest = 0;
    for (const it of p.items) {
      const c = ctx.cargo.get(it.cargo);
      if (!c) continue;
      if (c.site !== p.site)
        sink.add(
          violation(
            "pallet.build",
            `pallet ${p.id} is built at ${p.site} but holds ${c.id}, which is at ${c.site}`,
            about,
          ),
        );
      if (c.kind !== "box")
        sink.add(
          violation(
            "pallet.build",
            `pallet ${p.id} holds ${c.id}, a ${c.kind}: only boxes are palletised`,
            about,
          ),
        );
      const { length, width, height } = c.dimensions;
      volume += it.quantity * length * width * height;
      tallest = Math.max(tallest, Math.min(length, width, height));
    }
    const gross = palletTrueGrossKg(ctx, p);
    if (Math.abs(p.grossWeightKg - gross) > GROSS_TOLERANCE_KG)
      sink.add(
        violation(
          "pallet.build",
          `pallet ${p.id} states ${fmtKg(p.grossWeightKg)} gross; its cargo and tare weigh ${fmtKg(gross)}`,
          about,
        ),
      );
    if (gross > PALLET_MAX_GROSS_KG + EPSILON)
      sink.add(
        violation(
          "pallet.build",
          `pallet ${p.id} weighs ${fmtKg(gross)} gross, above the 10,000 lb (${fmtKg(PALLET_MAX_GROSS_KG)}) limit`,
          about,
        ),
      );
    if (volume > USABLE_VOLUME_CM3 + EPSILON)
      sink.add(
        violation(
          "pallet.build",
          `pallet ${p.id} holds ${Math.round(volume / 1000)} L of pieces; a 463L pallet's usable volume is ${Math.round(USABLE_VOLUME_CM3 / 1000)} L`,
          about,
        ),
      );
    if (p.heightCm > PALLET_MAX_HEIGHT_CM + EPSILON)
      sink.add(
        violation(
          "pallet.build",
          `pallet ${p.id} is ${cm(p.heightCm)} high, above the 96 in (${cm(PALLET_MAX_HEIGHT_CM)}) limit`,
          about,
        ),
      );
    if (tallest > 0 && p.heightCm + EPSILON < tallest + PALLET_DECK_CM)
      sink.add(
        violation(
          "pallet.build",
          `pallet ${p.id} is ${cm(p.heightCm)} high, lower than its tallest piece on its smallest side (${cm(tallest)}) plus the deck (${cm(PALLET_DECK_CM)})`,
          about,
        ),
      );
  }
  return ctx.plan.pallets.length;
}
