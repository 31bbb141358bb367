/**
 * One request opened from the queue, in a dialog: what it asks for, the decision, what the
 * caller may do now, and its whole history. Escape or "Close" goes back to the queue; the
 * request's id is in the address (`?request=`), so a link opens it directly.
 */
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ScenarioSummary } from "../../api/contract.ts";
import { useMe } from "../../session/session.ts";
import { Loading } from "../../ui/loading.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { viewOf } from "./clearance-view.ts";
import type { LeadTimeThresholds } from "./lead-time.ts";
import { leadTimeWarning } from "./lead-time.ts";
import { LeadTimeLabel } from "./lead-time-label.tsx";
import { RequestActions } from "./request-actions.tsx";
import { RequestHistory } from "./request-history.tsx";
import { RequestSummary } from "./request-summary.tsx";
import { useClearance } from "./use-clearances.ts";

/** The dialog of request `id` (closed when null). */
export function ClearanceDialog({
  id,
  onClose,
  scenario,
  now,
  thresholds,
}: {
  id: string | null;
  onClose: () => void;
  scenario: ScenarioSummary | undefined;
  now: number | undefined;
  thresholds: LeadTimeThresholds | undefined;
}) {
  const { t } = useTranslation();
  const one = useClearance(id);
  const me = useMe();
  const view = one.data === undefined ? undefined : viewOf(one.data);
  return (
    <ModalOverlay className="modal-overlay" isOpen={id !== null} isDismissable onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal">
        <Dialog className="dialog" data-testid="clearance-dialog">
          <div className="dialog-head">
            <Heading slot="title">{t("Request {{id}}", { id: id ?? "" })}</Heading>
            <Button className="button button-quiet" onPress={onClose}>
              {t("Close")}
            </Button>
          </div>
          {one.isPending && <Loading />}
          {one.isError && <ProblemMessage error={one.error} onRetry={() => void one.refetch()} />}
          {view !== undefined && (
            <>
              <LeadTimeLabel warning={now === undefined ? undefined : leadTimeWarning(view, now, thresholds)} />
              <RequestActions key={view.request.id} view={view} scenario={scenario} />
              <RequestSummary view={view} scenario={scenario} />
              <RequestHistory id={view.request.id} history={view.request.history ?? []} meId={me.data?.user.id} scenario={scenario} />
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
