export declare const root: string;
export declare function renderContracts(): Promise<Record<string, string>>;
