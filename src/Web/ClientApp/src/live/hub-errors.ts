// The hub refuses a whole Subscribe call when one symbol is unknown (it has not traded yet, for
// instance right after a silo restart) and names it in the message: "... unknown symbol XYZ".

const unknownSymbol = /unknown symbol ([A-Z0-9][A-Z0-9._-]{0,15})/;

export function unknownSymbolIn(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return unknownSymbol.exec(message)?.[1] ?? null;
}
