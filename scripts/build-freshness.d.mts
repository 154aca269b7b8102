export interface BuildPart { name: string; inputs: string[]; skip: string[]; outputs: string[]; stamp: string }
export const BUILD_PARTS: BuildPart[];
export function fingerprint(root: string, part: BuildPart): string;
export function staleReason(root: string, part: BuildPart): string | null;
export function writeStamp(root: string, part: BuildPart, print: string): void;
