/** English forms that differ from their key: plurals only (English strings are the keys). */
export const en: Readonly<Record<string, string>> = {
  "{{count}} alerts_one": "{{formatted}} alert",
  "{{count}} alerts_other": "{{formatted}} alerts",
};
