/** Where the CLI writes: injected so tests capture it and the CLI never touches process itself. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}
