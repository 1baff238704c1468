// The worker boundary: the only place the engine meets comlink inside the worker.
import { expose } from "comlink";
import { engineApi } from "./api.ts";

expose(engineApi);
