/**
 * The report is bilingual: its English half and its French half each get an i18next instance of
 * their own, fixed to that language (not the app's, which follows the language switch), so every
 * component inside a half — dates, numbers, CSV buttons — speaks the half's language.
 */
import { createInstance, type i18n } from "i18next";
import { en } from "../../i18n/en.ts";
import type { Lang } from "../../i18n/format.ts";
import { fr } from "../../i18n/fr.ts";

const instances = new Map<Lang, i18n>();

/**
 * The i18next instance of one language, made once.
 *
 * @example
 * <I18nextProvider i18n={fixedLanguage("fr")}>…</I18nextProvider>
 */
export function fixedLanguage(lang: Lang): i18n {
  let instance = instances.get(lang);
  if (instance === undefined) {
    instance = createInstance();
    // Not `.use(initReactI18next)`: that would make it the app's default instance.
    void instance.init({
      lng: lang,
      fallbackLng: "en",
      supportedLngs: ["en", "fr"],
      resources: { en: { translation: en }, fr: { translation: fr } },
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    instances.set(lang, instance);
  }
  return instance;
}
