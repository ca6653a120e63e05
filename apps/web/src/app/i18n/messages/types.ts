/** A message file maps keys to [zh-CN, en-US] texts. */
export type Messages = Record<string, readonly [zh: string, en: string]>;
