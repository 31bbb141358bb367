/**
 * Until a plan is published, the overview has nothing to compare with: it says so, and offers
 * "Publish the plan" to those the server lets publish (the departing party's planners).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Can } from "../../abilities/can.tsx";
import { useApi } from "../../api/api-context.tsx";
import type { PlanVersion } from "../../api/contract.ts";
import { departingParty, useScenario } from "../../api/use-scenario.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";

/** The "no plan yet" panel. */
export function NoPlanYet() {
  const { t } = useTranslation();
  const api = useApi();
  const queries = useQueryClient();
  const scenario = useScenario();
  const owner = departingParty(scenario.data);
  const publish = useMutation({
    mutationFn: () => api.send<PlanVersion>("POST", "/api/plans", { body: {} }),
    onSuccess: () => queries.invalidateQueries(),
  });
  return (
    <section className="panel" aria-labelledby="no-plan-heading" data-testid="no-plan">
      <h2 id="no-plan-heading">{t("No plan is published yet")}</h2>
      <p>{t("The burndown, the forecast and the alerts compare progress with the published plan. The departing party's planners publish it.")}</p>
      {owner !== undefined && (
        <Can action="publish" on={{ type: "plan_version", owner }}>
          <Button className="button button-primary" onPress={() => publish.mutate()} isDisabled={publish.isPending}>
            {publish.isPending ? t("Planning and publishing…") : t("Run the planner and publish the plan")}
          </Button>
        </Can>
      )}
      {publish.isPending && (
        <p role="status" className="muted">
          {t("The planner is running; this takes a few seconds.")}
        </p>
      )}
      {publish.error !== null && <ProblemMessage error={publish.error} />}
    </section>
  );
}
