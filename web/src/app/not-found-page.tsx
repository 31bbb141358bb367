/** An address that is no page of the app. */
import { useTranslation } from "react-i18next";
import { Link } from "react-aria-components";
import { PageHeader } from "../ui/page-header.tsx";

/** "No such page", with the way back. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("No such page")} />
      <p>
        {t("This address is not a page of Drawdown.")} <Link href="/">{t("Go to the overview")}</Link>
      </p>
    </>
  );
}
