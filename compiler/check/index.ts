/** The checker: AST in, diagnostics and (when there is no error) the contract's model out. */
export * from "./check-contract.ts";
