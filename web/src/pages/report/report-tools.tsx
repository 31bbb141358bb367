/**
 * The report's downloads (on screen only; the print leaves them out): the bilingual PDF, the
 * sites and routes as GeoJSON, and a calendar link of the reader's own for the movements.
 */
import { useMutation } from "@tanstack/react-query";
import { Button, Input, Label, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import type { MapData } from "../../api/contract.ts";
import { downloadText } from "../../ui/csv-button.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { sitesAndRoutes } from "./sites-geojson.ts";

/** The downloads. */
export function ReportTools({ scenarioId }: { scenarioId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const geojson = useMutation({
    mutationFn: async () => {
      const map = await api.get<MapData>("/api/map");
      downloadText(`drawdown-${scenarioId}-sites-and-routes.geojson`, JSON.stringify(sitesAndRoutes(map), null, 1), "application/geo+json");
    },
  });
  const link = useMutation({ mutationFn: () => api.send<{ path: string; createdAt: string }>("POST", "/api/calendar/link") });
  const url = link.data === undefined ? undefined : new URL(link.data.path, window.location.href).href;
  return (
    <section className="panel report-tools" aria-labelledby="report-tools-heading">
      <h2 id="report-tools-heading">{t("Downloads")}</h2>
      <div className="report-tool-row">
        <a className="button button-primary" href="/api/report/pdf" download data-testid="report-pdf">
          {t("The report as PDF (English and French)")}
        </a>
        <Button className="button" onPress={() => geojson.mutate()} isDisabled={geojson.isPending}>
          {t("Sites and routes as GeoJSON")}
        </Button>
      </div>
      {geojson.error !== null && <ProblemMessage error={geojson.error} />}
      <h3>{t("The movements in your calendar")}</h3>
      <p>
        {t("A link of your own that a calendar application subscribes to (\"add calendar from URL\"): every movement, updated as it changes; a cancelled movement stays, marked cancelled. Anyone who has the link sees the movements: making a new link stops the old one.")}
      </p>
      <Button className="button" onPress={() => link.mutate()} isDisabled={link.isPending}>
        {link.data === undefined ? t("Make my calendar link") : t("Make a new link (the old one stops)")}
      </Button>
      {link.error !== null && <ProblemMessage error={link.error} />}
      {url !== undefined && (
        <div className="calendar-links" data-testid="calendar-links">
          <TextField isReadOnly value={url} className="field">
            <Label>{t("Calendar link, events in English")}</Label>
            <Input onFocus={(e) => e.currentTarget.select()} />
          </TextField>
          <TextField isReadOnly value={`${url}&lang=fr`} className="field">
            <Label>{t("Calendar link, events in French")}</Label>
            <Input onFocus={(e) => e.currentTarget.select()} />
          </TextField>
        </div>
      )}
    </section>
  );
}
