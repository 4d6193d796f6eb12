/** Type-level helpers for the vendor contracts (et-contract.ts, excel-contract.ts). */
export type Assert<T extends true> = T;
export type IsMethod<T, K extends keyof T> = T[K] extends (...args: never[]) => unknown ? true : false;
export type IsProperty<T, K extends keyof T> = IsMethod<T, K> extends true ? false : true;
