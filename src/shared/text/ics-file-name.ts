/** The id in a download path such as `<id>.ics`, or undefined when the path is not one. */
export function icsFileId(file: unknown): string | undefined {
  return /^([A-Za-z0-9-]{1,64})\.ics$/.exec(String(file ?? ''))?.[1];
}
