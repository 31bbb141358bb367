/**
 * Where the latest checkpoint stands (cosigned by both parties, or awaiting whom), and, for a
 * commission member whose party has not cosigned it yet, the button to cosign it for the party.
 *
 * The server holds each party's cosigning key (in its data directory) and signs when that party's
 * member asks, after checking the checkpoint against the entries and against the last checkpoint
 * the party cosigned. A real deployment would keep each party's key with that party (its own
 * witness, or a hardware key in its member's hands) and post only the signature.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Can } from "../../abilities/can.tsx";
import { useApi } from "../../api/api-context.tsx";
import type { Checkpoint } from "../../api/contract.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import type { PartyName } from "./checkpoint-table.tsx";
import { LEDGER_KEY } from "./use-ledger.ts";

/** The latest checkpoint's state and the cosign action. */
export function CosignLatest({ latest, parties, myParty, finalSize }: { latest: Checkpoint | undefined; parties: readonly PartyName[]; myParty: string; finalSize: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const queries = useQueryClient();
  const cosign = useMutation({
    mutationFn: (c: Checkpoint) => api.send<Checkpoint>("POST", `/api/ledger/checkpoints/${c.treeSize}/cosignatures/${myParty}`, { body: {} }),
    onSettled: () => queries.invalidateQueries({ queryKey: LEDGER_KEY }),
  });
  if (latest === undefined) return <p data-testid="latest-state">{t("The ledger has no checkpoint yet: no decision has been recorded.")}</p>;
  const awaiting = parties.filter((p) => !latest.cosignatures.some((c) => c.party === p.code));
  const mine = parties.find((p) => p.code === myParty);
  return (
    <div className="cosign">
      <p data-testid="latest-state">
        {awaiting.length === 0
          ? t("The latest checkpoint ({{n}} entries) carries both parties' cosignatures.", { n: latest.treeSize })
          : t("The latest checkpoint ({{n}} entries) awaits the cosignature of {{parties}}.", { n: latest.treeSize, parties: awaiting.map((p) => p.name).join(", ") })}{" "}
        {finalSize > 0 ? t("Entries 0 to {{last}} are final.", { last: finalSize - 1 }) : t("No entry is final yet.")}
      </p>
      {mine !== undefined && awaiting.includes(mine) && (
        <Can action="cosign" on={{ type: "checkpoint", owner: myParty }}>
          <Button className="button button-primary" isDisabled={cosign.isPending} onPress={() => cosign.mutate(latest)}>
            {t("Cosign checkpoint {{n}} for {{party}}", { n: latest.treeSize, party: mine.name })}
          </Button>
          <p className="muted">{t("The server checks the checkpoint against the entries and against the last one your party cosigned, then signs it with your party's key.")}</p>
        </Can>
      )}
      {cosign.isSuccess && (
        <p role="status" className="state-yes">
          {t("Cosigned for {{party}}.", { party: mine?.name ?? myParty })}
        </p>
      )}
      {cosign.error !== null && <ProblemMessage error={cosign.error} />}
    </div>
  );
}
