/** The one API client of the app, given to components through context (tests may give another). */
import { createContext, type ReactNode, useContext } from "react";
import { ApiClient } from "./client.ts";

const ApiContext = createContext<ApiClient | null>(null);

/** Provides the API client. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The API client (inside {@link ApiProvider}). */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (client === null) throw new Error("useApi outside ApiProvider");
  return client;
}
