/** Starts the app: the language first (so the first paint is in it), then React. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { initialLanguage, startI18n } from "./i18n/i18n.ts";
import "./styles.css";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
await startI18n(initialLanguage());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
