/** The IANA zones this runtime knows, with the current one guaranteed in the list (e.g. plain "UTC"). */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
