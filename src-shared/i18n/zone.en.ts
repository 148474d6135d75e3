/** The workspace time zone: the searchable picker, the change and its confirmation (English). */
export const zoneEn = {
  'zone.search': 'Search a city or an offset (e.g. Shanghai, +8)',
  'zone.noMatch': 'No time zone matches “{query}”.',
  'zone.matches': 'Time zones found: {count}',
  'zone.firstUse': 'Time zone of this workspace',
  'zone.firstUseHint':
    'Days, hours and “yesterday” are counted in this zone. The demo uses its own zone, Asia/Shanghai.',
  'zone.confirmTitle': 'Change the time zone to {zone}?',
  'zone.confirmMoves':
    '{count} calls will move to another day, and every time will show in {zone}. Dashboards, targets and reports follow.',
  'zone.confirmNoMoves': 'No call changes day; times will show in {zone}.',
  'zone.confirmOrders': '{count} order entries move to another day too.',
  'zone.confirmAcks':
    'Acknowledged alerts that will show again: {count} (their calls now share a day with other calls, or are split over two days).',
  'zone.confirm': 'Change time zone',
  'zone.cancel': 'Cancel',
  'zone.refused':
    'The time zone cannot change: closed months {months} would change. Reopen them on the Reports page first.',
  'zone.changing': 'Moving calls to their days in the new zone…',
  'zone.failed': 'The time zone was not changed: {message}',
} as const;
