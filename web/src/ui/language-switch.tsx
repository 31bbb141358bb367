/** English / Français: a pair of toggle buttons, each labelled in its own language. */
import { ToggleButton, ToggleButtonGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { isLang, type Lang } from "../i18n/format.ts";
import { useLang } from "../i18n/use-lang.ts";

const NAMES: Record<Lang, string> = { en: "English", fr: "Français" };

/** Switches the app's language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  return (
    <ToggleButtonGroup
      className="language-switch"
      aria-label={t("Language")}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[lang]}
      onSelectionChange={(keys) => {
        const next = [...keys][0];
        if (typeof next === "string" && isLang(next)) void i18n.changeLanguage(next);
      }}
    >
      {(["en", "fr"] as const).map((l) => (
        <ToggleButton key={l} id={l} className="toggle" lang={l === "fr" ? "fr-NE" : "en"}>
          {NAMES[l]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
