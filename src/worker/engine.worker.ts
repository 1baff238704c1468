// The worker boundary: the only place the engine meets comlink inside the worker.
import { expose } from "comlink";
import { createEngineApi } from "./api.ts";

expose(createEngineApi());
