import { type LoadModel, limitPositions, overlapsOf, type PalletPosition, unitTypesOf, type WeightLimit } from "#domain/load-model.ts";

/** A unit as the position rules see it: its type, gross weight, and net weight per handling code. */
export interface SlotUnit {
  readonly type: string;
  readonly kg: number;
  readonly netByCode?: ReadonlyMap<string, number>;
}

/**
 * Positions held for units while a load is built, under the model's position rules: the unit type
 * a position takes, its most weight, overlapping positions (never both held) and cumulative limits
 * (gross, or net of a handling code). What a freighter's build-up uses to know, before packing a
 * ULD, which positions are left for it and how heavy it may be; any assignment of held positions
 * keeps every one of these rules.
 */
export class PositionSlots {
  private readonly held = new Map<string, SlotUnit>();
  private readonly overlaps: Map<string, Set<string>>;
  private readonly limitsOf = new Map<string, WeightLimit[]>();

  constructor(readonly model: LoadModel) {
    this.overlaps = overlapsOf(model);
    for (const l of model.weightLimits) for (const id of limitPositions(model, l)) this.limitsOf.set(id, [...(this.limitsOf.get(id) ?? []), l]);
  }

  /** Positions taking this unit type that are neither held nor overlapping a held one. */
  free(type: string): PalletPosition[] {
    return this.model.positions.filter((p) => unitTypesOf(p).includes(type) && !this.held.has(p.id) && ![...(this.overlaps.get(p.id) ?? [])].some((o) => this.held.has(o)));
  }

  /** What a held position holds. */
  holding(id: string): SlotUnit | undefined {
    return this.held.get(id);
  }

  /** Positions held, with their units. */
  entries(): [string, SlotUnit][] {
    return [...this.held];
  }

  /** Room a limit has left: its most weight less what the held positions it covers already count. */
  private room(l: WeightLimit): number {
    let used = 0;
    for (const id of limitPositions(this.model, l)) {
      const u = this.held.get(id);
      if (u) used += l.handlingCode !== undefined ? (u.netByCode?.get(l.handlingCode) ?? 0) : u.kg;
    }
    return l.maxWeight - used;
  }

  /** The heaviest gross a unit on this position may weigh now (handling-code limits aside). */
  cap(p: PalletPosition): number {
    let cap: number = p.maxWeight;
    for (const l of this.limitsOf.get(p.id) ?? []) if (l.handlingCode === undefined) cap = Math.min(cap, this.room(l));
    return cap;
  }

  /** Net weight of a handling code a unit on this position may carry now (Infinity: no such limit). */
  codeCap(p: PalletPosition, code: string): number {
    let cap = Number.POSITIVE_INFINITY;
    for (const l of this.limitsOf.get(p.id) ?? []) if (l.handlingCode === code) cap = Math.min(cap, this.room(l));
    return cap;
  }

  /** Whether this unit may be put on this free position now. */
  fits(p: PalletPosition, u: SlotUnit): boolean {
    if (!this.free(u.type).some((q) => q.id === p.id)) return false;
    if (u.kg > this.cap(p) + 1e-6) return false;
    for (const [code, kg] of u.netByCode ?? []) if (kg > this.codeCap(p, code) + 1e-6) return false;
    return true;
  }

  hold(id: string, u: SlotUnit): void {
    this.held.set(id, u);
  }

  release(id: string): void {
    this.held.delete(id);
  }
}
