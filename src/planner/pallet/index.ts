/**
 * Three-dimensional pallet build-up: {@link packPallet} packs one container or pallet,
 * {@link build463L} builds as many 463L pallets as a cargo list needs.
 */
export type { Orientation, PackOptions, PackResult, PalletBox, PalletContainer, Placement, Point3 } from "./box.ts";
export { ALL_ORIENTATIONS, THIS_SIDE_UP } from "./box.ts";
export type { Build463LOptions, Build463LResult, Built463LPallet } from "./build-463l.ts";
export { build463L, PALLET_463L, piecesFromCargo } from "./build-463l.ts";
export { packPallet } from "./pack-pallet.ts";
