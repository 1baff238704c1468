/** Where the CLI writes: injected so tests capture it and the CLI never touches process itself. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, for `-` (JSON Lines of scenarios); absent where there is none. */
  readonly stdin?: Input;
}

/** Standard input's chunks: `process.stdin`, or strings in tests. */
export type Input = AsyncIterable<Uint8Array | string> | Iterable<string>;
