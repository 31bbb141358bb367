// Worker threads do not inherit the parent's tsx loader: register it in this thread, then load the
// TypeScript entry named in workerData. Kept in plain JavaScript because it must run before tsx does.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
