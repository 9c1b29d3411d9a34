import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// About 49,000 passwords seen most often in breaches (the zxcvbn-ts list). Compared without case,
// since "Password1" is as guessable as "password1".
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()));
  return common.has(password.toLowerCase());
}
