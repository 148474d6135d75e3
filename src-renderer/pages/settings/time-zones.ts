/**
 * The time zones the picker offers, searchable by city (English or Chinese), by IANA name and by
 * UTC offset ("+8", "UTC+08:00", "-5", "+5:30"). Kept light: the runtime's own list
 * (`Intl.supportedValuesOf`) and Chinese names for the cities a Chinese team lead looks for.
 */
import type { Language } from '../../../src-shared/domain';

/** Chinese city names (and other words people type) for the common zones. */
const ZH_NAMES: Record<string, readonly string[]> = {
  'Asia/Shanghai': ['上海', '北京', '中国', '北京时间', 'Beijing', 'China'],
  'Asia/Urumqi': ['乌鲁木齐'],
  'Asia/Hong_Kong': ['香港'],
  'Asia/Macau': ['澳门'],
  'Asia/Taipei': ['台北'],
  'Asia/Tokyo': ['东京', '日本', 'Japan'],
  'Asia/Seoul': ['首尔', '韩国', 'Korea'],
  'Asia/Singapore': ['新加坡'],
  'Asia/Kuala_Lumpur': ['吉隆坡', '马来西亚'],
  'Asia/Bangkok': ['曼谷', '泰国'],
  'Asia/Ho_Chi_Minh': ['胡志明市', '越南'],
  'Asia/Jakarta': ['雅加达', '印度尼西亚'],
  'Asia/Manila': ['马尼拉', '菲律宾'],
  'Asia/Kolkata': ['加尔各答', '印度', '新德里', 'India'],
  'Asia/Dubai': ['迪拜', '阿联酋'],
  'Asia/Karachi': ['卡拉奇', '巴基斯坦'],
  'Asia/Dhaka': ['达卡', '孟加拉国'],
  'Asia/Yangon': ['仰光', '缅甸'],
  'Asia/Kathmandu': ['加德满都', '尼泊尔'],
  'Asia/Tashkent': ['塔什干'],
  'Asia/Almaty': ['阿拉木图', '哈萨克斯坦'],
  'Asia/Riyadh': ['利雅得', '沙特阿拉伯'],
  'Asia/Tehran': ['德黑兰', '伊朗'],
  'Asia/Jerusalem': ['耶路撒冷', '以色列'],
  'Europe/London': ['伦敦', '英国', 'UK'],
  'Europe/Dublin': ['都柏林', '爱尔兰'],
  'Europe/Lisbon': ['里斯本', '葡萄牙'],
  'Europe/Paris': ['巴黎', '法国'],
  'Europe/Berlin': ['柏林', '德国'],
  'Europe/Madrid': ['马德里', '西班牙'],
  'Europe/Rome': ['罗马', '意大利'],
  'Europe/Amsterdam': ['阿姆斯特丹', '荷兰'],
  'Europe/Brussels': ['布鲁塞尔', '比利时'],
  'Europe/Zurich': ['苏黎世', '瑞士'],
  'Europe/Vienna': ['维也纳', '奥地利'],
  'Europe/Stockholm': ['斯德哥尔摩', '瑞典'],
  'Europe/Warsaw': ['华沙', '波兰'],
  'Europe/Prague': ['布拉格', '捷克'],
  'Europe/Athens': ['雅典', '希腊'],
  'Europe/Istanbul': ['伊斯坦布尔', '土耳其'],
  'Europe/Moscow': ['莫斯科', '俄罗斯'],
  'Europe/Kyiv': ['基辅', '乌克兰'],
  'Africa/Cairo': ['开罗', '埃及'],
  'Africa/Johannesburg': ['约翰内斯堡', '南非'],
  'Africa/Lagos': ['拉各斯', '尼日利亚'],
  'Africa/Nairobi': ['内罗毕', '肯尼亚'],
  'America/New_York': ['纽约', '美国东部'],
  'America/Chicago': ['芝加哥', '美国中部'],
  'America/Denver': ['丹佛', '美国山地'],
  'America/Los_Angeles': ['洛杉矶', '美国西部', '旧金山'],
  'America/Anchorage': ['安克雷奇'],
  'America/Toronto': ['多伦多', '加拿大'],
  'America/Vancouver': ['温哥华'],
  'America/Mexico_City': ['墨西哥城', '墨西哥'],
  'America/Bogota': ['波哥大', '哥伦比亚'],
  'America/Lima': ['利马', '秘鲁'],
  'America/Santiago': ['圣地亚哥', '智利'],
  'America/Sao_Paulo': ['圣保罗', '巴西'],
  'America/Argentina/Buenos_Aires': ['布宜诺斯艾利斯', '阿根廷'],
  'Pacific/Honolulu': ['檀香山', '夏威夷'],
  'Pacific/Auckland': ['奥克兰', '新西兰'],
  'Australia/Sydney': ['悉尼', '澳大利亚'],
  'Australia/Melbourne': ['墨尔本'],
  'Australia/Perth': ['珀斯'],
  UTC: ['协调世界时', '格林尼治'],
};

