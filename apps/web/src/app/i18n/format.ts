export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing parameter is noticed. */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
