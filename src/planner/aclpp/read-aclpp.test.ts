import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatAclppIssues, readAclpp } from "./read-aclpp.ts";

const MASTER = fileURLToPath(new URL("../../../../shared/bench/aclpp/masterdata/", import.meta.url));
const masterdata = () => readdirSync(MASTER).map((f) => ({ path: `masterdata/${f}`, text: readFileSync(`${MASTER}${f}`, "utf8") }));

/** A one-leg flight with one segment and one piece, as the instance files write it. */
const FLIGHT = `flights:
  F1:
    aircraft_type: md11f
    legs:
      F1-A-B:
        est_fuel_weight: 25000
        extra_fuel_cost_factor: 0.5
        segments:
        - S1
    std_timestamp: 1448258400
segments:
  S1:
    shipments:
      000-1:
        pieces:
          000-1x0:
            allowed_rotations: 5
            amount: 2
            avail: 1448236800
            height: 71
            lat: 120
            lng: 150
            offload_penalty: 300
            specials: RFL ZXF
            stack_height: 0.05
            weight: 250
    std_timestamp: 1448258400
`;

describe("readAclpp", () => {
  it("reads the instances' master data: the MD-11F, four ULD types and the separation pairs", () => {
    const r = readAclpp(masterdata());
    if (!r.ok) throw new Error(formatAclppIssues(r.issues));
    expect([...r.data.aircraft.keys()]).toEqual(["md11f"]);
    expect([...r.data.uldTypes.keys()].sort()).toEqual(["ake", "pge_md11f_md", "pmc_F_ld", "pmc_md11f_md"]);
    expect(r.data.separation).toContainEqual(["RFL", "ROX"]);
    expect(r.data.separation.length).toBeGreaterThan(100);
    // YAML reads `31:` and `[ 35, 35L ]` as numbers: the position names come back as text.
    expect(r.data.aircraft.get("md11f")?.overlapping_positions).toContainEqual(["31L", "31P"]);
  });

  it("reads a flight file into its problem half and its solution half", () => {
    const r = readAclpp([{ path: "f1.yaml", text: FLIGHT }]);
    if (!r.ok) throw new Error(formatAclppIssues(r.issues));
    const f = r.data.flights.get("F1");
    expect(f?.problem.legs).toEqual([{ id: "F1-A-B", est_fuel_weight: 25000, extra_fuel_cost_factor: 0.5, segments: ["S1"], sequence: 1 }]);
    expect(r.data.segments.get("S1")?.problem.shipments["000-1"]?.pieces["000-1x0"]?.amount).toBe(2);
    expect(r.data.segments.get("S1")?.solution).toEqual({});
  });

  it("names the file, the path, the line and the column of a bad attribute", () => {
    const bad = FLIGHT.replace("amount: 2", "amount: -2");
    const r = readAclpp([{ path: "base/bad.yaml", text: bad }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    const issue = r.issues[0];
    expect(issue?.file).toBe("base/bad.yaml");
    expect(issue?.path).toBe("segments.S1.shipments.000-1.pieces.000-1x0.amount");
    const line = bad.split("\n").findIndex((l) => l.includes("amount: -2")) + 1;
    expect(issue?.line).toBe(line);
    expect(issue?.column).toBe(21);
    expect(formatAclppIssues(r.issues)).toMatch(/^base\/bad\.yaml:\d+:21 segments\.S1\.shipments\.000-1\.pieces\.000-1x0\.amount: .*>0/);
  });

  it("reports a YAML syntax error, a missing attribute and an unknown one, every problem at once", () => {
    const syntax = readAclpp([{ path: "s.yaml", text: "flights:\n  F1:\n    legs: [\n" }]);
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.issues[0]?.message).toMatch(/YAML syntax error/);

    const text = FLIGHT.replace("            weight: 250\n", "            colour: red\n");
    const r = readAclpp([{ path: "f.yaml", text }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages.some((m) => /pieces\.000-1x0\.weight: /.test(m))).toBe(true);
    expect(messages.some((m) => /pieces\.000-1x0: Unrecognized key: "colour"/.test(m))).toBe(true);
  });

  it("refuses an unknown root key, an entity defined twice and a stray attribute in a position tree", () => {
    const unknown = readAclpp([{ path: "u.yaml", text: "airplanes:\n  x: 1\n" }]);
    expect(unknown.ok || unknown.issues[0]?.message).toBe("unknown root key airplanes");

    const twice = readAclpp([
      { path: "a.yaml", text: FLIGHT },
      { path: "b.yaml", text: FLIGHT },
    ]);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.issues.map((i) => `${i.file} ${i.message}`)).toContain("b.yaml flights F1 is defined again (first in a.yaml)");

    // The master data has CRLF line ends.
    const md11f = readFileSync(`${MASTER}md11f.yaml`, "utf8").replace(/distance_from_door: 1(\r?\n)/, "$&                colour: red$1");
    const tree = readAclpp([{ path: "m.yaml", text: md11f }]);
    expect(tree.ok).toBe(false);
    if (!tree.ok) {
      expect(tree.issues[0]?.path).toBe("aircraft_types.md11f.compartments.MD.virtual_positions.PMC_positions.C1.AL.colour");
      expect(tree.issues[0]?.message).toMatch(/neither a position attribute .* nor a child node/);
    }
  });
});
