/**
 * Three-dimensional pallet build-up: {@link packPallet} packs one container or pallet,
 * {@link packContainers} fills identical containers one after another, {@link build463L} builds as
 * many 463L pallets as a cargo list needs, {@link parseBr} reads a Bischoff–Ratcliff instance.
 */
export type { KeepOut, Orientation, PackOptions, PackResult, PalletBox, PalletContainer, Placement, Point3 } from "./box.ts";
export { ALL_ORIENTATIONS, THIS_SIDE_UP } from "./box.ts";
export type { Build463LOptions, Build463LResult, Built463LPallet } from "./build-463l.ts";
export { build463L, PALLET_463L, piecesFromCargo } from "./build-463l.ts";
export { packPallet } from "./pack-pallet.ts";
export type { BrInstance, BrRead } from "./br-format.ts";
export { parseBr } from "./br-format.ts";
export type { PackContainersOptions, PackedContainers } from "./pack-containers.ts";
export { packContainers } from "./pack-containers.ts";