export interface ZoneOption {
  id: string;
  /** what the list shows, e.g. "上海 / Shanghai  UTC+08:00" */
  label: string;
  /** minutes east of UTC at `at` */
  offsetMinutes: number;
  /** lowercase text a query is looked for in */
  haystack: string;
}

/** "+08:00" for 480. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Minutes east of UTC of `zone` at the instant `at` (from the runtime's own zone data). */
export function offsetMinutesAt(zone: string, at: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** "Asia/Ho_Chi_Minh" -> "Ho Chi Minh", "America/Argentina/Buenos_Aires" -> "Buenos Aires". */
export function cityOf(zone: string): string {
  return zone.split('/').pop()!.replace(/_/g, ' ');
}

/** The runtime's zones (with `current` guaranteed in the list, e.g. a plain "UTC"). */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  // Some runtimes list only city zones: UTC itself (a common choice for a server's logs) is added.
  const extra = [current, 'UTC'].filter((z, i, all) => !zones.includes(z) && all.indexOf(z) === i);
  return [...extra, ...zones];
}

/** Every zone with its label in `language`: the named (common) zones first, then by offset and name. */
export function zoneOptions(language: Language, current: string, at: number): ZoneOption[] {
  const options = timeZoneOptions(current).map((id): ZoneOption => {
    const offsetMinutes = offsetMinutesAt(id, at);
    const zh = ZH_NAMES[id] ?? [];
    const city = cityOf(id);
    const offset = `UTC${formatOffset(offsetMinutes)}`;
    const label = language === 'zh-CN' && zh[0] ? `${zh[0]} / ${city}  ${offset}` : `${city}  ${offset}`;
    const haystack = [id, id.replace(/_/g, ' '), city, ...zh, offset].join(' ').toLowerCase();
    return { id, label: id === city ? label : `${label}  (${id})`, offsetMinutes, haystack };
  });
  // The named zones in the table's order (Shanghai first: the floors this app is made for), then the rest.
  const order = new Map(Object.keys(ZH_NAMES).map((id, i) => [id, i]));
  const rank = (o: ZoneOption) => order.get(o.id) ?? order.size;
  return options.sort(
    (a, b) => rank(a) - rank(b) || a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id),
  );
}

const OFFSET_QUERY = /^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?:[:.]?(\d{2}))?$/i;

/** The options a query finds: by offset when it reads as one ("+8", "utc-5", "+5:30"), else by text. */
export function searchZones(options: readonly ZoneOption[], query: string): ZoneOption[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...options];
  const offset = OFFSET_QUERY.exec(q);
  if (offset) {
    const minutes = (offset[1] === '+' ? 1 : -1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0));
    return options.filter((o) => o.offsetMinutes === minutes);
  }
  const words = q.split(/\s+/);
  const found = options.filter((o) => words.every((w) => o.haystack.includes(w)));
  // A zone named exactly what was typed ("utc", "tokyo") comes first.
  const exact = (o: ZoneOption) => (o.id.toLowerCase() === q || cityOf(o.id).toLowerCase() === q ? 0 : 1);
  return found.sort((a, b) => exact(a) - exact(b));
}
